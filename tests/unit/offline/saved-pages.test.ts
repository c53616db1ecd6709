import { describe, expect, it } from 'vitest';
import {
  inSavedDocument,
  matchSavedPages,
  savedPages,
} from '../../../src/lib/offline/saved-pages.ts';

const SITE = 'Cẩm nang Kiểm tra';
const at = (path: string, title: string) => ({ url: `https://camnang.example${path}`, title });

describe('the pages the offline page lists', () => {
  it('titles them without the site name, in Vietnamese order, each once', () => {
    expect(
      savedPages(
        [
          at('/thuat-ngu/dang-vien/', `Đảng viên · ${SITE}`),
          at('/van-ban/', `Văn bản · ${SITE}`),
          at('/tim-kiem/?q=ky+luat', `Tìm kiếm · ${SITE}`),
          at('/tim-kiem/?q=thanh+tra', `Tìm kiếm · ${SITE}`),
          at('/thuat-ngu/dieu-tra/', `Điều tra · ${SITE}`),
          at('/', SITE),
          at('/van-ban/dieu-le-dang/dieu-32/', `Điều 32 · Điều lệ Đảng · ${SITE}`),
        ],
        SITE,
      ),
    ).toEqual([
      { url: '/', title: SITE },
      { url: '/thuat-ngu/dang-vien/', title: 'Đảng viên' },
      { url: '/van-ban/dieu-le-dang/dieu-32/', title: 'Điều 32 · Điều lệ Đảng' },
      { url: '/thuat-ngu/dieu-tra/', title: 'Điều tra' },
      { url: '/tim-kiem/', title: 'Tìm kiếm' },
      { url: '/van-ban/', title: 'Văn bản' },
    ]);
  });

  it('leaves out the offline page itself', () => {
    expect(savedPages([at('/ngoai-tuyen/', `Bạn đang ngoại tuyến · ${SITE}`)], SITE)).toEqual([]);
  });
});

describe('an article never opened, when its document was', () => {
  const saved = [
    { url: '/van-ban/dieu-le-dang/', title: 'Điều lệ Đảng' },
    { url: '/van-ban/dieu-le-dang/dieu-32/', title: 'Điều 32 · Điều lệ Đảng' },
  ];

  it('is read in the document’s saved page, at the same anchor', () => {
    expect(inSavedDocument('/van-ban/dieu-le-dang/dieu-34/', '', saved)).toEqual({
      url: '/van-ban/dieu-le-dang/#dieu-34',
      title: 'Điều lệ Đảng',
    });
    expect(inSavedDocument('/van-ban/dieu-le-dang/dieu-34/', '#dieu-34-khoan-2', saved)?.url).toBe(
      '/van-ban/dieu-le-dang/#dieu-34-khoan-2',
    );
  });

  it('has no such link when the document is not saved, or the page is not an article', () => {
    expect(inSavedDocument('/van-ban/luat-thanh-tra/dieu-5/', '', saved)).toBeNull();
    expect(inSavedDocument('/bai-hoc/hinh-thuc-ky-luat/', '', saved)).toBeNull();
    expect(inSavedDocument('/van-ban/dieu-le-dang/', '', saved)).toBeNull();
  });
});

describe('searching the saved pages offline', () => {
  const saved = [
    { url: '/van-ban/dieu-le-dang/dieu-32/', title: 'Điều 32 · Điều lệ Đảng' },
    { url: '/thuat-ngu/dang-vien/', title: 'Đảng viên' },
    { url: '/bai-hoc/hinh-thuc-ky-luat/', title: 'Hình thức kỷ luật đảng' },
  ];

  it('matches every word of the query in a title, with or without marks, đ or d', () => {
    expect(matchSavedPages(saved, 'dieu 32').map((page) => page.url)).toEqual([
      '/van-ban/dieu-le-dang/dieu-32/',
    ]);
    expect(matchSavedPages(saved, 'Đảng').map((page) => page.url)).toEqual([
      '/van-ban/dieu-le-dang/dieu-32/',
      '/thuat-ngu/dang-vien/',
      '/bai-hoc/hinh-thuc-ky-luat/',
    ]);
    expect(matchSavedPages(saved, 'ky luat dang').map((page) => page.url)).toEqual([
      '/bai-hoc/hinh-thuc-ky-luat/',
    ]);
    expect(matchSavedPages(saved, 'thanh tra')).toEqual([]);
    expect(matchSavedPages(saved, '  ')).toEqual([]);
  });
});
