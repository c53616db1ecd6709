import type { AnswerValue, GradableQuestion } from './questions.ts';

/**
 * An answer as the learner reads it in the review: option texts, not ids. `labels` gives the
 * words for true and false.
 */
export function describeAnswer(
  question: GradableQuestion,
  value: AnswerValue | undefined,
  labels: { true: string; false: string },
): string[] {
  if (value === undefined) return [];
  const textOf = (items: readonly { id: string; text: string }[], id: string) =>
    items.find((item) => item.id === id)?.text ?? id;
  switch (question.type) {
    case 'true-false':
      return typeof value === 'boolean' ? [value ? labels.true : labels.false] : [];
    case 'single':
      return typeof value === 'string' ? [textOf(question.options, value)] : [];
    case 'multiple':
      return Array.isArray(value) ? value.map((id) => textOf(question.options, id)) : [];
    case 'ordering':
      return Array.isArray(value)
        ? value.map((id, index) => `${index + 1}. ${textOf(question.items, id)}`)
        : [];
    case 'matching':
      return typeof value === 'object' && !Array.isArray(value)
        ? question.left.map(
            (left) => `${left.text} → ${value[left.id] ? textOf(question.right, value[left.id] ?? '') : '—'}`,
          )
        : [];
  }
}
