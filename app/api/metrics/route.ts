import { serviceRoute } from '@/lib/entry/routes';
import { metrics } from '@/lib/metrics';

export const dynamic = 'force-dynamic';

/** Prometheus metrics, for the operator's scraper only (Bearer METRICS_TOKEN). */
export const GET = serviceRoute({ token: 'METRICS_TOKEN' }, async () => {
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } });
});
