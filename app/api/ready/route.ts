import { publicRoute } from '@/lib/entry/routes';
import { checkReadiness } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Readiness: the database and every external adapter reachable. */
export const GET = publicRoute(async () => {
  const ready = await checkReadiness();
  return Response.json(ready, { status: ready.status === 'ready' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
});
