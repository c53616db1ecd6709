import { describe, expect, it } from 'vitest';
import {
  deadlineFor,
  formatRemaining,
  isExpired,
  remainingMs,
} from '../../../src/lib/quiz/timer.ts';

const start = Date.UTC(2026, 0, 5, 8, 0, 0);

describe('timer', () => {
  it('counts down from the stored start', () => {
    const attempt = { startedAt: start, deadline: deadlineFor(start, 10) };
    expect(attempt.deadline).toBe(start + 600_000);
    expect(remainingMs(attempt, start + 61_000)).toBe(539_000);
    expect(isExpired(attempt, start + 599_999)).toBe(false);
    expect(isExpired(attempt, start + 600_000)).toBe(true);
    expect(remainingMs(attempt, start + 3_600_000)).toBe(0);
  });

  it('has no limit without a time limit, and never grows when the clock is set back', () => {
    expect(deadlineFor(start, undefined)).toBeNull();
    expect(remainingMs({ startedAt: start, deadline: null }, start + 1e9)).toBeNull();
    expect(isExpired({ startedAt: start, deadline: null }, start + 1e9)).toBe(false);
    expect(remainingMs({ startedAt: start, deadline: start + 600_000 }, start - 3_600_000)).toBe(
      600_000,
    );
  });

  it('formats mm:ss, rounding up', () => {
    expect(formatRemaining(65_000)).toBe('01:05');
    expect(formatRemaining(1)).toBe('00:01');
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(-5)).toBe('00:00');
    expect(formatRemaining(90 * 60_000)).toBe('90:00');
  });
});
