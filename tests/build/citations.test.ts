import { beforeAll, describe, expect, it } from 'vitest';
import { REGULATION, buildFixture } from './fixture.ts';

const OUTLINE = `source: { title: Nguồn, url: "https://example.org/" }
body:
  - kind: dieu
    number: 4
    title: Thời hiệu
    summary: Tóm lược điều bốn.
    children:
      - kind: khoan
        number: 1
        summary: Tóm lược khoản một.
`;

const lesson = (body: string) =>
  `---\ntitle: Bài dẫn chiếu\ndescription: Mô tả\nauthor: Tổ soạn\nupdatedAt: 2026-11-26\n---\n\n${body}\n`;

const LESSON = lesson(`Theo khoản 1 Điều 4 Quy định 9-QĐ/TW, thời hiệu được tính lại.

## Điều 4 Quy định 9-QĐ/TW trong tiêu đề

Mã: \`Điều 4 Quy định 9-QĐ/TW\`

Điều 99 Quy định 9-QĐ/TW không có, nên giữ nguyên chữ.

Xem <Cite ref="Điều 4 Quy định 9-QĐ/TW">điều về thời hiệu</Cite>.`);

let site: ReturnType<typeof buildFixture>;

describe('citations in content', () => {
  beforeAll(() => {
    site = buildFixture('citations', {
      'content/regulations/quy-dinh-9/index.mdx': REGULATION(),
      'content/regulations/quy-dinh-9/outline.yaml': OUTLINE,
      'content/regulations/quy-dinh-8/index.mdx': REGULATION()
        .replace('9-QĐ/TW', '8-QĐ/TW')
        .replace('status: con-hieu-luc', 'status: het-hieu-luc'),
      'content/lessons/dan-chieu.mdx': `${LESSON}\nVăn bản cũ: Quy định 8-QĐ/TW.\n`,
    });
  }, 120_000);

  it('builds', () => expect(site.status, site.output).toBe(0));

  it('turns plain-text citations in prose into checked links to the clause', () => {
    const page = site.page('bai-hoc/dan-chieu');
    expect(page).toMatch(
      /<a class="cite" href="\/van-ban\/quy-dinh-9\/dieu-4\/#dieu-4-khoan-1"[^>]*>khoản 1 Điều 4 Quy định 9-QĐ\/TW<\/a>/,
    );
  });

  it('leaves headings, code and unresolvable citations as text', () => {
    const page = site.page('bai-hoc/dan-chieu');
    expect(page).toMatch(/<h2[^>]*>Điều 4 Quy định 9-QĐ\/TW trong tiêu đề<\/h2>/);
    expect(page).toContain('<code>Điều 4 Quy định 9-QĐ/TW</code>');
    expect(page).toContain('Điều 99 Quy định 9-QĐ/TW không có');
    expect(page).not.toContain('dieu-99');
  });

  it('renders an explicit <Cite> with its own words and a preview of the clause', () => {
    const page = site.page('bai-hoc/dan-chieu');
    expect(page).toMatch(/href="\/van-ban\/quy-dinh-9\/dieu-4\/#dieu-4"[^>]*data-preview-text="Thời hiệu. Tóm lược điều bốn."/);
    expect(page).toContain('>điều về thời hiệu');
  });

  it('marks a citation of a document no longer in force', () => {
    const page = site.page('bai-hoc/dan-chieu');
    expect(page).toMatch(/class="cite outdated"[^>]*>Quy định 8-QĐ\/TW<span class="cite-badge"/);
    expect(page).toContain('Tình trạng: Hết hiệu lực');
  });
});

describe('backlinks', () => {
  it('list on an article page what cites it', () => {
    const page = site.page('van-ban/quy-dinh-9/dieu-4');
    expect(page).toContain('Được dẫn chiếu trong');
    expect(page).toMatch(/Bài học:<\/span> <a href="\/bai-hoc\/dan-chieu\/"/);
  });
});

describe('an explicit <Cite> that does not resolve', () => {
  it('stops the build, naming file and line and why', () => {
    const site = buildFixture('citations-broken', {
      'content/regulations/quy-dinh-9/index.mdx': REGULATION(),
      'content/regulations/quy-dinh-9/outline.yaml': OUTLINE,
      'content/lessons/sai.mdx': lesson('Dòng một.\n\n<Cite ref="Điều 99 Quy định 9-QĐ/TW" />'),
    });
    expect(site.status).not.toBe(0);
    expect(site.output).toContain(
      'content/lessons/sai.mdx:10: <Cite> ref: "Điều 99 Quy định 9-QĐ/TW": chưa có Điều 99 trong phần tóm lược của Quy định 9-QĐ/TW',
    );
  }, 120_000);
});
