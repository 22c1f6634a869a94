import { z } from 'zod';
import { createAdminAccount } from '@/lib/admin/setup';
import { serviceRoute } from '@/lib/entry/routes';

const bodySchema = z.object({ hospitalCode: z.string(), username: z.string(), displayName: z.string().optional() });

/**
 * Test runs only (APP_ENV=test, service token): the same account creation `npm run admin:create` performs, for
 * Playwright, which cannot open the embedded database while the app holds it. Answers 404 everywhere else.
 */
export const POST = serviceRoute({ token: 'SERVICE_TOKEN', onlyIn: 'test' }, async ({ request, deps }) => {
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ errors: ['bad body'] }, { status: 400 });
  const result = await createAdminAccount(deps.db, body.data);
  if (!result.ok) return Response.json({ errors: result.errors }, { status: 400 });
  return Response.json({ setupPath: `/admin/setup/${result.token}` });
});
