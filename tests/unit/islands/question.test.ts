// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Question from '../../../src/islands/quiz/Question.svelte';
import type { AttemptQuestion } from '../../../src/lib/quiz/attempt.ts';

const label = (key: string) => ({ true: 'Đúng', false: 'Sai', multipleHint: 'Chọn tất cả các đáp án đúng.' })[key] ?? key;

const single: AttemptQuestion = {
  key: 'cau-1',
  scenario: null,
  tags: ['ky-luat'],
  cites: ['Điều 35 Điều lệ Đảng'],
  choices: ['b', 'a'],
  question: {
    id: 'cau-1',
    type: 'single',
    tags: ['ky-luat'],
    difficulty: 1,
    cites: [],
    prompt: 'Đảng viên dự bị có thể bị hình thức nào?',
    options: [
      { id: 'a', text: 'Cách chức' },
      { id: 'b', text: 'Cảnh cáo' },
    ],
  },
};

describe('a question', () => {
  it('is a fieldset whose legend is the prompt, with options in the drawn order', () => {
    render(Question, { question: single, draft: undefined, confirmFirst: false, locked: false, label, onchange: () => {} });
    const group = screen.getByRole('group', { name: 'Đảng viên dự bị có thể bị hình thức nào?' });
    const options = screen.getAllByRole('radio');
    expect(group).toBeTruthy();
    expect(options.map((o) => o.closest('label')?.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '1 Cảnh cáo',
      '2 Cách chức',
    ]);
  });

  it('saves a choice at once when feedback comes at the end', async () => {
    const onchange = vi.fn();
    render(Question, { question: single, draft: undefined, confirmFirst: false, locked: false, label, onchange });
    await fireEvent.click(screen.getByRole('radio', { name: /Cách chức/ }));
    expect(onchange).toHaveBeenCalledWith('a');
  });

  it('waits for confirmation with immediate feedback, and cannot change once locked', async () => {
    const onchange = vi.fn();
    const { rerender } = render(Question, {
      question: single,
      draft: undefined,
      confirmFirst: true,
      locked: false,
      label,
      onchange,
    });
    await fireEvent.click(screen.getByRole('radio', { name: /Cảnh cáo/ }));
    expect(onchange).not.toHaveBeenCalled();
    await rerender({ locked: true });
    expect((screen.getByRole('group') as HTMLFieldSetElement).disabled).toBe(true);
  });
});
