import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openLessonProgress } from '../../../src/lib/learner/lesson-progress.ts';

describe('lesson progress', () => {
  it('keeps "đã học" marks across reopening the database, and can undo them', async () => {
    const first = await openLessonProgress();
    await first!.mark('bai-mot', true, 1000);
    await first!.mark('bai-hai', true, 2000);
    await first!.mark('bai-hai', false, 3000);
    const again = await openLessonProgress();
    expect([...(await again!.done(['bai-mot', 'bai-hai', 'bai-ba']))]).toEqual(['bai-mot']);
  });
});
