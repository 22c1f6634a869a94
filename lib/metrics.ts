import client from 'prom-client';

// No 'server-only' here: the production HTTP server (lib/cli/server.ts) records request metrics into the
// same registry that /api/metrics serves. The registry lives on globalThis so every bundle layer shares it.

export interface Metrics {
  registry: client.Registry;
  httpRequests: client.Counter<'method' | 'route' | 'status'>;
  httpDuration: client.Histogram<'method' | 'route'>;
  exchangeDuration: client.Histogram<'hospital' | 'status'>;
  exchangeResults: client.Counter<'hospital' | 'status'>;
  breakerOpen: client.Gauge<'hospital'>;
  otpMessages: client.Counter<'outcome'>;
  signInFailures: client.Counter<'reason'>;
  auditWriteFailures: client.Counter;
  wrongPatientDropped: client.Counter<'hospital'>;
  licenceChecks: client.Counter<'outcome'>;
  cspReports: client.Counter<'directive' | 'outcome'>;
  refusedRequests: client.Counter<'reason'>;
}

const globalForMetrics = globalThis as unknown as { __hlMetrics?: Metrics };

/** The process's Prometheus metrics (one set per app instance; Prometheus aggregates across instances). */
export function metrics(): Metrics {
  if (globalForMetrics.__hlMetrics) return globalForMetrics.__hlMetrics;
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'hl_' });
  const m: Metrics = {
    registry,
    httpRequests: new client.Counter({
      name: 'hl_http_requests_total',
      help: 'HTTP requests by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: 'hl_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15],
      registers: [registry],
    }),
    exchangeDuration: new client.Histogram({
      name: 'hl_exchange_hospital_duration_seconds',
      help: 'Time to fetch one hospital’s records through the exchange',
      labelNames: ['hospital', 'status'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16],
      registers: [registry],
    }),
    exchangeResults: new client.Counter({
      name: 'hl_exchange_hospital_results_total',
      help: 'Per-hospital fetch outcomes (answered, no-data, not-shared, timeout, error, malformed, circuit-open)',
      labelNames: ['hospital', 'status'],
      registers: [registry],
    }),
    breakerOpen: new client.Gauge({
      name: 'hl_exchange_breaker_open',
      help: '1 while the circuit breaker for a hospital is open or half-open',
      labelNames: ['hospital'],
      registers: [registry],
    }),
    otpMessages: new client.Counter({
      name: 'hl_otp_messages_total',
      help: 'Consent OTP SMS by outcome (sent, failed) and verifications (verified, wrong)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    signInFailures: new client.Counter({
      name: 'hl_sign_in_failures_total',
      help: 'Failed sign-ins by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    auditWriteFailures: new client.Counter({
      name: 'hl_audit_write_failures_total',
      help: 'Audit rows that could not be written (the action was refused)',
      registers: [registry],
    }),
    wrongPatientDropped: new client.Counter({
      name: 'hl_wrong_patient_resources_dropped_total',
      help: 'Resources dropped because they did not belong to the consented patient',
      labelNames: ['hospital'],
      registers: [registry],
    }),
    licenceChecks: new client.Counter({
      name: 'hl_licence_refresh_checks_total',
      help: 'Background licence re-checks with the council registry by outcome (active, refused, unavailable)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    refusedRequests: new client.Counter({
      name: 'hl_refused_requests_total',
      help: 'Requests refused before reaching the app (foreign-origin server actions; oversized, too deeply nested or undecodable action bodies)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    cspReports: new client.Counter({
      name: 'hl_csp_reports_total',
      help: 'Content-Security-Policy violation reports by directive (accepted, dropped over the rate limit, invalid)',
      labelNames: ['directive', 'outcome'],
      registers: [registry],
    }),
  };
  globalForMetrics.__hlMetrics = m;
  return m;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Turns a path into a low-cardinality route label: ids, hospital codes and tokens become placeholders,
 * so no citizen ID or access id ever becomes a metric label.
 */
export function routeLabel(pathname: string): string {
  if (pathname.startsWith('/_next/')) return '/_next/*';
  const parts = pathname.split('?')[0]!.split('/').filter(Boolean).slice(0, 6);
  const mapped = parts.map((p) =>
    UUID.test(p) ? ':id' : /^\d{5}$/.test(p) ? ':hcode' : /^\d+$/.test(p) ? ':n' : p.length > 40 ? ':token' : p,
  );
  return `/${mapped.join('/')}`;
}
