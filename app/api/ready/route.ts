import { checkReadiness } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Readiness: the database and every external adapter reachable. */
export async function GET(): Promise<Response> {
  const ready = await checkReadiness();
  return Response.json(ready, { status: ready.status === 'ready' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
