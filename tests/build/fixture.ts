import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const PROJECT = resolve('.');
const FIXTURES = join(PROJECT, 'tests/build/.fixtures');

/**
 * The environment without what vitest adds: NODE_ENV=test (a development build of Svelte) and
 * its own `import.meta.env` (MODE=test, PROD empty…), which the build would take as its own.
 */
const BUILD_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      !/^(NODE_ENV|TEST|VITEST\w*|SITE|BASE_URL|MODE|DEV|PROD|ASSETS_PREFIX|SSR|CAMNANG_SITE)$/.test(
        key,
      ),
  ),
);

/** Builds a site whose content is `files`, with this project's code; `env` adds to the environment. */
export function buildFixture(
  name: string,
  files: Record<string, string>,
  env: Record<string, string> = {},
) {
  const root = join(FIXTURES, name);
  rmSync(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const result = spawnSync(
    process.execPath,
    // Astro resolves --config against --root.
    [
      join(PROJECT, 'node_modules/astro/bin/astro.mjs'),
      'build',
      '--root',
      root,
      '--config',
      relative(root, join(PROJECT, 'astro.config.mjs')),
    ],
    {
      encoding: 'utf8',
      cwd: PROJECT,
      env: { ...BUILD_ENV, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    },
  );
  const dist = join(root, 'dist');
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    page: (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8'),
    exists: (path: string) => existsSync(join(dist, path)),
    dir: (path: string) => join(dist, path),
    file: (path: string) => readFileSync(join(dist, path), 'utf8'),
    /** Every page and sitemap written, by path. */
    written: () =>
      readdirSync(dist, { recursive: true, encoding: 'utf8' })
        .filter((path) => /\.(html|xml)$/.test(path) && !path.startsWith('.'))
        .map((path) => ({ path, text: readFileSync(join(dist, path), 'utf8') })),
  };
}

export const REGULATION = (overrides = '') => `---
type: Quy định
number: 9-QĐ/TW
title: Về một quy định dùng để kiểm thử
issuer: Bộ Chính trị
issuedAt: 2022-07-06
status: con-hieu-luc
${overrides}sources:
  - title: Nguồn kiểm chứng
    url: https://example.org/nguon
verifiedAt: 2026-11-26
---

Văn bản giả định để kiểm thử trang.
`;
