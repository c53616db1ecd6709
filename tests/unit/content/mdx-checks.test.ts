import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintContent } from '../../../src/lib/content/lint.ts';
import { formatProblem } from '../../../src/lib/content/problem.ts';

function lint(files: Record<string, string>): string[] {
  const root = mkdtempSync(join(tmpdir(), 'camnang-mdx-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return lintContent(root).problems.map(formatProblem);
}

const lesson = (body: string) =>
  `---\ntitle: Bài\ndescription: Mô tả\nauthor: Tổ soạn\nupdatedAt: 2026-11-26\n---\n\n${body}\n`;
const FILE = 'content/lessons/bai.mdx';

describe('lint of MDX bodies', () => {
  it('passes a lesson whose links all exist', () => {
    expect(
      lint({
        [FILE]: lesson('<Definition term="giam-sat" /> và ![Sơ đồ quy trình](so-do.png)'),
        'content/glossary/giam-sat.yaml': 'term: Giám sát\ndefinition: Theo dõi.\n',
      }),
    ).toEqual([]);
  });

  it('finds a glossary link to a missing term, with its line', () => {
    expect(lint({ [FILE]: lesson('Dòng một.\n\n<Definition term="khong-co" />') })).toEqual([
      `${FILE}:10: <Definition> term: không có thuật ngữ "khong-co" trong content/glossary/`,
    ]);
  });

  it('finds an embedded quiz that does not exist', () => {
    expect(lint({ [FILE]: lesson('<QuizEmbed id="khong-co" />') })).toEqual([
      `${FILE}:8: <QuizEmbed> id: không có bài trắc nghiệm "khong-co" trong quizzes/`,
    ]);
  });

  it('finds images without a description', () => {
    expect(lint({ [FILE]: lesson('![](anh.png)\n\n<img src="b.png">') })).toEqual([
      `${FILE}:8: ảnh "anh.png" thiếu mô tả (alt): viết ![mô tả ngắn](anh.png)`,
      `${FILE}:10: thẻ <img> thiếu thuộc tính alt mô tả nội dung ảnh`,
    ]);
  });

  it('reports schema problems of a case study: it must be hypothetical', () => {
    const problems = lint({
      'content/cases/x.mdx': `---\ntitle: X\ndescription: Y\nhypothetical: false\nsituation: S\nregulations: [Điều 35 Điều lệ Đảng]\nquestions: [Q?]\nanalysis: A\noutcome: O\nauthor: T\nupdatedAt: 2026-11-26\n---\n`,
    });
    expect(problems).toEqual([
      'content/cases/x.mdx:4: hypothetical: tình huống phải là giả định: ghi hypothetical: true',
    ]);
  });
});
