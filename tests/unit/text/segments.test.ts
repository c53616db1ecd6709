import { describe, expect, it } from 'vitest';
import { linkSegments } from '../../../src/lib/text/segments.ts';

describe('linkSegments', () => {
  it('links the longest matching phrase and keeps the rest as text', () => {
    expect(
      linkSegments('Theo khoản 1 Điều 32 Điều lệ Đảng và <b>Điều 32 Điều lệ Đảng</b>.', {
        'Điều 32 Điều lệ Đảng': '/a/',
        'khoản 1 Điều 32 Điều lệ Đảng': '/b/',
      }),
    ).toEqual([
      { text: 'Theo ' },
      { text: 'khoản 1 Điều 32 Điều lệ Đảng', href: '/b/' },
      { text: ' và <b>' },
      { text: 'Điều 32 Điều lệ Đảng', href: '/a/' },
      { text: '</b>.' },
    ]);
    expect(linkSegments('Không có gì.', {})).toEqual([{ text: 'Không có gì.' }]);
  });
});
