import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The server's tests run on the package's source, not on a build that may be stale.
  resolve: { alias: { '@cognate/sigv4': new URL('./packages/sigv4/src/index.ts', import.meta.url).pathname } },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    globalSetup: ['packages/server/test/support/global-setup.ts'],
    testTimeout: 30000,
    hookTimeout: 120000,
    pool: 'forks',
  },
});
