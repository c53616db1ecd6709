import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import {
  normalizeLegalText,
  parseLegalText,
  type LegalNode,
  type ParsedDocument,
} from '../lib/legal/parse.ts';
import { REGULATION_STATUSES, REGULATION_TYPES } from '../schemas/regulation.ts';
import { parseCommandArgs, printJson, UsageError, type Command } from './command.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const usage = [
  'Cách dùng:',
  '  camnang regulation parse <tệp.txt> [--json]',
  '  camnang regulation import <tệp.txt> --slug <slug> [--type <loại>] [--status <hiệu lực>]',
  '                            [--root <thư mục>] [--force]',
  '',
  'parse   Phân tích văn bản (Phần, Chương, Mục, Tiểu mục, Điều, khoản, điểm) và in dàn ý',
  '        kèm neo (#dieu-5-khoan-1) cùng các cảnh báo; --json in cây văn bản dạng JSON.',
  'import  Ghi content/regulations/<slug>/text.txt (văn bản đã chuẩn hóa) và index.mdx với',
  '        thông tin lấy từ đầu văn bản. Hiệu lực, nguồn và ngày kiểm tra do người soạn điền:',
  '        công cụ không bao giờ đoán.',
  '        --slug    chữ thường không dấu, số và dấu gạch nối, ví dụ luat-to-cao-2018',
  `        --type    ${REGULATION_TYPES.join(', ')}`,
  `        --status  ${REGULATION_STATUSES.join(', ')}`,
  '        --root    thư mục gốc của dự án (mặc định: thư mục hiện tại)',
  '        --force   ghi đè text.txt và index.mdx nếu thư mục <slug> đã có (tệp khác giữ nguyên)',
  '',
  'Mã thoát: 0 thành công; 1 không đọc được tệp, không tìm thấy Điều nào hoặc thư mục đã có;',
  '2 sai tham số.',
].join('\n');

/** A failure the user can act on: printed as one line, exit 1. */
class CommandFailure extends Error {}

function readLegalFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'tệp không tồn tại'
        : code === 'EISDIR'
          ? 'đây là một thư mục, không phải tệp'
          : code === 'EACCES'
            ? 'không có quyền đọc tệp'
            : (error as Error).message;
    throw new CommandFailure(`không đọc được "${file}": ${reason}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Old Vietnamese files are often TCVN3 or Windows-1258: say so rather than parse mojibake.
    throw new CommandFailure(
      `không đọc được "${file}": tệp không phải văn bản UTF-8 (hãy chuyển sang UTF-8)`,
    );
  }
}

function countKinds(
  nodes: readonly LegalNode[],
  counts = new Map<string, number>(),
): Map<string, number> {
  for (const node of nodes) {
    const key = node.kind === 'khoan' && node.number.includes('.') ? 'tiet' : node.kind;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    countKinds(node.children, counts);
  }
  return counts;
}

function parseSource(file: string, source: string): ParsedDocument {
  const document = parseLegalText(source);
  if (!countKinds(document.body).get('dieu')) {
    throw new CommandFailure(
      `"${file}" không có cấu trúc văn bản: không tìm thấy Điều nào (dòng "Điều 1. …")`,
    );
  }
  return document;
}

function summary(document: ParsedDocument): string {
  const counts = countKinds(document.body);
  const parts = [
    ['phan', 'phần'],
    ['chuong', 'chương'],
    ['muc', 'mục'],
    ['tieu-muc', 'tiểu mục'],
    ['dieu', 'điều'],
    ['khoan', 'khoản'],
    ['tiet', 'tiết'],
    ['diem', 'điểm'],
  ]
    .filter(([kind]) => counts.get(kind ?? ''))
    .map(([kind, label]) => `${counts.get(kind ?? '')} ${label}`);
  return parts.join(', ');
}

function excerpt(text: string | undefined, length = 60): string {
  const line = (text ?? '').split('\n')[0] ?? '';
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

function nodeLabel(node: LegalNode): string {
  switch (node.kind) {
    case 'phan':
    case 'chuong':
    case 'muc':
    case 'tieu-muc':
    case 'dieu': {
      const name = {
        phan: 'Phần',
        chuong: 'Chương',
        muc: 'Mục',
        'tieu-muc': 'Tiểu mục',
        dieu: 'Điều',
      }[node.kind];
      return node.title === undefined
        ? `${name} ${node.number}`
        : `${name} ${node.number}. ${node.title}`;
    }
    case 'khoan':
      return `${node.number.includes('.') ? 'Tiết' : 'Khoản'} ${node.number}: ${excerpt(node.text)}`;
    case 'diem':
      return `Điểm ${node.number}: ${excerpt(node.text)}`;
  }
}

function printOutline(document: ParsedDocument): void {
  const { meta } = document;
  const out: string[] = [];
  const name = [meta.type, meta.number].filter((part) => part !== null).join(' số ');
  out.push(`${name || 'Văn bản'}${meta.title === null ? '' : `: ${meta.title}`}`);
  const issued = [meta.issuer, meta.place, meta.issuedAt].filter(
    (part) => part !== null && part !== undefined,
  );
  if (issued.length > 0) out.push(`Ban hành: ${issued.join(', ')}`);
  out.push('');
  const walk = (nodes: readonly LegalNode[], depth: number): void => {
    for (const node of nodes) {
      out.push(`${'  '.repeat(depth)}${nodeLabel(node)}  #${node.anchor}`);
      walk(node.children, depth + 1);
    }
  };
  walk(document.body, 0);
  out.push('');
  out.push(`Tổng cộng: ${summary(document)}.`);
  if (document.warnings.length === 0) {
    out.push('Không có cảnh báo.');
  } else {
    out.push(`${document.warnings.length} cảnh báo:`);
    for (const warning of document.warnings) out.push(`  dòng ${warning.line}: ${warning.message}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

// Header names are printed in capitals; these are their usual written forms.
const ISSUER_NAMES: Readonly<Record<string, string>> = {
  'QUỐC HỘI': 'Quốc hội',
  'ỦY BAN THƯỜNG VỤ QUỐC HỘI': 'Ủy ban Thường vụ Quốc hội',
  'UỶ BAN THƯỜNG VỤ QUỐC HỘI': 'Ủy ban Thường vụ Quốc hội',
  'CHÍNH PHỦ': 'Chính phủ',
  'THỦ TƯỚNG CHÍNH PHỦ': 'Thủ tướng Chính phủ',
  'CHỦ TỊCH NƯỚC': 'Chủ tịch nước',
  'THANH TRA CHÍNH PHỦ': 'Thanh tra Chính phủ',
  'KIỂM TOÁN NHÀ NƯỚC': 'Kiểm toán nhà nước',
  'BAN CHẤP HÀNH TRUNG ƯƠNG': 'Ban Chấp hành Trung ương',
  'BỘ CHÍNH TRỊ': 'Bộ Chính trị',
  'BAN BÍ THƯ': 'Ban Bí thư',
  'ỦY BAN KIỂM TRA TRUNG ƯƠNG': 'Ủy ban Kiểm tra Trung ương',
  'UỶ BAN KIỂM TRA TRUNG ƯƠNG': 'Ủy ban Kiểm tra Trung ương',
};

const isCapitals = (text: string) => !/\p{Ll}/u.test(text) && /\p{Lu}/u.test(text);

function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

const yamlValue = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

interface ImportOptions {
  type: string | undefined;
  status: string | undefined;
  source: string;
}

/** The index.mdx of an imported regulation, and the list of what the trainer must still do. */
export function regulationIndex(
  document: ParsedDocument,
  options: ImportOptions,
): { text: string; todo: string[] } {
  const { meta } = document;
  const lines: string[] = [
    '---',
    `# Tạo bởi "camnang regulation import" từ ${options.source}: đối chiếu từng trường với bản gốc.`,
  ];
  const todo: string[] = [];

  const type = options.type ?? meta.type;
  if (type !== null && (REGULATION_TYPES as readonly string[]).includes(type)) {
    lines.push(`type: ${yamlValue(type)}`);
  } else {
    lines.push(
      `# Cần điền: loại văn bản${type === null ? '' : ` (đầu văn bản ghi "${type}")`}, một trong: ${REGULATION_TYPES.join(', ')}`,
      'type:',
    );
    todo.push('type: loại văn bản');
  }

  if (meta.number === null) {
    lines.push('# Không thấy số hiệu trong đầu văn bản; thêm "number: …" nếu văn bản có số.');
    todo.push('number: kiểm tra văn bản có số hiệu hay không');
  } else {
    lines.push(`number: ${yamlValue(meta.number)}`);
  }

  if (meta.title === null) {
    lines.push('# Cần điền: tên văn bản (không thấy trong đầu văn bản).', 'title:');
    todo.push('title: tên văn bản');
  } else if (isCapitals(meta.title)) {
    lines.push(`# Đầu văn bản ghi "${meta.title}": kiểm tra chữ hoa của tên riêng.`);
    lines.push(`title: ${yamlValue(sentenceCase(meta.title))}`);
    todo.push('title: kiểm tra chữ hoa của tên riêng');
  } else {
    lines.push(`title: ${yamlValue(meta.title)}`);
  }

  if (meta.issuer === null) {
    lines.push('# Cần điền: cơ quan ban hành (không thấy trong đầu văn bản).', 'issuer:');
    todo.push('issuer: cơ quan ban hành');
  } else {
    const known = ISSUER_NAMES[meta.issuer.toLocaleUpperCase('vi')];
    if (known === undefined && isCapitals(meta.issuer)) {
      lines.push(`# Đầu văn bản ghi "${meta.issuer}": kiểm tra chữ hoa.`);
      todo.push('issuer: kiểm tra chữ hoa');
    }
    lines.push(
      `issuer: ${yamlValue(known ?? (isCapitals(meta.issuer) ? sentenceCase(meta.issuer) : meta.issuer))}`,
    );
  }

  if (meta.issuedAt === null) {
    lines.push(
      '# Không thấy ngày ban hành trong đầu văn bản; thêm "issuedAt: NNNN-TT-NN" nếu biết.',
    );
    todo.push('issuedAt: ngày ban hành');
  } else {
    lines.push(`issuedAt: ${meta.issuedAt}`);
  }

  if (options.status === undefined) {
    lines.push(
      `# Cần điền: hiệu lực hiện nay, tra từ nguồn chính thức (không đoán): ${REGULATION_STATUSES.join(', ')}`,
      'status:',
    );
    todo.push('status: hiệu lực hiện nay, tra từ nguồn chính thức');
  } else {
    lines.push(`status: ${options.status}`);
  }

  lines.push(
    '# Cần điền: ít nhất một nguồn đã kiểm chứng, mỗi nguồn gồm title và url, ví dụ',
    '#   - title: Văn bản trên Cơ sở dữ liệu quốc gia về pháp luật',
    '#     url: https://…',
    'sources: []',
    '# Cần điền: ngày bạn kiểm tra hiệu lực với nguồn, dạng NNNN-TT-NN.',
    'verifiedAt:',
    '---',
    '',
    '{/* Vài câu giới thiệu văn bản bằng lời của bạn; không chép nguyên văn. */}',
    '',
  );
  todo.push(
    'sources: ít nhất một nguồn đã kiểm chứng',
    'verifiedAt: ngày kiểm tra hiệu lực',
    'phần giới thiệu ngắn sau frontmatter',
  );
  return { text: lines.join('\n'), todo };
}

function oneFile(positionals: readonly string[], subcommand: string): string {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError(`thiếu tệp văn bản cho "${subcommand}"`);
  if (extra.length > 0) throw new UsageError(`thừa tham số: ${extra.join(' ')}`);
  return file;
}

function runParse(args: string[]): number {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
  const file = oneFile(positionals, 'parse');
  const document = parseSource(file, readLegalFile(file));
  if (values.json) printJson(document);
  else printOutline(document);
  return 0;
}

function runImport(args: string[]): number {
  const { values, positionals } = parseCommandArgs(args, {
    slug: { type: 'string' },
    type: { type: 'string' },
    status: { type: 'string' },
    root: { type: 'string' },
    force: { type: 'boolean' },
  });
  const file = oneFile(positionals, 'import');
  const { slug, type, status } = values;
  if (slug === undefined)
    throw new UsageError('thiếu --slug <slug>, ví dụ --slug luat-to-cao-2018');
  if (!SLUG.test(slug)) {
    throw new UsageError(
      `slug "${slug}" không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch nối`,
    );
  }
  if (type !== undefined && !(REGULATION_TYPES as readonly string[]).includes(type)) {
    throw new UsageError(
      `loại văn bản "${type}" không hợp lệ; được dùng: ${REGULATION_TYPES.join(', ')}`,
    );
  }
  if (status !== undefined && !(REGULATION_STATUSES as readonly string[]).includes(status)) {
    throw new UsageError(
      `hiệu lực "${status}" không hợp lệ; được dùng: ${REGULATION_STATUSES.join(', ')}`,
    );
  }

  const source = readLegalFile(file);
  const document = parseSource(file, source);
  const root = resolve(values.root ?? process.cwd());
  const folder = join(root, 'content', 'regulations', slug);
  if (existsSync(folder) && !values.force) {
    throw new CommandFailure(
      `thư mục ${folder} đã có; thêm --force để ghi đè text.txt và index.mdx`,
    );
  }
  const index = regulationIndex(document, {
    type,
    status,
    source: basename(file),
  });
  mkdirSync(folder, { recursive: true });
  const textPath = join(folder, 'text.txt');
  const indexPath = join(folder, 'index.mdx');
  const text = normalizeLegalText(source);
  writeFileSync(textPath, text);
  writeFileSync(indexPath, index.text);

  const shown = (path: string) => {
    const near = relative(process.cwd(), path);
    return near === '' || near.startsWith('..') ? path : near;
  };
  const out = [
    'Đã ghi:',
    `  ${shown(textPath)} (${text.split('\n').length - 1} dòng)`,
    `  ${shown(indexPath)}`,
    `Văn bản: ${[document.meta.type, document.meta.number].filter((part) => part !== null).join(' ') || 'không rõ loại và số'}; ${summary(document)}.`,
    '',
    `Người soạn cần hoàn thiện trong ${shown(indexPath)}:`,
    ...index.todo.map((item) => `  - ${item}`),
  ];
  if (document.warnings.length > 0) {
    out.push(
      '',
      `${document.warnings.length} cảnh báo khi phân tích (đối chiếu với bản gốc, sửa trong text.txt nếu cần):`,
    );
    for (const warning of document.warnings)
      out.push(`  text.txt:${warning.line}: ${warning.message}`);
  }
  out.push('', 'Sau đó chạy: npx camnang lint');
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

export const regulation: Command = {
  name: 'regulation',
  summary: 'Phân tích và nhập văn bản pháp luật, văn bản của Đảng (parse, import)',
  usage,
  async run(args) {
    const [subcommand, ...rest] = args;
    try {
      switch (subcommand) {
        case 'parse':
          return runParse(rest);
        case 'import':
          return runImport(rest);
        case undefined:
          throw new UsageError('thiếu lệnh con: parse hoặc import');
        default:
          throw new UsageError(`không có lệnh con "${subcommand}"; dùng parse hoặc import`);
      }
    } catch (error) {
      if (error instanceof CommandFailure) {
        process.stderr.write(`camnang regulation: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};
