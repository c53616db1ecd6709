import { foldVietnamese } from '../text/fold.ts';
import { normalizeShortCode } from './encoding.ts';
import type { GradedSubmission } from './grading.ts';

/**
 * The codes a proctor wrote down as each learner read out "Mã bài làm" at "Nộp bài": CSV with a
 * header row naming the columns `Tệp` (the submission file's name as the trainer collected it)
 * and `Mã bài làm`, and optionally `Thí sinh`. Headers are matched without case or diacritics.
 */
export interface RecordedCode {
  file: string;
  code: string;
  candidate: string;
  /** 1-based line in the CSV, for messages. */
  line: number;
}

/** The CSV cannot be read: says where and why. */
export class CodesFileError extends Error {}

const COLUMNS = { file: 'tep', code: 'ma bai lam', candidate: 'thi sinh' } as const;
const CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/** RFC 4180 rows with the line each starts on; quoted cells may hold commas, quotes and line breaks. */
function csvRows(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      cells.push(cell);
      rows.push({ cells, line: start });
      cells = [];
      cell = '';
      start = ++line;
    } else cell += char;
  }
  if (quoted) throw new CodesFileError(`dòng ${start}: thiếu dấu " đóng ô`);
  if (cell !== '' || cells.length) rows.push({ cells: [...cells, cell], line: start });
  return rows.filter((row) => row.cells.some((value) => value.trim() !== ''));
}

/** Reads the proctor's CSV; throws `CodesFileError` naming the line at fault. */
export function parseRecordedCodes(text: string): RecordedCode[] {
  const [header, ...rows] = csvRows(text.replace(/^\uFEFF/, ''));
  if (!header) throw new CodesFileError('tệp trống: cần dòng tiêu đề "Tệp,Mã bài làm"');
  const names = header.cells.map((cell) =>
    foldVietnamese(cell)
      .trim()
      .replace(/[\s_]+/g, ' '),
  );
  const column = (name: string) => names.indexOf(name);
  const [file, code, candidate] = [
    column(COLUMNS.file),
    column(COLUMNS.code),
    column(COLUMNS.candidate),
  ];
  if (file < 0 || code < 0) {
    throw new CodesFileError(
      `dòng 1: tiêu đề cần có cột "Tệp" và cột "Mã bài làm" (có: ${header.cells.join(', ')})`,
    );
  }
  const seen = new Map<string, number>();
  return rows.map(({ cells, line }) => {
    if (cells.length !== header.cells.length) {
      throw new CodesFileError(
        `dòng ${line}: có ${cells.length} ô, tiêu đề có ${header.cells.length} cột`,
      );
    }
    const name = (cells[file] ?? '').trim();
    const written = (cells[code] ?? '').trim();
    if (!name) throw new CodesFileError(`dòng ${line}: thiếu tên tệp bài làm`);
    const normal = normalizeShortCode(written);
    if (!CODE.test(normal)) {
      throw new CodesFileError(
        `dòng ${line}: "${written}" không phải mã bài làm (10 chữ và số, dạng 7KQ2M-9XD4P)`,
      );
    }
    const earlier = seen.get(name);
    if (earlier !== undefined)
      throw new CodesFileError(`dòng ${line}: tệp "${name}" đã có mã ở dòng ${earlier}`);
    seen.set(name, line);
    return { file: name, code: normal, candidate: (cells[candidate] ?? '').trim(), line };
  });
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * Holds each graded submission to the code the proctor recorded for its file: a different code
 * means the file is not the one submitted (an answer or a time changed, and the hash recomputed),
 * so it is refused; a file with no recorded code is graded but flagged. Returns the recorded
 * rows no submission matched.
 */
export function checkRecordedCodes(
  graded: GradedSubmission[],
  recorded: readonly RecordedCode[],
): RecordedCode[] {
  const byFile = new Map(recorded.map((row) => [row.file, row]));
  const used = new Set<RecordedCode>();
  for (const submission of graded) {
    const row = byFile.get(baseName(submission.file));
    if (!row) {
      submission.codeCheck = 'unrecorded';
      continue;
    }
    used.add(row);
    if (submission.code === row.code) {
      submission.codeCheck = 'matched';
      continue;
    }
    submission.codeCheck = 'mismatch';
    const who = row.candidate ? ` (${row.candidate})` : '';
    submission.outcome = {
      status: 'refused',
      kind: 'code',
      reason: `mã bài làm ${submission.code ?? '(không đọc được)'} khác mã người coi thi đã ghi${who} lúc nộp bài, ${row.code} (dòng ${row.line}): tệp không phải bài đã nộp`,
    };
  }
  return recorded.filter((row) => !used.has(row));
}
