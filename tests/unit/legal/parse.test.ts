import { describe, expect, it } from 'vitest';
import { anchorFor, arabicNumber, romanToArabic } from '../../../src/lib/legal/anchor.ts';
import {
  normalizeLegalText,
  parseLegalText,
  type LegalNode,
  type ParsedDocument,
} from '../../../src/lib/legal/parse.ts';

// Every fixture here is invented: same layout as real documents, made-up content and numbers.

const lines = (...text: string[]) => text.join('\n');

function flatten(nodes: readonly LegalNode[]): LegalNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

function find(document: ParsedDocument, anchor: string): LegalNode {
  const node = flatten(document.body).find((candidate) => candidate.anchor === anchor);
  if (!node)
    throw new Error(
      `no unit #${anchor}; have ${flatten(document.body)
        .map((n) => n.anchor)
        .join(' ')}`,
    );
  return node;
}

/** The tree without text, for structural assertions. */
function shape(nodes: readonly LegalNode[]): unknown[] {
  return nodes.map((node) => [
    node.anchor,
    ...(node.children.length > 0 ? [shape(node.children)] : []),
  ]);
}

const HEADING_PREFIX =
  /^(?:(?:Điều|ĐIỀU)\s+\d+[a-zđ]?|(?:Phần|PHẦN|Chương|CHƯƠNG|Tiểu mục|TIỂU MỤC|Mục|MỤC)\s+(?:(?:thứ|THỨ)\s+\S+|\S+)|\d+\.\d+\.?|\d+[.\-]|[a-zđ]\))[.:]?/u;

/**
 * Nothing is dropped: every word of every input line is somewhere in the output, as often as
 * in the input, except the label of a line that opens a unit ("Điều 5.", "1.", "a)") and the
 * type line, which meta.type holds.
 */
function expectNothingDropped(input: string, document: ParsedDocument): void {
  const units = flatten(document.body);
  const output: string[] = [
    document.header ?? '',
    document.meta.type?.toLocaleUpperCase('vi') ?? '',
    document.meta.title ?? '',
    document.preamble ?? '',
    document.closing ?? '',
  ];
  for (const node of units) output.push(node.title ?? '', node.text ?? '');
  const have = new Map<string, number>();
  for (const word of output.join(' ').split(/\s+/)) have.set(word, (have.get(word) ?? 0) + 1);
  const headingLines = new Set(units.map((node) => node.line));
  normalizeLegalText(input)
    .split('\n')
    .forEach((raw, index) => {
      const line = headingLines.has(index + 1) ? raw.replace(HEADING_PREFIX, '') : raw;
      for (const word of line.split(/\s+/)) {
        if (word === '' || /^[-–—_=*~]+$/u.test(word)) continue;
        const count = have.get(word) ?? 0;
        expect(count, `"${word}" from "${raw}" is missing in the output`).toBeGreaterThan(0);
        have.set(word, count - 1);
      }
    });
}

function parse(input: string): ParsedDocument {
  const document = parseLegalText(input);
  expectNothingDropped(input, document);
  return document;
}

const STATE_LAW = lines(
  'QUỐC HỘI --------',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------',
  'Luật số: 99/2031/QH99',
  'Hà Nội, ngày 12 tháng 6 năm 2031',
  'LUẬT',
  'THỬ NGHIỆM MẪU',
  'Căn cứ Hiến pháp giả định;',
  'Quốc hội ban hành Luật Thử nghiệm mẫu.',
  'Chương I',
  'NHỮNG QUY ĐỊNH CHUNG',
  'Điều 1. Phạm vi áp dụng',
  'Luật này quy định về việc thử nghiệm mẫu giả định.',
  'Điều 2. Giải thích từ ngữ',
  'Trong Luật này, các từ ngữ dưới đây được hiểu như sau:',
  '1. Mẫu thử là vật dùng để minh họa.',
  '2. Người thử là người được giao minh họa.',
  'Chương II',
  'THỰC HIỆN THỬ NGHIỆM',
  'Điều 3. Hiệu lực thi hành',
  'Luật này có hiệu lực từ ngày 01 tháng 01 năm 2032.',
  'Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XX, kỳ họp thứ 1 thông qua ngày 12 tháng 6 năm 2031.',
  'CHỦ TỊCH QUỐC HỘI',
  'Nguyễn Văn Mẫu',
);

describe('header', () => {
  it('reads type, number, title, issuer, place and date of a law', () => {
    const document = parse(STATE_LAW);
    expect(document.meta).toEqual({
      type: 'Luật',
      number: '99/2031/QH99',
      title: 'THỬ NGHIỆM MẪU',
      issuer: 'QUỐC HỘI',
      issuedAt: '2031-06-12',
      place: 'Hà Nội',
    });
    expect(document.preamble).toBe(
      'Căn cứ Hiến pháp giả định;\nQuốc hội ban hành Luật Thử nghiệm mẫu.',
    );
    expect(document.header?.split('\n')).toHaveLength(4);
    expect(document.warnings).toEqual([]);
  });

  it('keeps the adoption sentence and signature out of the last article', () => {
    const document = parse(STATE_LAW);
    expect(find(document, 'dieu-3').text).toBe(
      'Luật này có hiệu lực từ ngày 01 tháng 01 năm 2032.',
    );
    expect(document.closing?.split('\n')).toEqual([
      expect.stringMatching(/^Luật này được Quốc hội/),
      'CHỦ TỊCH QUỐC HỘI',
      'Nguyễn Văn Mẫu',
    ]);
  });

  it('reads a Party header, takes the issuer from the preamble and a lower-case title', () => {
    const document = parse(
      lines(
        'BAN CHẤP HÀNH TRUNG ƯƠNG',
        '*',
        'Số 999-QĐ/TW',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        '---------------',
        'Hà Nội, ngày 05 tháng 3 năm 2031',
        'QUY ĐỊNH',
        'về việc thử nghiệm mẫu',
        'trong các tổ chức giả định',
        '-----',
        '- Căn cứ Điều lệ Đảng;',
        'Bộ Chính trị quy định như sau:',
        'Điều 1. Mục đích',
        '1- Nội dung khoản một theo kiểu cũ.',
        '2- Nội dung khoản hai.',
        'T/M BỘ CHÍNH TRỊ',
        '(đã ký)',
        'Trần Văn Mẫu',
      ),
    );
    expect(document.meta).toEqual({
      type: 'Quy định',
      number: '999-QĐ/TW',
      title: 'về việc thử nghiệm mẫu trong các tổ chức giả định',
      issuer: 'Bộ Chính trị',
      issuedAt: '2031-03-05',
      place: 'Hà Nội',
    });
    expect(shape(document.body)).toEqual([['dieu-1', [['dieu-1-khoan-1'], ['dieu-1-khoan-2']]]]);
    expect(document.closing).toBe('T/M BỘ CHÍNH TRỊ\n(đã ký)\nTrần Văn Mẫu');
    expect(document.warnings).toEqual([]);
  });

  it('reads a header scraped onto one line', () => {
    const document = parse(
      lines(
        'CHÍNH PHỦ ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 12/2031/NĐ-CP Hà Nội, ngày 29 tháng 9 năm 2031',
        'NGHỊ ĐỊNH',
        'QUY ĐỊNH VỀ MẪU GIẢ ĐỊNH',
        'Điều 1. Phạm vi',
        'Nội dung.',
      ),
    );
    expect(document.meta).toEqual({
      type: 'Nghị định',
      number: '12/2031/NĐ-CP',
      title: 'QUY ĐỊNH VỀ MẪU GIẢ ĐỊNH',
      issuer: 'CHÍNH PHỦ',
      issuedAt: '2031-09-29',
      place: 'Hà Nội',
    });
  });

  it('reports an impossible date and leaves issuedAt null', () => {
    const document = parse(
      lines(
        'QUỐC HỘI',
        'Hà Nội, ngày 30 tháng 2 năm 2031',
        'LUẬT',
        'MẪU',
        'Điều 1. Mẫu',
        'Nội dung.',
      ),
    );
    expect(document.meta.issuedAt).toBeNull();
    expect(document.warnings).toEqual([
      { line: 2, message: 'Ngày ban hành "ngày 30 tháng 2 năm 2031" không có thật' },
    ]);
  });

  it('without a type line there is no header: meta stays null, the lines are the preamble', () => {
    const document = parse(lines('Căn cứ Luật số 01/2031/QH99;', 'Điều 1. Mẫu', 'Nội dung.'));
    expect(document.meta).toEqual({
      type: null,
      number: null,
      title: null,
      issuer: null,
      issuedAt: null,
    });
    expect(document.preamble).toBe('Căn cứ Luật số 01/2031/QH99;');
  });
});

describe('Phần, Chương, Mục, Tiểu mục', () => {
  it('accepts Roman, arabic and worded chapter numbers, in either case, title inline or on the next line', () => {
    const document = parse(
      lines(
        'Chương I',
        'NHỮNG QUY ĐỊNH CHUNG',
        'Điều 1. Một',
        'Chương 2.',
        'QUY ĐỊNH CỤ THỂ',
        'Điều 2. Hai',
        'CHƯƠNG III',
        'TỔ CHỨC THỰC HIỆN',
        'Điều 3. Ba',
        'Chương thứ tư',
        'Trách nhiệm thi hành',
        'Điều 4. Bốn',
        'Chương V. ĐIỀU KHOẢN CHUYỂN TIẾP',
        'Điều 5. Năm',
        'CHƯƠNG VI: HIỆU LỰC',
        'Điều 6. Sáu',
      ),
    );
    const chapters = document.body.map(({ number, title, anchor, line }) => ({
      number,
      title,
      anchor,
      line,
    }));
    expect(chapters).toEqual([
      { number: 'I', title: 'NHỮNG QUY ĐỊNH CHUNG', anchor: 'chuong-1', line: 1 },
      { number: '2', title: 'QUY ĐỊNH CỤ THỂ', anchor: 'chuong-2', line: 4 },
      { number: 'III', title: 'TỔ CHỨC THỰC HIỆN', anchor: 'chuong-3', line: 7 },
      { number: '4', title: 'Trách nhiệm thi hành', anchor: 'chuong-4', line: 10 },
      { number: 'V', title: 'ĐIỀU KHOẢN CHUYỂN TIẾP', anchor: 'chuong-5', line: 13 },
      { number: 'VI', title: 'HIỆU LỰC', anchor: 'chuong-6', line: 15 },
    ]);
    expect(document.warnings).toEqual([]);
  });

  it('joins a chapter title wrapped over two lines in capitals', () => {
    const document = parse(
      lines(
        'Chương I',
        'TRÁCH NHIỆM CỦA CƠ QUAN, TỔ CHỨC',
        'TRONG VIỆC THỬ NGHIỆM',
        'Điều 1. Mẫu',
        'Nội dung.',
      ),
    );
    expect(document.body[0]?.title).toBe('TRÁCH NHIỆM CỦA CƠ QUAN, TỔ CHỨC TRONG VIỆC THỬ NGHIỆM');
  });

  it('nests Mục and Tiểu mục under their chapter, title inline or on the next line', () => {
    const document = parse(
      lines(
        'Chương I',
        'QUY ĐỊNH CHUNG',
        'Điều 1. Một',
        'Chương II',
        'PHÒNG NGỪA GIẢ ĐỊNH',
        'Mục 1. CÔNG KHAI, MINH BẠCH',
        'Điều 2. Hai',
        'Mục 2',
        'KIỂM SOÁT MẪU',
        'Tiểu mục 1',
        'THẨM QUYỀN KIỂM SOÁT',
        'Điều 3. Ba',
        'Tiểu mục 2',
        'KÊ KHAI MẪU',
        'Điều 4. Bốn',
        'MỤC 3: HỒ SƠ MẪU',
        'Điều 5. Năm',
      ),
    );
    expect(shape(document.body)).toEqual([
      ['chuong-1', [['dieu-1']]],
      [
        'chuong-2',
        [
          ['chuong-2-muc-1', [['dieu-2']]],
          [
            'chuong-2-muc-2',
            [
              ['chuong-2-muc-2-tieu-muc-1', [['dieu-3']]],
              ['chuong-2-muc-2-tieu-muc-2', [['dieu-4']]],
            ],
          ],
          ['chuong-2-muc-3', [['dieu-5']]],
        ],
      ],
    ]);
    expect(find(document, 'chuong-2-muc-2').title).toBe('KIỂM SOÁT MẪU');
    expect(find(document, 'chuong-2-muc-2-tieu-muc-1').title).toBe('THẨM QUYỀN KIỂM SOÁT');
    expect(find(document, 'chuong-2-muc-3').title).toBe('HỒ SƠ MẪU');
    expect(document.warnings).toEqual([]);
  });

  it('prefixes chapter anchors with the Phần only when chapter numbers restart in each Phần', () => {
    const restarting = parse(
      lines(
        'Phần thứ nhất',
        'NHỮNG QUY ĐỊNH CHUNG',
        'Chương I',
        'PHẠM VI',
        'Điều 1. Một',
        'PHẦN THỨ HAI. QUY ĐỊNH CỤ THỂ',
        'Chương I',
        'ĐỐI TƯỢNG',
        'Mục 1. MẪU',
        'Điều 2. Hai',
      ),
    );
    expect(shape(restarting.body)).toEqual([
      ['phan-1', [['phan-1-chuong-1', [['dieu-1']]]]],
      ['phan-2', [['phan-2-chuong-1', [['phan-2-chuong-1-muc-1', [['dieu-2']]]]]]],
    ]);
    expect(restarting.body.map(({ number, title }) => ({ number, title }))).toEqual([
      { number: '1', title: 'NHỮNG QUY ĐỊNH CHUNG' },
      { number: '2', title: 'QUY ĐỊNH CỤ THỂ' },
    ]);
    expect(restarting.warnings).toEqual([]);

    const continuing = parse(
      lines(
        'PHẦN I',
        'CHUNG',
        'Chương I',
        'MỘT',
        'Điều 1. Một',
        'PHẦN II',
        'RIÊNG',
        'Chương II',
        'HAI',
        'Điều 2. Hai',
      ),
    );
    expect(shape(continuing.body)).toEqual([
      ['phan-1', [['chuong-1', [['dieu-1']]]]],
      ['phan-2', [['chuong-2', [['dieu-2']]]]],
    ]);
    expect(continuing.warnings).toEqual([]);
  });

  it('does not take running text for headings', () => {
    const document = parse(
      lines(
        'Điều 1. Phạm vi',
        'Chương VI của Luật này áp dụng cho mẫu giả định.',
        'Mục tiêu của việc thử nghiệm là minh họa.',
        'Phần vốn giả định được tính riêng.',
        'Điều kiện thử nghiệm do Chính phủ quy định.',
        'Điều này không áp dụng cho mẫu thật.',
        'Điều 5 của Luật mẫu được dẫn chiếu ở đây.',
        'Điều 10-15 được nêu ở phần khác.',
      ),
    );
    expect(shape(document.body)).toEqual([['dieu-1']]);
    expect(document.body[0]?.text?.split('\n')).toHaveLength(7);
    expect(document.warnings).toEqual([]);
  });
});

describe('Điều, khoản, tiết, điểm', () => {
  it('accepts inserted articles (Điều 5a) in sequence', () => {
    const document = parse(
      lines(
        'Điều 1. Một',
        'Nội dung.',
        'Điều 2. Hai',
        'Điều 2a. Hai a',
        'Điều 2b. Hai b',
        'Điều 3. Ba',
      ),
    );
    expect(shape(document.body)).toEqual([
      ['dieu-1'],
      ['dieu-2'],
      ['dieu-2a'],
      ['dieu-2b'],
      ['dieu-3'],
    ]);
    expect(find(document, 'dieu-2a')).toMatchObject({ number: '2a', title: 'Hai a', line: 4 });
    expect(document.warnings).toEqual([]);
  });

  it('reads "1." and "1-" khoản, "1.1" tiết and điểm in Vietnamese letter order (đ after d)', () => {
    const document = parse(
      lines(
        'Điều 1. Khoản kiểu mới',
        '1. Khoản một gồm:',
        'a) Điểm a;',
        'b) Điểm b;',
        'c) Điểm c;',
        'd) Điểm d;',
        'đ) Điểm đ;',
        'e) Điểm e;',
        'g) Điểm g.',
        '2. Khoản tiền giả định được chi trả một lần.',
        'Điều 2. Khoản kiểu cũ',
        '1- Khoản một kiểu cũ.',
        '2- Khoản hai kiểu cũ.',
        'Điều 3. Tiết',
        '1. Khoản một có tiết:',
        '1.1. Tiết một.',
        'a) Điểm của tiết.',
        '1.2 Tiết hai.',
        '2. Khoản hai.',
      ),
    );
    expect(shape(document.body)).toEqual([
      [
        'dieu-1',
        [
          [
            'dieu-1-khoan-1',
            ['a', 'b', 'c', 'd', 'dd', 'e', 'g'].map((letter) => [`dieu-1-khoan-1-diem-${letter}`]),
          ],
          ['dieu-1-khoan-2'],
        ],
      ],
      ['dieu-2', [['dieu-2-khoan-1'], ['dieu-2-khoan-2']]],
      [
        'dieu-3',
        [
          [
            'dieu-3-khoan-1',
            [['dieu-3-khoan-1-1', [['dieu-3-khoan-1-1-diem-a']]], ['dieu-3-khoan-1-2']],
          ],
          ['dieu-3-khoan-2'],
        ],
      ],
    ]);
    expect(find(document, 'dieu-1-khoan-1-diem-dd')).toMatchObject({
      kind: 'diem',
      number: 'đ',
      text: 'Điểm đ;',
      line: 7,
    });
    expect(find(document, 'dieu-3-khoan-1-1')).toMatchObject({
      kind: 'khoan',
      number: '1.1',
      text: 'Tiết một.',
    });
    expect(find(document, 'dieu-1-khoan-2').text).toBe('Khoản tiền giả định được chi trả một lần.');
    expect(document.warnings).toEqual([]);
  });

  it('puts a tiết under the article when its khoản has no line of its own', () => {
    const document = parse(
      lines('Điều 1. Tiết', '1.1. Tiết một.', '1.2. Tiết hai.', '2.1. Tiết ba.', '3. Khoản ba.'),
    );
    expect(shape(document.body)).toEqual([
      [
        'dieu-1',
        [['dieu-1-khoan-1-1'], ['dieu-1-khoan-1-2'], ['dieu-1-khoan-2-1'], ['dieu-1-khoan-3']],
      ],
    ]);
    expect(document.warnings).toEqual([]);
  });

  it('appends continuation paragraphs to the current unit', () => {
    const document = parse(
      lines(
        'Điều 1. Nối đoạn',
        'Đoạn mở đầu của điều.',
        'Đoạn thứ hai của điều.',
        '1. Khoản một:',
        'a) Điểm a,',
        'tiếp theo của điểm a.',
        '- Gạch đầu dòng của điểm a.',
        '2. Khoản hai.',
        'Đoạn cuối của khoản hai.',
      ),
    );
    const article = find(document, 'dieu-1');
    expect(article.text).toBe('Đoạn mở đầu của điều.\nĐoạn thứ hai của điều.');
    expect(find(document, 'dieu-1-khoan-1-diem-a').text).toBe(
      'Điểm a,\ntiếp theo của điểm a.\n- Gạch đầu dòng của điểm a.',
    );
    expect(find(document, 'dieu-1-khoan-2').text).toBe('Khoản hai.\nĐoạn cuối của khoản hai.');
  });

  it('does not take numbers, amounts and dates at a line start for khoản', () => {
    const document = parse(
      lines(
        'Điều 1. Số ở đầu dòng',
        '1. Mức phạt như sau:',
        '1.000.000 đồng đối với vi phạm lần đầu;',
        '2018.',
        '12/6/2031 là ngày giả định;',
        '2,5 lần mức lương cơ sở.',
        '2. Khoản hai.',
      ),
    );
    expect(shape(document.body)).toEqual([['dieu-1', [['dieu-1-khoan-1'], ['dieu-1-khoan-2']]]]);
    expect(find(document, 'dieu-1-khoan-1').text?.split('\n')).toHaveLength(5);
    expect(document.warnings).toEqual([]);
  });
});

describe('quoted amending text', () => {
  it('stays in the khoản that quotes it and opens no units', () => {
    const document = parse(
      lines(
        'Điều 1. Sửa đổi, bổ sung một số điều của Luật Mẫu',
        '1. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:',
        '“1. Nội dung mới của khoản một:',
        'a) Điểm mới thứ nhất;',
        'Điều 3a. Điều chèn giả định',
        '2. Khoản trong ngoặc.”',
        '2. Bổ sung Điều 7 như sau: "Điều 7. Điều mới',
        'Chương IX',
        'Nội dung điều mới."',
        '3. Bãi bỏ cụm từ “mẫu cũ” tại Điều 9.',
        'Điều 2. Hiệu lực thi hành',
        'Luật này có hiệu lực từ ngày ký.',
      ),
    );
    expect(shape(document.body)).toEqual([
      ['dieu-1', [['dieu-1-khoan-1'], ['dieu-1-khoan-2'], ['dieu-1-khoan-3']]],
      ['dieu-2'],
    ]);
    expect(find(document, 'dieu-1-khoan-1').text).toBe(
      lines(
        'Sửa đổi, bổ sung khoản 1 Điều 3 như sau:',
        '“1. Nội dung mới của khoản một:',
        'a) Điểm mới thứ nhất;',
        'Điều 3a. Điều chèn giả định',
        '2. Khoản trong ngoặc.”',
      ),
    );
    expect(find(document, 'dieu-1-khoan-2').text).toBe(
      lines('Bổ sung Điều 7 như sau: "Điều 7. Điều mới', 'Chương IX', 'Nội dung điều mới."'),
    );
    expect(document.warnings).toEqual([]);
  });

  it('reports a quote that never closes and keeps parsing', () => {
    const document = parse(
      lines('Điều 1. Mẫu', '1. Sửa đổi như sau: “Nội dung', '2. Khoản hai.', 'Điều 2. Hai'),
    );
    expect(shape(document.body)).toEqual([
      ['dieu-1', [['dieu-1-khoan-1'], ['dieu-1-khoan-2']]],
      ['dieu-2'],
    ]);
    expect(document.warnings).toEqual([
      {
        line: 2,
        message:
          'Dấu ngoặc kép mở ở dòng này không được đóng: các dòng sau vẫn được phân tích như thường',
      },
    ]);
  });
});

describe('normalisation', () => {
  const plain = lines(
    'Chương I',
    'QUY ĐỊNH CHUNG',
    'Điều 1. Phạm vi điều chỉnh',
    '1. Khoản một của điều.',
    'a) Điểm một.',
  );

  it('gives the same tree for NFD, CRLF, non-breaking spaces, space runs and zero-width characters', () => {
    const expected = parseLegalText(plain);
    const messy = [
      plain.normalize('NFD'),
      plain.replace(/\n/g, '\r\n'),
      plain.replace(/ /g, '\u00A0 ').replace(/\n/g, '   \n  '),
      plain.replace(/Điều/, 'Đi\u200Bều').replace(/Chương/, '\uFEFFChương'),
    ];
    for (const text of messy) expect(parse(text)).toEqual(expected);
    expect(expected.warnings).toEqual([]);
  });

  it('normalises the stored text but keeps its line numbers', () => {
    expect(normalizeLegalText('Chu\u0301c\r\nĐiều  1.\u00A0Mẫu \u200B\r\n\r\n')).toBe(
      'Chúc\nĐiều 1. Mẫu\n',
    );
    expect(normalizeLegalText('a\r\n\r\nb').split('\n')).toEqual(['a', '', 'b', '']);
  });
});

describe('warnings', () => {
  it('reports an article out of sequence', () => {
    const document = parse(
      lines(
        'Điều 1. Một',
        'Điều 2. Hai',
        'Điều 3. Ba',
        'Điều 4. Bốn',
        'Điều 5. Năm',
        'Điều 7. Bảy',
      ),
    );
    expect(document.warnings).toEqual([
      { line: 6, message: 'Điều 7 đứng sau Điều 5: thiếu Điều 6?' },
    ]);
    expect(find(document, 'dieu-7').line).toBe(6);
  });

  it('reports articles repeated, going backwards or not starting at 1', () => {
    const document = parse(
      lines('Điều 2. Hai', 'Điều 3. Ba', 'Điều 3. Ba lần nữa', 'Điều 1. Một', 'Điều 4a. Bốn a'),
    );
    expect(document.warnings.map((warning) => warning.message)).toEqual([
      'Điều 2 là điều đầu tiên: thiếu Điều 1?',
      'Điều 3 xuất hiện hai lần (dòng 2 và dòng 3)',
      'Điều 1 đứng sau Điều 3: số điều không theo thứ tự',
      'Điều 4a đứng sau Điều 1: số điều không theo thứ tự',
    ]);
  });

  it('reports a missing điểm letter and a letter Vietnamese does not use', () => {
    const document = parse(
      lines(
        'Điều 1. Mẫu',
        '1. Khoản một:',
        'a) Điểm a;',
        'b) Điểm b;',
        'd) Điểm d;',
        'e) Điểm e;',
        'f) Điểm f.',
      ),
    );
    expect(document.warnings).toEqual([
      { line: 5, message: 'Điểm d đứng sau điểm b (khoản 1 Điều 1): thiếu điểm c?' },
      { line: 6, message: 'Điểm e đứng sau điểm d (khoản 1 Điều 1): thiếu điểm đ?' },
      {
        line: 7,
        message:
          'Điểm f (khoản 1 Điều 1) không có trong thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, g, h, i, k…)',
      },
    ]);
    expect(find(document, 'dieu-1-khoan-1').children.map((node) => node.number)).toEqual([
      'a',
      'b',
      'd',
      'e',
      'f',
    ]);
  });

  it('keeps a khoản numbered twice in the khoản before it, and reports it once', () => {
    const repeated = parse(lines('Điều 1. Mẫu', '1. Một.', '2. Hai.', '2. Hai lần nữa.', '3. Ba.'));
    expect(shape(repeated.body)).toEqual([
      ['dieu-1', [['dieu-1-khoan-1'], ['dieu-1-khoan-2'], ['dieu-1-khoan-3']]],
    ]);
    expect(find(repeated, 'dieu-1-khoan-2').text).toBe('Hai.\n2. Hai lần nữa.');
    expect(repeated.warnings).toEqual([
      {
        line: 4,
        message:
          'Khoản 2 của Điều 1 được đánh số hai lần (có lẽ là khoản 3): dòng này được giữ trong khoản 2 Điều 1',
      },
    ]);

    // "1, 2, 2, 4": the second 2 stands for 3, so the gap before 4 is not reported again.
    const typo = parse(lines('Điều 1. Mẫu', '1. Một.', '2. Hai.', '2. Ba viết nhầm.', '4. Bốn.'));
    expect(typo.warnings.map((warning) => warning.line)).toEqual([4]);
  });

  it('reports a khoản missing from the sequence, and a numbered line that goes backwards', () => {
    const document = parse(
      lines('Điều 1. Mẫu', '1. Một.', '3. Ba.', '1. Dòng đánh số lại trong khoản ba.', '4. Bốn.'),
    );
    expect(shape(document.body)).toEqual([
      ['dieu-1', [['dieu-1-khoan-1'], ['dieu-1-khoan-3'], ['dieu-1-khoan-4']]],
    ]);
    expect(document.warnings).toEqual([
      { line: 3, message: 'Khoản 3 đứng sau khoản 1 (Điều 1): thiếu khoản 2?' },
      {
        line: 4,
        message:
          'Dòng bắt đầu bằng "1." không phải khoản tiếp theo của Điều 1 (khoản 4): được giữ trong khoản 3 Điều 1',
      },
    ]);
  });

  it('reports a repeated điểm letter', () => {
    const document = parse(
      lines('Điều 1. Mẫu', 'a) Một;', 'b) Hai;', 'b) Ba viết nhầm;', 'd) Bốn.'),
    );
    expect(document.warnings).toEqual([
      {
        line: 4,
        message:
          'Điểm b (Điều 1) được đánh số hai lần (có lẽ là điểm c): dòng này được giữ trong điểm b Điều 1',
      },
    ]);
    expect(find(document, 'dieu-1-diem-b').text).toBe('Hai;\nb) Ba viết nhầm;');
  });

  it('reports chapters out of sequence and text outside any article', () => {
    const document = parse(
      lines(
        'Chương I',
        'MỘT',
        'Đoạn văn lạc chỗ.',
        'Điều 1. Một',
        'Chương III',
        'BA',
        'Điều 2. Hai',
      ),
    );
    expect(document.warnings).toEqual([
      { line: 3, message: 'Đoạn văn nằm ngoài mọi điều: được giữ trong Chương I' },
      { line: 5, message: 'Chương III đứng sau Chương I: thiếu Chương II?' },
    ]);
    expect(find(document, 'chuong-1').text).toBe('Đoạn văn lạc chỗ.');
  });

  it('keeps a line in capitals inside an article when more articles follow', () => {
    const document = parse(
      lines('Điều 1. Mẫu', 'BẢNG MẪU GIẢ ĐỊNH', 'Nội dung bảng.', 'Điều 2. Hai', 'Nội dung.'),
    );
    expect(find(document, 'dieu-1').text).toBe('BẢNG MẪU GIẢ ĐỊNH\nNội dung bảng.');
    expect(document.closing).toBeUndefined();
  });
});

describe('anchorFor', () => {
  it('anchors articles and what is below them from the article', () => {
    expect(anchorFor([{ kind: 'dieu', number: '5' }])).toBe('dieu-5');
    expect(anchorFor([{ kind: 'dieu', number: '5a' }])).toBe('dieu-5a');
    expect(
      anchorFor([
        { kind: 'dieu', number: '5' },
        { kind: 'khoan', number: '1' },
      ]),
    ).toBe('dieu-5-khoan-1');
    expect(
      anchorFor([
        { kind: 'chuong', number: 'II' },
        { kind: 'dieu', number: '5' },
        { kind: 'khoan', number: '1' },
        { kind: 'diem', number: 'a' },
      ]),
    ).toBe('dieu-5-khoan-1-diem-a');
    expect(
      anchorFor([
        { kind: 'dieu', number: '5' },
        { kind: 'diem', number: 'đ' },
      ]),
    ).toBe('dieu-5-diem-dd');
    expect(
      anchorFor([
        { kind: 'dieu', number: '5' },
        { kind: 'diem', number: 'd' },
      ]),
    ).toBe('dieu-5-diem-d');
  });

  it('writes a tiết as its khoản and number', () => {
    expect(
      anchorFor([
        { kind: 'dieu', number: '5' },
        { kind: 'khoan', number: '1' },
        { kind: 'khoan', number: '1.1' },
      ]),
    ).toBe('dieu-5-khoan-1-1');
    expect(
      anchorFor([
        { kind: 'dieu', number: '5' },
        { kind: 'khoan', number: '1.1' },
      ]),
    ).toBe('dieu-5-khoan-1-1');
  });

  it('turns numerals above articles into arabic numbers', () => {
    expect(anchorFor([{ kind: 'chuong', number: 'XIV' }])).toBe('chuong-14');
    expect(
      anchorFor([
        { kind: 'chuong', number: 'II' },
        { kind: 'muc', number: '1' },
      ]),
    ).toBe('chuong-2-muc-1');
    expect(
      anchorFor([
        { kind: 'chuong', number: '2' },
        { kind: 'muc', number: '1' },
        { kind: 'tieu-muc', number: '1' },
      ]),
    ).toBe('chuong-2-muc-1-tieu-muc-1');
    expect(
      anchorFor([
        { kind: 'phan', number: 'thứ hai' },
        { kind: 'chuong', number: 'I' },
      ]),
    ).toBe('phan-2-chuong-1');
  });

  it('reads Roman numerals and Vietnamese ordinals', () => {
    expect(romanToArabic('IX')).toBe(9);
    expect(romanToArabic('XL')).toBe(40);
    expect(romanToArabic('ABC')).toBeNull();
    expect(arabicNumber('thứ nhất')).toBe('1');
    expect(arabicNumber('THỨ TƯ')).toBe('4');
    expect(arabicNumber('thứ mười một')).toBe('11');
    expect(arabicNumber('thứ hai mươi mốt')).toBe('21');
    // Not a number word, though every object has it.
    expect(arabicNumber('thứ constructor')).toBe('thu-constructor');
  });
});
