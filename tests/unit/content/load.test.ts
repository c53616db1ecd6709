import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintContent } from '../../../src/lib/content/lint.ts';
import { formatProblem } from '../../../src/lib/content/problem.ts';

const REGULATION = `---
type: Quy định
number: 1-QĐ/TW
title: Một quy định giả định
issuer: Bộ Chính trị
issuedAt: 2022-07-06
status: con-hieu-luc
sources:
  - title: Nguồn kiểm chứng
    url: https://example.org/nguon
verifiedAt: 2026-11-26
---

Giới thiệu ngắn.
`;

/** Writes files into a fresh project root and lints it, returning formatted problems. */
function lint(files: Record<string, string>): string[] {
  const root = mkdtempSync(join(tmpdir(), 'camnang-lint-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return lintContent(root).problems.map(formatProblem);
}

const FILE = 'content/regulations/mot/index.mdx';

describe('content lint', () => {
  it('accepts a complete regulation', () => {
    expect(lint({ [FILE]: REGULATION })).toEqual([]);
  });

  it('names file, line and field for a missing field', () => {
    expect(lint({ [FILE]: REGULATION.replace('issuer: Bộ Chính trị\n', '') })).toEqual([
      `${FILE}:2: issuer: thiếu trường bắt buộc (kiểu string)`,
    ]);
  });

  it('lists the allowed values for an unknown status', () => {
    const [problem] = lint({ [FILE]: REGULATION.replace('con-hieu-luc', 'dang-ap-dung') });
    expect(problem).toBe(
      `${FILE}:7: status: giá trị "dang-ap-dung" không hợp lệ; được dùng: con-hieu-luc, het-hieu-luc-mot-phan, het-hieu-luc, chua-co-hieu-luc`,
    );
  });

  it('explains the date format for a malformed date', () => {
    const [problem] = lint({ [FILE]: REGULATION.replace('2022-07-06', '6/7/2022') });
    expect(problem).toBe(
      `${FILE}:6: issuedAt: ngày "6/7/2022" không hợp lệ; hãy viết theo dạng NNNN-TT-NN, ví dụ 2025-05-30`,
    );
    expect(lint({ [FILE]: REGULATION.replace('2022-07-06', '2022-02-30') })[0]).toContain(
      'issuedAt: ngày "2022-02-30" không hợp lệ',
    );
  });

  it('reports a field of the wrong type and a misspelt field', () => {
    const problems = lint({
      [FILE]: REGULATION.replace('title: Một quy định giả định', 'title: 42\ntitel: x'),
    });
    expect(problems).toContain(`${FILE}:4: title: Đầu vào không hợp lệ: mong đợi string, nhận được số`);
    expect(problems.some((p) => p.includes('trường không được hỗ trợ: titel'))).toBe(true);
  });

  it('rejects a relation to a document that does not exist, suggesting the nearest', () => {
    const other = REGULATION.replace('1-QĐ/TW', '2-QĐ/TW');
    const problems = lint({
      [FILE]: REGULATION.replace(
        'verifiedAt',
        'relations:\n  replaces:\n    - hai-moi\n    - name: Quy định 85-QĐ/TW\nverifiedAt',
      ),
      'content/regulations/hai/index.mdx': other,
    });
    expect(problems).toEqual([
      `${FILE}:13: relations.replaces.0: không có văn bản nào có mã "hai-moi"; có phải ý bạn là: hai, mot?`,
    ]);
  });

  it('reports YAML syntax errors and a missing frontmatter with their line', () => {
    expect(lint({ [FILE]: REGULATION.replace('title: Một', 'title: [Một') })[0]).toMatch(
      /^content\/regulations\/mot\/index\.mdx:\d+: lỗi cú pháp YAML/,
    );
    expect(lint({ [FILE]: 'Không có frontmatter' })).toEqual([
      `${FILE}:1: thiếu phần khai báo đầu tệp (frontmatter) giữa hai dòng ---`,
    ]);
  });
});
