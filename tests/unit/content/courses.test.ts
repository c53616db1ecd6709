import { describe, expect, it } from 'vitest';
import { coursePlaces } from '../../../src/lib/content/courses.ts';

const course = {
  id: 'nhap-mon',
  data: {
    title: 'Nhập môn',
    description: 'Mô tả',
    items: [
      { lesson: 'mot', minutes: 10 },
      { lesson: 'hai', minutes: 15 },
      { quiz: 'on-tap', minutes: 5 },
    ],
  },
};

describe('coursePlaces', () => {
  it('gives a lesson its number in the course and its neighbours, lessons or quizzes', () => {
    expect(coursePlaces([course], 'hai')).toEqual([
      {
        courseId: 'nhap-mon',
        title: 'Nhập môn',
        index: 1,
        total: 3,
        previous: { kind: 'lesson', id: 'mot', href: '/bai-hoc/mot/', minutes: 10 },
        next: { kind: 'quiz', id: 'on-tap', href: '/trac-nghiem/on-tap/', minutes: 5 },
      },
    ]);
    expect(coursePlaces([course], 'mot')[0]?.previous).toBeUndefined();
    expect(coursePlaces([course], 'khong-co')).toEqual([]);
  });
});
