import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from './fixture.ts';

const LESSON = (body: string) => `---
title: Bài thử các thành phần
description: Dùng mọi thành phần MDX
author: Tổ soạn
updatedAt: 2026-11-26
---

${body}
`;

const ALL = `
<KeyPoint>Giám sát để **phòng ngừa**.</KeyPoint>

<Callout type="canh-bao">Đừng nhầm hai khái niệm.</Callout>

Hoạt động <Definition term="giam-sat" /> và <Definition term="giam-sat">theo dõi</Definition>.

<Compare columns={["Kiểm tra", "Giám sát"]} rows={[{ label: "Mục đích", cells: ["Kết luận", "Cảnh báo sớm"] }]} />

<Timeline events={[{ date: "1/1/2030", text: "Sự kiện giả định" }]} />

<Verdict>Phát hiện sớm thì xử lý nhẹ.</Verdict>

<CaseFacts>
- Dữ kiện một
</CaseFacts>

<QuizEmbed id="on-tap" />
`;

const files = (body: string) => ({
  'content/lessons/thu.mdx': LESSON(body),
  'content/glossary/giam-sat.yaml': 'term: Giám sát\ndefinition: Theo dõi để cảnh báo sớm.\n',
  'quizzes/on-tap.yaml': `title: Ôn tập
description: Bài ôn tập giả định
banks: [chung]
draw: [{ tag: chung, count: 1 }]
passMark: 50
`,
  'quizzes/banks/chung.yaml': `title: Chung
questions:
  - id: cau-1
    type: true-false
    tags: [chung]
    cites: ["Điều 1 Quy định giả định"]
    prompt: Giám sát nhằm cảnh báo sớm?
    answer: true
    explanation: Đúng vậy.
`,
});

describe('MDX components', () => {
  let site: ReturnType<typeof buildFixture>;
  beforeAll(() => {
    site = buildFixture('mdx', files(ALL));
  }, 120_000);

  it('render in a lesson', () => {
    expect(site.status, site.output).toBe(0);
    const page = site.page('bai-hoc/thu');
    expect(page).toContain('Điểm cần nhớ');
    expect(page).toContain('<strong>phòng ngừa</strong>');
    expect(page).toMatch(/class="mdx-box callout canh-bao[^"]*"/);
    expect(page).toContain('href="/thuat-ngu/giam-sat/"');
    expect(page).toMatch(/href="\/thuat-ngu\/giam-sat\/"[^>]*>theo dõi<\/a>/);
    expect(page).toContain('<th scope="col"');
    expect(page).toContain('Cảnh báo sớm</td>');
    expect(page).toContain('Sự kiện giả định');
    expect(page).toContain('Bài học rút ra');
    expect(page).toContain('Dữ kiện một');
    expect(page).toContain('href="/trac-nghiem/on-tap/"');
  });

  it('keeps the words of table cells apart in the search index', () => {
    const dir = site.dir('pagefind/fragment');
    const content = readdirSync(dir)
      .map((file) => gunzipSync(readFileSync(join(dir, file))).toString('utf8'))
      .find((fragment) => fragment.includes('/bai-hoc/thu/'));
    expect(content).toContain('Kiểm tra Giám sát');
    expect(content).not.toContain('Kiểm traGiám sát');
  });
});

describe('a component with a wrong prop', () => {
  const cases: [string, string][] = [
    [
      '<Callout type="chu-y">x</Callout>',
      'content/lessons/thu.mdx:9: <Callout> type: giá trị "chu-y" không hợp lệ; được dùng: luu-y, canh-bao, meo',
    ],
    [
      '<Definition term="khong-co" />',
      'content/lessons/thu.mdx:9: <Definition> term: không có thuật ngữ "khong-co"',
    ],
    [
      '<Compare columns={["A", "B"]} rows={[{ label: "Dòng", cells: ["1"] }]} />',
      'content/lessons/thu.mdx:9: <Compare> rows.0.cells: dòng "Dòng" có 1 ô, cần đúng 2',
    ],
  ];
  for (const [usage, message] of cases) {
    it(`stops the build naming file and line: ${usage}`, () => {
      const site = buildFixture('mdx-broken', files(`\n${usage}\n`));
      expect(site.status).not.toBe(0);
      expect(site.output).toContain(message);
    }, 120_000);
  }
});
