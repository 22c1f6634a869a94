import { describe, expect, it } from 'vitest';
import { metrics, routeLabel } from './metrics';

describe('routeLabel', () => {
  it.each([
    ['/api/access/0b7c8a5e-1d2f-4a3b-9c8d-7e6f5a4b3c2d/hospitals/11535', '/api/access/:id/hospitals/:hcode'],
    ['/api/patients/3100400123456/access-log', '/api/patients/:n/access-log'],
    ['/patient/0b7c8a5e-1d2f-4a3b-9c8d-7e6f5a4b3c2d?x=1', '/patient/:id'],
    ['/_next/static/chunks/abc.js', '/_next/*'],
    ['/', '/'],
  ])('%s → %s', (path, label) => {
    expect(routeLabel(path)).toBe(label);
  });
});

describe('metrics', () => {
  it('is one registry per process and exposes the documented series', async () => {
    expect(metrics()).toBe(metrics());
    metrics().exchangeResults.inc({ hospital: '11535', status: 'answered' });
    const text = await metrics().registry.metrics();
    for (const name of [
      'hl_http_requests_total',
      'hl_exchange_hospital_results_total',
      'hl_exchange_breaker_open',
      'hl_otp_messages_total',
      'hl_sign_in_failures_total',
      'hl_audit_write_failures_total',
    ]) {
      expect(text).toContain(name);
    }
  });
});
