import { defineConfig } from 'vitest/config';

/** Browser tests against the built site in `dist/` (run `npm run build` first). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    // A browser on a loaded 2-core machine has timing variance; a real failure fails every try.
    retry: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
