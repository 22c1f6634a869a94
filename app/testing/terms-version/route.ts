import { z } from 'zod';
import { serviceRoute } from '@/lib/entry/routes';
import { setTestTermsVersion } from '@/lib/terms/version';

const bodySchema = z.object({ version: z.string().min(1).max(40).nullable() });

/**
 * Test runs only (APP_ENV=test, service token): publishes a new terms version without a code edit, so
 * e2e/terms.spec.ts can prove a new version is asked for again. Answers 404 everywhere else.
 */
export const POST = serviceRoute({ token: 'SERVICE_TOKEN', onlyIn: 'test' }, async ({ request }) => {
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ errors: ['bad body'] }, { status: 400 });
  setTestTermsVersion(body.data.version);
  return Response.json({ ok: true });
});
