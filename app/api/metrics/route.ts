import { env } from '@/lib/env';
import { hasBearer } from '@/lib/http/bearer';
import { metrics } from '@/lib/metrics';

export const dynamic = 'force-dynamic';

/** Prometheus metrics, for the operator's scraper only (Bearer METRICS_TOKEN). */
export async function GET(request: Request): Promise<Response> {
  if (!hasBearer(request.headers, env().METRICS_TOKEN)) return new Response('unauthorised\n', { status: 401, headers: { 'WWW-Authenticate': 'Bearer', 'Cache-Control': 'no-store' } });
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } });
}
