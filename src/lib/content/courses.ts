import type { Course, CourseItem } from '../../schemas/course.ts';

export interface CourseStep {
  kind: 'lesson' | 'quiz';
  id: string;
  href: string;
  minutes: number;
}

export function courseStep(item: CourseItem): CourseStep {
  return 'lesson' in item
    ? { kind: 'lesson', id: item.lesson, href: `/bai-hoc/${item.lesson}/`, minutes: item.minutes }
    : { kind: 'quiz', id: item.quiz, href: `/trac-nghiem/${item.quiz}/`, minutes: item.minutes };
}

/** Where a lesson stands in each course that includes it: its number and its neighbours. */
export function coursePlaces(
  courses: readonly { id: string; data: Course }[],
  lessonId: string,
): { courseId: string; title: string; index: number; total: number; previous?: CourseStep; next?: CourseStep }[] {
  return courses.flatMap(({ id, data }) => {
    const steps = data.items.map(courseStep);
    const index = steps.findIndex((step) => step.kind === 'lesson' && step.id === lessonId);
    if (index < 0) return [];
    const previous = steps[index - 1];
    const next = steps[index + 1];
    return [
      {
        courseId: id,
        title: data.title,
        index,
        total: steps.length,
        ...(previous && { previous }),
        ...(next && { next }),
      },
    ];
  });
}
