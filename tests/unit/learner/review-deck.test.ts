import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openQuizProgress } from '../../../src/lib/learner/quiz-progress.ts';
import { openReviewDeck, ReviewDeck } from '../../../src/lib/learner/review-deck.ts';
import { rateCard } from '../../../src/lib/learner/schedule.ts';
import { bank, content, quiz, single } from '../quiz/fixtures.ts';
import { clause, t0 } from './fixtures.ts';
import { fillableDB } from './quota.ts';

const page = content(quiz({ draw: [{ tag: 'chung', count: 3 }] }), [
  bank(
    'ngan-hang',
    ['cau-1', 'cau-2', 'cau-3'].map((id) => single(id)),
  ),
]);

describe('the review deck', () => {
  it('gets a card for each question missed in a submitted quiz, in the same transaction', async () => {
    const name = 'camnang-on-tap-1';
    const progress = await openQuizProgress(name);
    const start = await progress.startOrResume(page, t0);
    if (!start.ok || start.value.kind === 'limit-reached') throw new Error('not started');
    const started = start.value;
    const [first, second] = started.attempt.draw.questionKeys as [string, string];
    await progress.saveAnswer(page, started.attempt.id, first, 'a', t0 + 1);
    await progress.saveAnswer(page, started.attempt.id, second, 'b', t0 + 2);
    await progress.submit(page, started.attempt.id, t0 + 3);
    // Submitting again counts nothing twice.
    await progress.submit(page, started.attempt.id, t0 + 4);
    progress.close();

    const deck = (await openReviewDeck(name))!;
    const due = await deck.due(t0 + 5);
    expect(due.map((card) => card.id)).toEqual([`cau:${second}`]);
    expect(await deck.countDue(t0 + 5)).toBe(1);

    const rated = rateCard(due[0]!, 'good', t0 + 10);
    expect(await deck.save(rated)).toMatchObject({ ok: true });
    expect(await deck.due(t0 + 10)).toEqual([]);
    expect(await deck.nextDue(t0 + 10)).toBe(rated.due);
  });

  it('adds a clause for review once, keeping its schedule, and removes it', async () => {
    const deck = (await openReviewDeck('camnang-on-tap-2'))!;
    await deck.addPlace(clause, t0);
    const [card] = await deck.due(t0);
    expect(card).toMatchObject({ kind: 'place', target: clause, due: t0 });
    await deck.save(rateCard(card!, 'easy', t0));
    await deck.addPlace(clause, t0 + 1);
    expect(await deck.countDue(t0 + 1)).toBe(0);
    expect(await deck.placesInReview([clause.place, '/khac/'])).toEqual(new Set([clause.place]));
    await deck.remove(card!.id);
    expect(await deck.placesInReview([clause.place])).toEqual(new Set());
  });

  it('says so when a rating cannot be stored, and keeps the card as it was', async () => {
    const { db, disk } = await fillableDB();
    const deck = new ReviewDeck(db);
    await deck.addPlace(clause, t0);
    const [card] = await deck.due(t0);
    disk.full = true;
    expect(await deck.save(rateCard(card!, 'good', t0))).toEqual({ ok: false, failure: 'quota' });
    disk.full = false;
    expect(await deck.due(t0)).toEqual([card]);
    db.close();
  });
});
