import { z } from 'zod';
import { BAD_REQUEST, NO_STORE } from '@/lib/entry/respond';
import { patientRoute } from '@/lib/entry/routes';
import { toHttpError } from '@/lib/errors';
import { fetchHospitalViews } from '@/lib/timeline/hospital-view';
import { viewLines, type TimelineLine } from '@/lib/timeline/stream-lines';

export const dynamic = 'force-dynamic';

const hospitalsSchema = z
  .string()
  .regex(/^\d{5}(,\d{5}){0,99}$/)
  .transform((s) => [...new Set(s.split(','))]);
/**
 * JSON lines, under a text type: Next compresses (and flushes line by line) only the types it knows to be
 * compressible, and `application/x-ndjson` is not one of them — the stress patient's timeline went out as
 * 13.1 MB instead of 0.5 MB gzipped.
 */
const NDJSON_TYPE = 'text/x-ndjson; charset=utf-8';

/**
 * Several hospitals' records for the patient of an active consent or emergency access, in ONE request: the
 * session and the access are checked once, every hospital is read in parallel, and each answer is sent as
 * JSON lines (`{hcode, view}` or `{hcode, error}`; a large answer is cut, see lib/timeline/stream-lines.ts)
 * the moment it is ready — so the record page fills as hospitals answer without twelve requests each
 * repeating the checks. Each hospital's read is audited
 * exactly as in the one-hospital route (`hospitals/[hcode]`), which the page uses for retries.
 */
export const GET = patientRoute(z.object({ accessId: z.uuid() }), ({ request, doctor, access, deps }) => {
  const hospitals = hospitalsSchema.safeParse(new URL(request.url).searchParams.get('h') ?? '');
  if (!hospitals.success) throw BAD_REQUEST;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let left = hospitals.data.length;
      const reads = fetchHospitalViews(doctor, access, hospitals.data, deps);
      for (const [i, hcode] of hospitals.data.entries()) {
        reads[i]!.then(
          (view): TimelineLine[] => viewLines(hcode, view),
          (error: unknown): TimelineLine[] => {
            const { status, body: message } = toHttpError(error);
            return [{ hcode, error: { status, ...message } }];
          },
        )
          .then((lines) => {
            for (const line of lines) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
            if (--left === 0) controller.close();
          })
          .catch(() => undefined); // the reader went away: the reads are audited, there is no one left to tell
      }
    },
  });
  // X-Accel-Buffering: a reverse proxy (nginx) must pass each line on as it comes, not hold the answer back.
  return new Response(body, { headers: { ...NO_STORE, 'Content-Type': NDJSON_TYPE, 'X-Accel-Buffering': 'no' } });
});
