import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // A separate build folder lets parallel developers/CI jobs build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite ships a WASM build and pg has optional native bindings: load both from node_modules at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pino', 'prom-client'],
  typedRoutes: false,
  // `npm test` type-checks the whole project first (tsc --noEmit); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  headers() {
    // The per-request CSP with its nonce is set in proxy.ts; these apply to every response, static files too.
    return Promise.resolve([
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=()' },
        ],
      },
    ]);
  },
};

export default nextConfig;
