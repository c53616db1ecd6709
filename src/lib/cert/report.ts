import { formatDuration, type GradedSubmission } from './grading.ts';

/** Scores keep two decimals at most: partial credit gives thirds. */
const round = (value: number) => String(Math.round(value * 100) / 100);

const CSV_HEADINGS = [
  'Tệp',
  'Mã bài làm',
  'Bài thi',
  'Phiên bản',
  'Điểm',
  'Tối đa',
  'Tỉ lệ (%)',
  'Kết quả',
  'Thời gian làm bài',
  'Bắt đầu',
  'Nộp bài',
  'Trạng thái',
  'Lý do',
  'Đối chiếu mã',
];

/** What the proctor's record says of the code, for the CSV; empty without `--codes`. */
const CODE_CHECKS = { matched: 'Khớp', mismatch: 'Không khớp', unrecorded: 'Chưa ghi mã' } as const;

/** The status a trainer reads: refused with why, or graded, flagged when no code was recorded for it. */
function status({ outcome, codeCheck }: GradedSubmission): string {
  if (outcome.status === 'refused') return `Từ chối: ${outcome.reason}`;
  return codeCheck === 'unrecorded'
    ? 'Đã chấm; cần xem lại: người coi thi không ghi mã bài này'
    : 'Đã chấm';
}

function csvRow(graded: GradedSubmission): string[] {
  const { file, submission, code, durationMs, outcome, codeCheck } = graded;
  const result = outcome.status === 'graded' ? outcome.result : null;
  return [
    file,
    code ?? '',
    submission?.examId ?? '',
    submission ? String(submission.examVersion) : '',
    result ? round(result.score) : '',
    result ? String(result.max) : '',
    result ? String(result.percentage) : '',
    result ? (result.passed ? 'Đạt' : 'Chưa đạt') : '',
    durationMs === null ? '' : formatDuration(durationMs),
    submission?.startedAt ?? '',
    submission?.submittedAt ?? '',
    outcome.status === 'graded' ? 'Đã chấm' : 'Từ chối',
    outcome.status === 'refused' ? outcome.reason : '',
    codeCheck ? CODE_CHECKS[codeCheck] : '',
  ];
}

const csvCell = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * RFC 4180 CSV with a UTF-8 byte order mark, without which Excel reads the Vietnamese letters
 * as Windows-1252.
 */
export function toCsv(graded: readonly GradedSubmission[]): string {
  const lines = [CSV_HEADINGS, ...graded.map(csvRow)].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The table the CLI prints: what a trainer reads at a glance, the reason last and unpadded. */
export function formatTable(graded: readonly GradedSubmission[]): string {
  const rows = [
    ['Tệp', 'Mã bài làm', 'Bài thi', 'P.bản', 'Điểm', '%', 'Kết quả', 'Thời gian', 'Trạng thái'],
    ...graded.map((row) => {
      const { file, submission, code, durationMs, outcome } = row;
      const result = outcome.status === 'graded' ? outcome.result : null;
      return [
        file.split(/[\\/]/).pop() ?? file,
        code ?? '—',
        submission?.examId ?? '—',
        submission ? String(submission.examVersion) : '—',
        result ? `${round(result.score)}/${result.max}` : '—',
        result ? String(result.percentage) : '—',
        result ? (result.passed ? 'Đạt' : 'Chưa đạt') : '—',
        durationMs === null ? '—' : formatDuration(durationMs),
        status(row),
      ];
    }),
  ];
  const last = (rows[0]?.length ?? 1) - 1;
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === last ? cell : cell.padEnd(widths[column] ?? 0)))
        .join('  '),
    )
    .join('\n');
}
