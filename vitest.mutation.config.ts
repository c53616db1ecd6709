import { realpathSync } from 'node:fs';
import { svelteTesting } from '@testing-library/svelte/vite';
import { getViteConfig } from 'astro/config';

/**
 * The unit tests alone, which mutation testing (`npm run test:mutation`) runs against each
 * mutant, in a copy of the project whose node_modules is a link to this one's. The CLI's tests
 * are left out: they reach lib through child processes, seconds each, and would run for every
 * mutant they might cover.
 */
export default getViteConfig({
  plugins: [svelteTesting()],
  server: { fs: { allow: ['.', realpathSync('node_modules')] } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: ['tests/unit/cli/**'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
