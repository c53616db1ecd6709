import { defineConfig } from 'vitest/config';

/** Browser tests against the built site in `dist/` (run `npm run build` first). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    // expect.poll gives up after 1 s by default; a page on a loaded 2-core machine can take longer
    // to load its storage code on idle, which is not a failure.
    expect: { poll: { timeout: 10_000 } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
