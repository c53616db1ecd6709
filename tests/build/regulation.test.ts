import { beforeAll, describe, expect, it } from 'vitest';
import { REGULATION, buildFixture } from './fixture.ts';

// An invented document in the layout of a Vietnamese law: not the text of any real one.
const TEXT = `QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Luật số: 99/2030/QH99
Hà Nội, ngày 1 tháng 2 năm 2030
LUẬT
THỬ NGHIỆM
Căn cứ Hiến pháp giả định;
Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi
Luật này dùng để kiểm thử trang đọc văn bản.
Điều 2. Nguyên tắc
1. Nguyên tắc thứ nhất gồm:
a) Ý thứ nhất;
đ) Ý có chữ đ.
2. Nguyên tắc thứ hai.
Chương II
ĐIỀU KHOẢN THI HÀNH
Điều 3. Hiệu lực
Luật này có hiệu lực giả định.
`;

const ANNOTATION = (target: string) => `---
targets: [${target}]
kind: luu-y
author: Tổ soạn thảo
date: 2026-11-20
---

Chú giải giả định cho **khoản 1**.
`;

const LAW = REGULATION()
  .replace('type: Quy định', 'type: Luật')
  .replace('number: 9-QĐ/TW', 'number: 99/2030/QH99\nciteAs: Luật Thử nghiệm 2030');

describe('the regulation reader', () => {
  let site: ReturnType<typeof buildFixture>;

  beforeAll(() => {
    site = buildFixture('reader', {
      'content/regulations/luat-thu-nghiem/index.mdx': LAW,
      'content/regulations/luat-thu-nghiem/text.txt': TEXT,
      'content/regulations/luat-thu-nghiem/annotations/khoan-1.mdx': ANNOTATION('dieu-2-khoan-1'),
      'content/regulations/quy-dinh-9/index.mdx': REGULATION(),
      'content/regulations/quy-dinh-9/outline.yaml': `source: { title: Nguồn, url: "https://example.org/" }
body:
  - kind: dieu
    number: 4
    title: Thời hiệu
    summary: Tóm lược bằng lời của chúng tôi.
`,
    });
  }, 120_000);

  it('builds', () => expect(site.status, site.output).toBe(0));

  it('renders every unit of the official text with its anchor', () => {
    const page = site.page('van-ban/luat-thu-nghiem');
    for (const anchor of [
      'chuong-1',
      'dieu-1',
      'dieu-2',
      'dieu-2-khoan-1',
      'dieu-2-khoan-1-diem-a',
      'dieu-2-khoan-1-diem-dd',
      'dieu-2-khoan-2',
      'chuong-2',
      'dieu-3',
    ]) {
      expect(page, anchor).toContain(`id="${anchor}"`);
    }
    expect(page).toContain('Văn bản gốc');
    expect(page).toContain('Luật này dùng để kiểm thử trang đọc văn bản.');
  });

  it('gives each clause a copy-citation control with the Vietnamese citation and its link', () => {
    const page = site.page('van-ban/luat-thu-nghiem/dieu-2');
    expect(page).toContain(
      'data-cite="điểm đ khoản 1 Điều 2 Luật Thử nghiệm 2030 (99/2030/QH99)" data-href="/van-ban/luat-thu-nghiem/dieu-2/#dieu-2-khoan-1-diem-dd"',
    );
  });

  it('has a page per article with previous and next links', () => {
    const page = site.page('van-ban/luat-thu-nghiem/dieu-2');
    expect(page).toContain('href="/van-ban/luat-thu-nghiem/dieu-1/"');
    expect(page).toContain('href="/van-ban/luat-thu-nghiem/dieu-3/"');
    expect(page).not.toContain('id="dieu-3"');
  });

  it('shows an annotation beside its clause, with author and date', () => {
    const page = site.page('van-ban/luat-thu-nghiem/dieu-2');
    expect(page).toContain('Chú giải giả định cho <strong>khoản 1</strong>');
    expect(page).toContain('Tổ soạn thảo, 20/11/2026');
  });

  it('shows an outline as our summary, linking to the official source', () => {
    const page = site.page('van-ban/quy-dinh-9');
    expect(page).toContain('Tóm lược');
    expect(page).toContain('id="dieu-4"');
    expect(page).toContain('Tóm lược bằng lời của chúng tôi.');
    expect(page).toContain('href="https://example.org/"');
  });
});

describe('an annotation on a clause that does not exist', () => {
  it('stops the build, naming the file and the nearest anchors', () => {
    const site = buildFixture('reader-broken', {
      'content/regulations/luat-thu-nghiem/index.mdx': LAW,
      'content/regulations/luat-thu-nghiem/text.txt': TEXT,
      'content/regulations/luat-thu-nghiem/annotations/sai.mdx': ANNOTATION('dieu-2-khoan-7'),
    });
    expect(site.status).not.toBe(0);
    expect(site.output).toContain(
      'content/regulations/luat-thu-nghiem/annotations/sai.mdx:2: targets.0: văn bản "luat-thu-nghiem" không có "dieu-2-khoan-7"; gần nhất: dieu-2-khoan-1, dieu-2-khoan-2',
    );
  }, 120_000);
});
