import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture } from './fixture.ts';

const camnang = (...args: string[]) =>
  spawnSync(process.execPath, [resolve('bin/camnang.mjs'), ...args], { encoding: 'utf8' });

describe('camnang new', () => {
  it('scaffolds files that pass lint and build', () => {
    const root = resolve('tests/build/.fixtures/scaffold-src');
    rmSync(root, { recursive: true, force: true });
    for (const kind of ['lesson', 'case', 'guidance', 'quiz']) {
      const result = camnang('new', kind, `mau-${kind}`, '--root', root);
      expect(result.status, result.stderr).toBe(0);
    }
    const again = camnang('new', 'lesson', 'mau-lesson', '--root', root);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('không ghi đè');
    expect(camnang('new', 'bai', 'x', '--root', root).status).toBe(2);
    expect(camnang('new', 'lesson', 'Sai Mã', '--root', root).status).toBe(2);

    const files = Object.fromEntries(
      [
        'content/lessons/mau-lesson.mdx',
        'content/cases/mau-case.mdx',
        'content/guidance/mau-guidance.mdx',
        'quizzes/mau-quiz.yaml',
        'quizzes/banks/mau-quiz.yaml',
      ].map((path) => [path, readFileSync(join(root, path), 'utf8')]),
    );
    const lint = camnang('lint', '--root', root);
    // No regulations in this root, so the sample citations can only be warnings: no errors.
    expect(lint.status, lint.stdout).toBe(0);
    const site = buildFixture('scaffold', files);
    expect(site.status, site.output).toBe(0);
    expect(site.page('bai-hoc/mau-lesson')).toContain('Điểm cần nhớ');
    expect(site.page('tinh-huong/mau-case')).toContain('Tình huống giả định');
    expect(site.page('trac-nghiem/mau-quiz')).toContain('astro-island');
  }, 120_000);
});
