import type { NextConfig } from 'next';
import { SECURITY_HEADERS } from './lib/http/security-headers';

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
    return Promise.resolve([
      {
        source: '/:path*',
        headers: [...SECURITY_HEADERS],
      },
      // The record page streams each hospital's answer into its own response: a reverse proxy (nginx) must
      // pass each on as it comes, not hold the page back until the slowest hospital has answered.
      { source: '/patient/:accessId', headers: [{ key: 'X-Accel-Buffering', value: 'no' }] },
    ]);
  },
};

export default nextConfig;
