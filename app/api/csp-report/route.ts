import { publicRoute } from '@/lib/entry/routes';
import { readBoundedJson } from '@/lib/http/bounded-body';
import { createReportLimiter, MAX_REPORT_BYTES, parseCspReport } from '@/lib/http/csp-report';
import { logger } from '@/lib/log';
import { metrics } from '@/lib/metrics';

export const dynamic = 'force-dynamic';

// 60 logged reports a minute per instance; the rest are only counted.
const allow = createReportLimiter(60, 60_000);

/**
 * Where browsers report Content-Security-Policy violations (the CSP's report-uri / report-to). Anyone may
 * post here, so nothing personal is kept: only the directive and the blocked origin, as a metric and a log
 * line. Always 204: a reporter learns nothing from the answer.
 */
export const POST = publicRoute(async ({ request }) => {
  const violations = parseCspReport(await readBoundedJson(request, MAX_REPORT_BYTES));
  if (violations === null) {
    metrics().cspReports.inc({ directive: 'other', outcome: 'invalid' });
    return new Response(null, { status: 204 });
  }
  for (const v of violations) {
    const accepted = allow();
    metrics().cspReports.inc({ directive: v.directive, outcome: accepted ? 'accepted' : 'dropped' });
    if (accepted) logger().warn({ directive: v.directive, blocked: v.blocked }, 'content security policy violation');
  }
  return new Response(null, { status: 204 });
});
