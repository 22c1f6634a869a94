import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so that configuration is read at run time, never at build time.
async function handler(request: Request, context: Ctx): Promise<Response> {
  return (await NextAuth(request as never, context as never, authOptions())) as Response;
}

export { handler as GET, handler as POST };
