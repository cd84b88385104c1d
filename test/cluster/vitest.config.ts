import { defineConfig } from 'vitest/config';

// `npm run test:cluster`: the production topology on loopback (nginx, three Netra servers from the
// production build, PostgreSQL primary + streaming replica, an S3-protocol store). One file, in order.
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.cluster.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
