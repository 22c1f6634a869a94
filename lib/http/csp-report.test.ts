import { describe, expect, it } from 'vitest';
import { createReportLimiter, parseCspReport } from './csp-report';

describe('parseCspReport', () => {
  it('reads the legacy report-uri form, keeping only the directive and the blocked origin', () => {
    const body = {
      'csp-report': {
        'document-uri': 'https://viewer.example/patient/6f1c…?cid=3100400123456',
        'violated-directive': 'script-src-elem',
        'blocked-uri': 'https://evil.example/x.js?token=abc',
      },
    };
    expect(parseCspReport(body)).toEqual([{ directive: 'script-src-elem', blocked: 'https://evil.example' }]);
    expect(JSON.stringify(parseCspReport(body))).not.toContain('3100400123456');
  });

  it('reads the Reporting API form and ignores other report types', () => {
    const body = [
      { type: 'csp-violation', body: { effectiveDirective: 'img-src', blockedURL: 'http://tracker.example/p.gif' } },
      { type: 'deprecation', body: {} },
      { type: 'csp-violation', body: { effectiveDirective: 'style-src-attr', blockedURL: 'inline' } },
    ];
    expect(parseCspReport(body)).toEqual([
      { directive: 'img-src', blocked: 'http://tracker.example' },
      { directive: 'style-src-attr', blocked: 'inline' },
    ]);
  });

  it('labels an unknown directive "other" and refuses what is not a report', () => {
    expect(parseCspReport({ 'csp-report': { 'violated-directive': 'made-up-src', 'blocked-uri': 'not a url' } })).toEqual([
      { directive: 'other', blocked: 'unknown' },
    ]);
    expect(parseCspReport({ hello: 'world' })).toBeNull();
    expect(parseCspReport('x')).toBeNull();
  });
});

describe('createReportLimiter', () => {
  it('lets `limit` reports through per window and starts again in the next', () => {
    let t = 0;
    const allow = createReportLimiter(3, 60_000, () => t);
    expect([allow(), allow(), allow(), allow()]).toEqual([true, true, true, false]);
    t = 60_000;
    expect(allow()).toBe(true);
  });
});
