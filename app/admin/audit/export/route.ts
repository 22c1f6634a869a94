import { adminActor } from '@/lib/audit/actor';
import { appendAudit } from '@/lib/audit/append';
import { auditCsvChunks } from '@/lib/audit/queries';
import { parseAuditFilter } from '@/lib/audit/filters';
import { AUDIT_UNAVAILABLE } from '@/lib/audit/read';
import { requireAdmin } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { AppError, toHttpError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** CSV export of the admin's own hospital's audit rows (same filters as the viewer); the export is audited first. */
export async function GET(request: Request): Promise<Response> {
  try {
    const admin = await requireAdmin();
    const parsed = parseAuditFilter(new URL(request.url).searchParams);
    if (!parsed.ok) throw new AppError('bad-request', { th: 'ตัวกรองไม่ถูกต้อง', en: 'Invalid filters.' });
    const { before: _before, ...filter } = parsed.filter;
    const database = await db();
    try {
      await appendAudit(database, {
        ...adminActor(admin),
        action: 'audit-export',
        outcome: 'success',
        patientCid: filter.patient ?? null,
        details: { format: 'csv', filters: Object.keys(filter).filter((k) => k !== 'patient') },
      });
    } catch {
      throw new AppError('audit-unavailable', AUDIT_UNAVAILABLE);
    }
    const chunks = auditCsvChunks(database, admin.hospitalCode, filter);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${admin.hospitalCode}-${stamp}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    const { status, body } = toHttpError(error);
    return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
  }
}
