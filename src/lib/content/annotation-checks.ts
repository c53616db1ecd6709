import { nearest } from '../text/nearest.ts';
import type { ContentEntries } from './load.ts';
import type { Problem } from './problem.ts';

/**
 * Every annotation must sit beside a clause that exists; a typo would otherwise hide it.
 * `anchors` holds each regulation's anchors, from its imported text or its outline.
 */
export function checkAnnotations(entries: ContentEntries, anchors: Map<string, Set<string>>): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries.annotations) {
    const slug = entry.id.split('/')[0] ?? '';
    const known = anchors.get(slug);
    (entry.data['targets'] as string[]).forEach((target, index) => {
      if (known?.has(target)) return;
      const line = entry.source.lineOf(['targets', index]);
      const message = !known?.size
        ? `targets.${index}: văn bản "${slug}" chưa có nội dung (text.txt hoặc outline.yaml) để gắn chú giải "${target}"`
        : `targets.${index}: văn bản "${slug}" không có "${target}"; gần nhất: ${nearest(target, known, 3).join(', ')}`;
      problems.push({ file: entry.file, line, severity: 'error', message });
    });
  }
  return problems;
}
