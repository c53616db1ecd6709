import { z } from './zod.ts';

/**
 * The file "Xuất dữ liệu" writes and "Nhập dữ liệu" reads: every table of the learner's database,
 * row for row. A new table or field is a new `version`; a file from a later version is refused
 * (this page could not know what its fields mean) rather than half-read.
 */
export const BACKUP_FORMAT = 'camnang-backup';
export const BACKUP_VERSION = 1;
/** Far above any real learner's data (a year of daily quizzes is a few MB), small enough to read safely. */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;

/** Ids, keys, titles: anything but free text. */
const short = z.string().max(2_000);
const count = z.number().int().nonnegative();
/** Epoch milliseconds. */
const time = z.number().nonnegative();

/**
 * A path on this site. Places are rendered as links: a `javascript:` or another site's URL in a
 * tampered file must never reach an `href`.
 */
const sitePath = short.regex(
  /^\/(?![/\\])[^\s\\]*$/,
  'phải là một đường dẫn trong trang, bắt đầu bằng /',
);

const answerValue = z.union([z.boolean(), short, z.array(short), z.record(short, short)]);

const attemptResult = z.strictObject({
  score: z.number(),
  max: z.number(),
  percentage: z.number(),
  passed: z.boolean(),
  results: z.array(
    z.strictObject({
      questionKey: short,
      answered: z.boolean(),
      score: z.number(),
      max: z.number(),
      correct: z.boolean(),
    }),
  ),
});

const attempt = z.strictObject({
  id: short,
  quizId: short,
  quizVersion: z.number().int(),
  mode: z.enum(['practice', 'exam']),
  feedback: z.enum(['immediate', 'end']),
  passMark: z.number(),
  seed: short,
  draw: z.strictObject({
    questionIds: z.array(short),
    questionKeys: z.array(short),
    choiceOrder: z.record(short, z.array(short)),
  }),
  status: z.enum(['in-progress', 'submitted']),
  position: z.strictObject({ questionKey: short, at: time }).nullable(),
  submittedAt: time.nullable(),
  submittedBy: z.enum(['learner', 'timer']).nullable(),
  result: attemptResult.nullable(),
  startedAt: time,
  deadline: time.nullable(),
});

const answer = z.strictObject({
  attemptId: short,
  questionKey: short,
  value: answerValue,
  answeredAt: time,
});

const questionStats = z.strictObject({
  questionKey: short,
  tags: z.array(short),
  seen: count,
  correct: count,
  wrong: count,
  lastSeenAt: time,
});

const lessonProgress = z.strictObject({
  lessonId: short,
  done: z.boolean(),
  doneAt: time.nullable(),
});

const placeFields = {
  place: sitePath,
  type: z.enum(['article', 'clause', 'lesson', 'case']),
  docId: sitePath,
  docTitle: short,
  label: short,
};
const stamps = { createdAt: time, updatedAt: time };

const bookmark = z.strictObject({ ...placeFields, ...stamps });

const note = z.strictObject({ ...placeFields, text: z.string().max(100_000), ...stamps });

const highlight = z
  .strictObject({
    ...placeFields,
    id: short,
    quote: z.string().min(1).max(20_000),
    start: count,
    end: count,
    ...stamps,
  })
  .refine((row) => row.start < row.end, { message: 'start phải nhỏ hơn end', path: ['end'] });

const cardFields = {
  id: short,
  due: time,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  scheduledDays: z.number().nonnegative(),
  learningSteps: count,
  reps: count,
  lapses: count,
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: time.nullable(),
  ...stamps,
};

const reviewCard = z.discriminatedUnion('kind', [
  z.strictObject({ ...cardFields, kind: z.literal('question'), questionKey: short }),
  z.strictObject({ ...cardFields, kind: z.literal('place'), target: z.strictObject(placeFields) }),
]);

const tables = {
  attempts: z.array(attempt),
  answers: z.array(answer),
  questionStats: z.array(questionStats),
  lessonProgress: z.array(lessonProgress),
  bookmarks: z.array(bookmark),
  notes: z.array(note),
  highlights: z.array(highlight),
  reviewCards: z.array(reviewCard),
};

export const backupSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.iso.datetime(),
    counts: z.strictObject(
      Object.fromEntries(Object.keys(tables).map((name) => [name, count])) as Record<
        keyof typeof tables,
        typeof count
      >,
    ),
    data: z.strictObject(tables),
  })
  .superRefine((backup, ctx) => {
    // A file cut short inside an array can still be valid JSON once closed by hand: the counts catch it.
    for (const [name, rows] of Object.entries(backup.data)) {
      const declared = backup.counts[name as keyof typeof tables];
      if (declared !== rows.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['data', name],
          message: `có ${rows.length} bản ghi, nhưng counts ghi ${declared}`,
          params: { table: name, declared, actual: rows.length },
        });
      }
    }
  });

export type Backup = z.infer<typeof backupSchema>;
