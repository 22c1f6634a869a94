import { NextResponse } from 'next/server';
import { z } from 'zod';
import { createAdminAccount } from '@/lib/admin/setup';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { hasBearer } from '@/lib/http/bearer';

const bodySchema = z.object({ hospitalCode: z.string(), username: z.string(), displayName: z.string().optional() });

/**
 * Test runs only (APP_ENV=test, service token): the same account creation `npm run admin:create` performs, for
 * Playwright, which cannot open the embedded database while the app holds it. Answers 404 everywhere else.
 */
export async function POST(request: Request): Promise<Response> {
  const config = env();
  if (config.APP_ENV !== 'test') return new NextResponse(null, { status: 404 });
  if (!hasBearer(request.headers, config.SERVICE_TOKEN)) return new NextResponse(null, { status: 404 });
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return NextResponse.json({ errors: ['bad body'] }, { status: 400 });
  const result = await createAdminAccount(await db(), body.data);
  if (!result.ok) return NextResponse.json({ errors: result.errors }, { status: 400 });
  return NextResponse.json({ setupPath: `/admin/setup/${result.token}` });
}
