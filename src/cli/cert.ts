import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { keyDate, type KeySet, type PublicKeyEntry } from '../schemas/key-set.ts';
import { signCertificate, verifyCertificate, type Verification } from '../lib/cert/certificate.ts';
import { certificatePage } from '../lib/cert/certificate-page.ts';
import { normalizeShortCode } from '../lib/cert/encoding.ts';
import { DEFAULT_KEYS_DIR } from '../lib/cert/keys.ts';
import { certificatePayload, vietnamDate } from '../lib/cert/issue.ts';
import { parseKeySet, revokedFor } from '../lib/cert/key-set.ts';
import { SITE_VARIABLE, siteAddress } from '../lib/site/address.ts';
import {
  generateSigningKey,
  loadSigningKey,
  nodeSha256,
  type SigningKey,
} from '../lib/cert/node-crypto.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';
import { gradeFiles } from './exam.ts';

const DEFAULT_KEY_SET = 'public/keys.json';

const usage = [
  'Cách dùng:',
  '  camnang cert keygen --label "<đơn vị cấp>" [--out <thư mục>] [--publish <tệp khóa công khai>]',
  '  camnang cert issue <bài làm.json | thư mục>… --key <khóa bí mật.pem> (--name "<họ tên>" | --names <tệp.csv>)',
  '                     [--keys <thư mục đáp án>] [--out <thư mục>] [--site <địa chỉ trang>] [--root <thư mục>]',
  '  camnang cert verify <chứng chỉ.json | mã xác minh> [--key-set <tệp khóa công khai>]',
  '  camnang cert revoke <mã khóa> [--from <NNNN-TT-NN>] [--key-set <tệp khóa công khai>]',
  '',
  'keygen  Tạo cặp khóa Ed25519 của đơn vị: <mã khóa>.private.pem (khóa bí mật, giữ riêng, không',
  '        bao giờ đưa lên kho mã) và <mã khóa>.public.json trong --out (mặc định .camnang-keys/).',
  `        --publish thêm khóa công khai vào danh sách khóa của trang (thường là ${DEFAULT_KEY_SET}).`,
  'issue   Chấm các bài làm (như "camnang exam grade") và cấp chứng chỉ có chữ ký số cho mỗi bài',
  '        đạt: tệp .json (để xác minh) và trang .html in được trên khổ A4, có mã xác minh.',
  '        --name cho một bài làm; --names cho nhiều bài: tệp CSV mỗi dòng "mã bài làm,họ tên".',
  '        --site là địa chỉ trang (ví dụ https://camnang.example.vn) để in đường dẫn xác minh;',
  `        mặc định là biến môi trường ${SITE_VARIABLE}, như khi build trang.`,
  `        Khóa phải có trong ${DEFAULT_KEY_SET} và chưa bị thu hồi, nếu không chứng chỉ sẽ không xác minh được.`,
  'verify  Xác minh một chứng chỉ như trang /xac-minh/ làm: ai, đạt bài gì, ngày nào, khóa nào ký.',
  `revoke  Thu hồi một khóa trong ${DEFAULT_KEY_SET}: chứng chỉ ghi ngày cấp từ ngày --from (mặc định`,
  '        hôm nay) trở đi không còn xác minh được; chứng chỉ cấp trước đó vẫn hợp lệ. Build và đăng',
  '        lại trang để việc thu hồi có hiệu lực.',
  '',
  'Mã thoát: 0 thành công; 1 khi có bài bị từ chối, thiếu tên, chứng chỉ không hợp lệ, hoặc không thu hồi',
  '          được khóa (không có mã khóa, ngày sai); 2 sai tham số.',
].join('\n');

/** The key set file as written (`entries`, unusable ones too, so rewriting it loses nothing) and as read. */
function readKeySetFile(path: string): { entries: unknown[]; keySet: KeySet } {
  if (!existsSync(path)) throw new UsageError(`không có tệp khóa công khai ${path}`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UsageError(`${path} không phải JSON hợp lệ`);
  }
  const { keySet, problems } = parseKeySet(data);
  for (const problem of problems) process.stderr.write(`${path}: ${problem}\n`);
  const entries = (data as { keys?: unknown } | null)?.keys;
  return { entries: Array.isArray(entries) ? entries : [], keySet };
}

const readKeySet = (path: string): KeySet => readKeySetFile(path).keySet;

function writeKeySet(path: string, entries: unknown[]) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ keys: entries }, null, 2)}\n`);
}

async function runKeygen(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    label: { type: 'string' },
    out: { type: 'string' },
    publish: { type: 'string' },
  });
  if (positionals.length) throw new UsageError(`tham số thừa: ${positionals.join(' ')}`);
  const label = values.label?.trim();
  if (!label)
    throw new UsageError('thiếu --label: tên đơn vị cấp chứng chỉ, in trên mỗi chứng chỉ');
  const out = values.out ?? '.camnang-keys';
  const key = await generateSigningKey();
  const entry: PublicKeyEntry = {
    id: key.keyId,
    label,
    algorithm: 'Ed25519',
    publicKey: key.publicKey,
    validFrom: vietnamDate(Date.now()),
  };
  mkdirSync(out, { recursive: true });
  // The names match .gitignore (*.private.pem), so the private key is never committed by mistake.
  const privateFile = join(out, `${key.keyId}.private.pem`);
  writeFileSync(privateFile, key.privatePem, { mode: 0o600 });
  chmodSync(privateFile, 0o600);
  const publicFile = join(out, `${key.keyId}.public.json`);
  writeFileSync(publicFile, `${JSON.stringify(entry, null, 2)}\n`);
  process.stdout.write(
    `Mã khóa: ${key.keyId}\nKhóa bí mật: ${privateFile} (giữ riêng, sao lưu ngoại tuyến)\nKhóa công khai: ${publicFile}\n`,
  );
  if (values.publish) {
    const { entries } = existsSync(values.publish)
      ? readKeySetFile(values.publish)
      : { entries: [] };
    writeKeySet(values.publish, [...entries, entry]);
    process.stdout.write(
      `Đã thêm khóa vào ${values.publish}; build và đăng lại trang để khóa có hiệu lực.\n`,
    );
  } else {
    process.stdout.write(
      `Thêm nội dung ${publicFile} vào "keys" của ${DEFAULT_KEY_SET} để trang xác minh được chứng chỉ.\n`,
    );
  }
  return 0;
}

/** "mã bài làm,họ tên" per line; a header line and blank lines are skipped. */
function readNames(path: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)) {
    const [code = '', ...name] = line.split(',');
    const full = name.join(',').trim().replace(/^"|"$/g, '');
    if (/^[0-9A-Za-z]{5}[\s-]?[0-9A-Za-z]{5}$/.test(code.trim()) && full)
      names.set(normalizeShortCode(code), full);
  }
  return names;
}

async function runIssue(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    key: { type: 'string' },
    keys: { type: 'string' },
    name: { type: 'string' },
    names: { type: 'string' },
    out: { type: 'string' },
    site: { type: 'string' },
    root: { type: 'string' },
    'key-set': { type: 'string' },
  });
  if (!values.key)
    throw new UsageError(
      'thiếu --key: tệp khóa bí mật (.private.pem) do "camnang cert keygen" tạo',
    );
  if (!existsSync(values.key)) throw new UsageError(`không có tệp khóa ${values.key}`);
  if ((values.name === undefined) === (values.names === undefined)) {
    throw new UsageError('cần đúng một trong hai: --name "<họ tên>" hoặc --names <tệp.csv>');
  }
  const root = values.root ?? process.cwd();
  let site: string | null;
  try {
    site = siteAddress(values.site ?? process.env[SITE_VARIABLE]);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let signing: SigningKey;
  try {
    signing = await loadSigningKey(readFileSync(values.key, 'utf8'));
  } catch (error) {
    process.stderr.write(`camnang cert: ${(error as Error).message}\n`);
    return 1;
  }
  const keySetFile = values['key-set'] ?? resolve(root, DEFAULT_KEY_SET);
  const published = readKeySet(keySetFile).keys.find((entry) => entry.id === signing.keyId);
  if (!published || published.publicKey !== signing.publicKey) {
    process.stderr.write(
      `camnang cert: khóa ${signing.keyId} chưa có trong ${keySetFile}; chứng chỉ ký bằng nó sẽ không xác minh được. Thêm tệp ${signing.keyId}.public.json vào danh sách khóa trước.\n`,
    );
    return 1;
  }
  if (revokedFor(published, vietnamDate(Date.now()))) {
    process.stderr.write(
      `camnang cert: khóa ${signing.keyId} đã bị thu hồi${published.revokedAt ? ` từ ngày ${published.revokedAt}` : ''}; hãy tạo khóa mới.\n`,
    );
    return 1;
  }
  const graded = await gradeFiles(positionals, root, values.keys ?? DEFAULT_KEYS_DIR);
  if (!graded) return 1;
  if (values.name !== undefined && graded.graded.length !== 1) {
    throw new UsageError(
      `--name dùng cho đúng một bài làm (có ${graded.graded.length}); dùng --names cho nhiều bài`,
    );
  }
  const names = values.names ? readNames(values.names) : null;
  const out = values.out ?? '.';
  mkdirSync(out, { recursive: true });
  let failures = 0;
  for (const { file, submission, code, outcome } of graded.graded) {
    const say = (text: string) => process.stdout.write(`${code ?? file}: ${text}\n`);
    if (outcome.status === 'refused' || !submission || !code) {
      failures++;
      say(
        `không cấp: bài làm bị từ chối (${outcome.status === 'refused' ? outcome.reason : 'không đọc được'})`,
      );
      continue;
    }
    if (!outcome.result.passed) {
      say(`không cấp: chưa đạt (${outcome.result.percentage}%, cần ${outcome.passMark}%)`);
      continue;
    }
    const learner = values.name ?? names?.get(code);
    if (!learner?.trim()) {
      failures++;
      say(`không cấp: ${values.names} không có họ tên cho mã ${code}`);
      continue;
    }
    const exam = graded.exams.get(submission.examId);
    const payload = certificatePayload({
      submission,
      result: outcome.result,
      passMark: outcome.passMark,
      examTitle: exam?.quiz.title ?? submission.examId,
      learner,
      issuer: published.label,
      keyId: signing.keyId,
      issuedAt: Date.now(),
    });
    const certificate = await signCertificate(payload, signing.sign);
    const base = join(out, `chung-chi-${submission.examId}-${code}`);
    writeFileSync(`${base}.json`, `${JSON.stringify(certificate, null, 2)}\n`);
    writeFileSync(`${base}.html`, certificatePage(certificate, site));
    say(`đã cấp cho ${payload.learner} (${payload.percentage}%): ${base}.json, ${base}.html`);
  }
  return failures ? 1 : 0;
}

/** What a verification says, as the CLI prints it; the page says the same in vi.json's words. */
function describe(verification: Verification): string {
  switch (verification.status) {
    case 'valid': {
      const { payload: p, key } = verification;
      return [
        'Chứng chỉ hợp lệ.',
        `  Người học: ${p.learner}`,
        `  Bài thi: ${p.exam.title} (phiên bản ${p.exam.version})`,
        `  Kết quả: ${p.score}/${p.max} điểm (${p.percentage}%), đạt ngày ${p.passedOn}`,
        `  Cấp ngày ${p.issuedOn} bởi ${key.label}, khóa ${key.id}`,
      ].join('\n');
    }
    case 'malformed':
      return `Chứng chỉ không hợp lệ: ${verification.problem}.`;
    case 'unknown-key':
      return `Chứng chỉ không hợp lệ: khóa ký ${verification.payload.keyId} không có trong danh sách khóa công khai.`;
    case 'tampered':
      return 'Chứng chỉ không hợp lệ: chữ ký không khớp với nội dung (chứng chỉ đã bị sửa hoặc giả mạo).';
    case 'revoked':
      return verification.key.revokedAt
        ? `Chứng chỉ không hợp lệ: khóa ký ${verification.key.id} đã bị thu hồi từ ngày ${verification.key.revokedAt}, chứng chỉ ghi ngày cấp ${verification.payload.issuedOn}.`
        : `Chứng chỉ không hợp lệ: khóa ký ${verification.key.id} đã bị thu hồi.`;
    case 'not-yet-valid':
      return `Chứng chỉ không hợp lệ: ngày cấp ${verification.payload.issuedOn} sớm hơn ngày khóa ${verification.key.id} bắt đầu dùng (${verification.key.validFrom}).`;
  }
}

async function runVerify(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    'key-set': { type: 'string' },
    root: { type: 'string' },
  });
  const [input, ...extra] = positionals;
  if (input === undefined || extra.length)
    throw new UsageError('cần đúng một tệp chứng chỉ hoặc một mã xác minh');
  const text = existsSync(input) ? readFileSync(input, 'utf8') : input;
  const keySet = readKeySet(
    values['key-set'] ?? resolve(values.root ?? process.cwd(), DEFAULT_KEY_SET),
  );
  const verification = await verifyCertificate(text, keySet, nodeSha256);
  process.stdout.write(`${describe(verification)}\n`);
  return verification.status === 'valid' ? 0 : 1;
}

async function runRevoke(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    from: { type: 'string' },
    'key-set': { type: 'string' },
    root: { type: 'string' },
  });
  const [keyId, ...extra] = positionals;
  if (keyId === undefined || extra.length) throw new UsageError('cần đúng một mã khóa');
  const from = values.from ?? vietnamDate(Date.now());
  if (!keyDate('--from').safeParse(from).success) {
    process.stderr.write(
      `camnang cert: ngày --from "${from}" không hợp lệ; hãy viết theo dạng NNNN-TT-NN, ví dụ 2026-12-01\n`,
    );
    return 1;
  }
  const path = values['key-set'] ?? resolve(values.root ?? process.cwd(), DEFAULT_KEY_SET);
  const { entries, keySet } = readKeySetFile(path);
  const key = keySet.keys.find((candidate) => candidate.id === keyId);
  if (!key) {
    const known = keySet.keys.map((candidate) => candidate.id).join(', ') || 'không có khóa nào';
    process.stderr.write(
      `camnang cert: không có khóa ${keyId} trong ${path} (các khóa: ${known})\n`,
    );
    return 1;
  }
  // Revoking again never brings back a certificate: only an earlier day replaces the one set.
  if (key.revokedAt !== undefined ? key.revokedAt <= from : key.revoked === true) {
    process.stdout.write(
      `Khóa ${keyId} đã bị thu hồi${key.revokedAt ? ` từ ngày ${key.revokedAt}` : ''}; ${path} không thay đổi.\n`,
    );
    return 0;
  }
  const revoked = entries.map((entry) => {
    if ((entry as { id?: unknown } | null)?.id !== keyId) return entry;
    const { revoked: _revoked, ...rest } = entry as Record<string, unknown>;
    return { ...rest, revokedAt: from };
  });
  writeKeySet(path, revoked);
  process.stdout.write(
    `Đã thu hồi khóa ${keyId} (${key.label}) từ ngày ${from} trong ${path}: chứng chỉ ghi ngày cấp từ ngày đó trở đi không còn xác minh được, chứng chỉ cấp trước vẫn hợp lệ. Build và đăng lại trang để việc thu hồi có hiệu lực.\n`,
  );
  return 0;
}

export const cert: Command = {
  name: 'cert',
  summary:
    'Chứng chỉ: tạo khóa ký, cấp chứng chỉ có chữ ký số cho bài thi đạt, xác minh chứng chỉ, thu hồi khóa',
  usage,
  async run(args) {
    const [subcommand, ...rest] = args;
    switch (subcommand) {
      case 'keygen':
        return runKeygen(rest);
      case 'issue':
        return runIssue(rest);
      case 'verify':
        return runVerify(rest);
      case 'revoke':
        return runRevoke(rest);
      case undefined:
        throw new UsageError('thiếu lệnh con: keygen, issue, verify hoặc revoke');
      default:
        throw new UsageError(
          `không có lệnh con "${subcommand}"; dùng keygen, issue, verify hoặc revoke`,
        );
    }
  },
};
