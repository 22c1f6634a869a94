import { exportAuditCsv } from '@/lib/audit/export';
import { parseAuditFilter } from '@/lib/audit/filters';
import { BAD_REQUEST } from '@/lib/entry/respond';
import { adminRoute } from '@/lib/entry/routes';

export const dynamic = 'force-dynamic';

/** CSV export of the admin's own hospital's audit rows (same filters as the viewer); the export is audited first. */
export const GET = adminRoute(
  undefined,
  async ({ request, admin, deps }) => {
    const parsed = parseAuditFilter(new URL(request.url).searchParams);
    if (!parsed.ok) throw BAD_REQUEST;
    const { before: _before, ...filter } = parsed.filter;
    const body = await exportAuditCsv(deps.db, admin, filter);
    const stamp = deps.now().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${admin.hospitalCode}-${stamp}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  },
  'privacy-officer',
);
