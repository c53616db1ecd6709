// @vitest-environment happy-dom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { stringsFor } from '../../../src/i18n/index.ts';
import SiteSearch from '../../../src/islands/search/SiteSearch.svelte';
import type { NotesProvider } from '../../../src/lib/search/notes-source.ts';

const props = {
  strings: stringsFor('search.'),
  abbreviations: [],
  types: ['Văn bản', 'Thuật ngữ'],
  statuses: [{ label: 'Còn hiệu lực', tone: 'ok' }],
};

describe('the search island', () => {
  it('labels its box and its results as the contracts say, and has no notes group by default', () => {
    history.replaceState(null, '', '/tim-kiem/');
    render(SiteSearch, props);
    expect(screen.getByRole('searchbox', { name: 'Tìm kiếm' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Kết quả tìm kiếm' })).toBeTruthy();
    expect(screen.queryByText('Ghi chú của bạn')).toBeNull();
  });

  it('lists the learner’s notes in their own group, even when the site index cannot load', async () => {
    history.replaceState(null, '', `/tim-kiem/?q=${encodeURIComponent('kỷ luật')}`);
    const notes: NotesProvider = vi.fn(async () => [
      {
        id: 'n1',
        title: 'Kỷ luật Đảng',
        url: '/thuat-ngu/ky-luat-dang/',
        excerpt: 'Ghi nhớ: <b>thời hiệu</b>',
      },
    ]);
    render(SiteSearch, { ...props, notes });
    const link = await screen.findByRole('link', { name: 'Kỷ luật Đảng' });
    expect(notes).toHaveBeenCalledWith('kỷ luật');
    expect(screen.getByRole('heading', { name: 'Ghi chú của bạn' })).toBeTruthy();
    expect(link.getAttribute('href')).toBe('/thuat-ngu/ky-luat-dang/');
    // Learner text is text: the markup shows as typed.
    expect(screen.getByText('Ghi nhớ: <b>thời hiệu</b>')).toBeTruthy();
    expect(await screen.findByText(/Chưa tải được chỉ mục tìm kiếm/)).toBeTruthy();
  });
});
