import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { publicRoute } from '@/lib/entry/routes';

// Options are built per request so that configuration is read at run time, never at build time.
const handler = publicRoute(
  async ({ request, context }) => (await NextAuth(request as never, context as never, authOptions())) as Response,
);

export { handler as GET, handler as POST };
