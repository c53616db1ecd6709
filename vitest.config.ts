import { svelteTesting } from '@testing-library/svelte/vite';
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  plugins: [svelteTesting()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
