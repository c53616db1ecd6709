import { describe, expect, it } from 'vitest';
import { MAX_SEARCHES, searchKey, withSearch } from '../../../src/lib/offline/searches.ts';

describe('the searches a device remembers, to run them again offline', () => {
  it('knows a search again by its words and filters, whatever order the filters were set in', () => {
    expect(searchKey('kỷ luật', { type: 'Văn bản', status: 'Còn hiệu lực' })).toBe(
      searchKey('kỷ luật', { status: 'Còn hiệu lực', type: 'Văn bản' }),
    );
    // An empty filter is no filter.
    expect(searchKey('kỷ luật', { type: '' })).toBe(searchKey('kỷ luật', {}));
  });

  it('tells apart other words or other filters, which need other index files', () => {
    expect(searchKey('kỷ luật', {})).not.toBe(searchKey('ky luat', {}));
    expect(searchKey('kỷ luật', { type: 'Bài học' })).not.toBe(searchKey('kỷ luật', {}));
  });

  it('keeps the latest first, each once, and forgets the oldest past the limit', () => {
    expect(withSearch(['b', 'a'], 'a')).toEqual(['a', 'b']);
    const full = Array.from({ length: MAX_SEARCHES }, (_, i) => `q${i}`);
    const next = withSearch(full, 'new');
    expect(next).toHaveLength(MAX_SEARCHES);
    expect(next[0]).toBe('new');
    expect(next).not.toContain(`q${MAX_SEARCHES - 1}`);
  });
});
