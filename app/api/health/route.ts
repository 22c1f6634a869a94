import { publicRoute } from '@/lib/entry/routes';
import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Liveness and database check for load balancers; no authentication, no personal data. */
export const GET = publicRoute(async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
});
