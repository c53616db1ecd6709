import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateCode } from '../../../src/lib/cert/certificate.ts';
import { submissionCode } from '../../../src/lib/cert/submission.ts';
import type { CertificateFile } from '../../../src/schemas/cert.ts';
import type { KeySet } from '../../../src/schemas/key-set.ts';
import { examBank, examKey, examQuiz, RIGHT, submit } from '../cert/fixtures.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const root = mkdtempSync(join(tmpdir(), 'camnang-cert-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function camnang(...args: string[]) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'bin/camnang.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const read = (path: string) => readFileSync(join(root, path), 'utf8');

let keyId = '';
let passedCode = '';
let otherCode = '';
const { id: _id, ...quizFile } = examQuiz;

beforeAll(async () => {
  write('quizzes/thi-mau.yaml', JSON.stringify(quizFile));
  write(
    'quizzes/banks/de-thi.yaml',
    JSON.stringify({ title: 'Đề thi', questions: examBank.questions }),
  );
  write('quizzes/keys/thi-mau.yaml', JSON.stringify(examKey));
  const passed = await submit(RIGHT, 6);
  const other = await submit({ ...RIGHT, mot: 'a' }, 5, 'hat-khac');
  passedCode = submissionCode(passed.hash);
  otherCode = submissionCode(other.hash);
  write('bai-lam/a.json', JSON.stringify(passed));
  write('bai-lam/b.json', JSON.stringify(other));
  write('bai-lam/c.json', JSON.stringify(await submit({ mot: 'b' }, 2, 'hat-truot')));
});

describe('camnang cert keygen', () => {
  it('writes a private PEM only its owner can read and a public entry, and publishes it', () => {
    const { status, stdout } = camnang(
      'cert',
      'keygen',
      '--label',
      'Ủy ban Kiểm tra Mẫu',
      '--publish',
      'public/keys.json',
    );
    expect(status).toBe(0);
    keyId = /Mã khóa: ([0-9a-f]{16})/.exec(stdout)?.[1] ?? '';
    expect(keyId).not.toBe('');
    const privateFile = join(root, '.camnang-keys', `${keyId}.private.pem`);
    expect(read(`.camnang-keys/${keyId}.private.pem`)).toContain('BEGIN PRIVATE KEY');
    expect(statSync(privateFile).mode & 0o777).toBe(0o600);
    const keySet = JSON.parse(read('public/keys.json')) as KeySet;
    expect(keySet.keys).toEqual([JSON.parse(read(`.camnang-keys/${keyId}.public.json`))]);
    expect(keySet.keys[0]).toMatchObject({
      id: keyId,
      label: 'Ủy ban Kiểm tra Mẫu',
      algorithm: 'Ed25519',
    });
  });

  it('asks for the label', () => {
    expect(camnang('cert', 'keygen').stderr).toContain('thiếu --label');
  });
});

/** `cert issue` of these submissions, signed with the trainer's key made for the tests. */
const issueSigned = (submissions: string, ...options: string[]) =>
  camnang('cert', 'issue', submissions, '--key', `.camnang-keys/${keyId}.private.pem`, ...options);

describe('camnang cert issue and verify', () => {
  it('grades, then signs a certificate (JSON and printable HTML) for a passed submission', () => {
    const { status, stdout } = issueSigned(
      'bai-lam/a.json',
      '--name',
      'Lê Thị Mai',
      '--out',
      'chung-chi',
      '--site',
      'https://camnang.example.vn',
    );
    expect(stdout).toContain(`${passedCode}: đã cấp cho Lê Thị Mai (100%)`);
    expect(status).toBe(0);
    const certificate = JSON.parse(
      read(`chung-chi/chung-chi-thi-mau-${passedCode}.json`),
    ) as CertificateFile;
    expect(certificate.payload).toMatchObject({
      learner: 'Lê Thị Mai',
      keyId,
      issuer: 'Ủy ban Kiểm tra Mẫu',
      submissionCode: passedCode,
    });
    const html = read(`chung-chi/chung-chi-thi-mau-${passedCode}.html`);
    expect(html).toContain(`https://camnang.example.vn/xac-minh/#${certificateCode(certificate)}`);
  });

  it('verifies the file and its code; a file with one character changed is not valid', () => {
    const file = `chung-chi/chung-chi-thi-mau-${passedCode}.json`;
    const valid = camnang('cert', 'verify', file);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toContain('Chứng chỉ hợp lệ.');
    expect(valid.stdout).toContain('Người học: Lê Thị Mai');
    const code = certificateCode(JSON.parse(read(file)) as CertificateFile);
    expect(camnang('cert', 'verify', code).status).toBe(0);
    write('gia.json', read(file).replace('Lê Thị Mai', 'Lê Thị Mại'));
    const forged = camnang('cert', 'verify', 'gia.json');
    expect(forged.status).toBe(1);
    expect(forged.stdout).toContain('Chứng chỉ không hợp lệ: chữ ký không khớp với nội dung');
  });

  it('takes names from a CSV for several submissions and issues none to those who failed', () => {
    write(
      'ten.csv',
      `\uFEFFMã bài làm,Họ tên\n${passedCode.toLowerCase()},Lê Thị Mai\n${otherCode.replace('-', ' ')},"Phạm Văn Bình"\n`,
    );
    const { status, stdout } = issueSigned('bai-lam', '--names', 'ten.csv', '--out', 'dot-2');
    expect(status).toBe(0);
    expect(stdout).toContain(`${otherCode}: đã cấp cho Phạm Văn Bình`);
    expect(stdout).toMatch(/không cấp: chưa đạt \(14\.3%, cần 70%\)/);
    expect(readdirSync(join(root, 'dot-2')).sort()).toHaveLength(4);
  });

  it('refuses to sign with a key the site does not publish, or one it revoked', () => {
    camnang('cert', 'keygen', '--label', 'Khóa lạ', '--out', 'khoa-la');
    const stray =
      readdirSync(join(root, 'khoa-la')).find((name) => name.endsWith('.private.pem')) ?? '';
    const unpublished = camnang(
      'cert',
      'issue',
      'bai-lam/a.json',
      '--key',
      `khoa-la/${stray}`,
      '--name',
      'A',
    );
    expect(unpublished.status).toBe(1);
    expect(unpublished.stderr).toContain('chưa có trong');
    const keySet = JSON.parse(read('public/keys.json')) as KeySet;
    write(
      'thu-hoi.json',
      JSON.stringify({
        keys: keySet.keys.map((key) => ({ ...key, revoked: true, revokedAt: '2026-12-01' })),
      }),
    );
    const revoked = issueSigned('bai-lam/a.json', '--name', 'A', '--key-set', 'thu-hoi.json');
    expect(revoked.status).toBe(1);
    expect(revoked.stderr).toContain('đã bị thu hồi');
    const check = camnang(
      'cert',
      'verify',
      `chung-chi/chung-chi-thi-mau-${passedCode}.json`,
      '--key-set',
      'thu-hoi.json',
    );
    expect(check.stdout).toContain('đã bị thu hồi từ ngày 2026-12-01');
  });

  it('wants one name for one submission', () => {
    const { status, stderr } = issueSigned('bai-lam', '--name', 'A');
    expect(status).toBe(2);
    expect(stderr).toContain('--name dùng cho đúng một bài làm (có 3)');
    expect(existsSync(join(root, 'chung-chi-thi-mau'))).toBe(false);
  });
});

describe('camnang cert issue, at the deployment address', () => {
  it('links the certificate to CAMNANG_SITE when --site is not given, and refuses a bad one', () => {
    const issue = (site: string) => {
      process.env['CAMNANG_SITE'] = site;
      try {
        return issueSigned('bai-lam/a.json', '--name', 'Lê Thị Mai', '--out', 'chung-chi-site');
      } finally {
        delete process.env['CAMNANG_SITE'];
      }
    };
    expect(issue('https://ubkt.example.vn').status).toBe(0);
    const html = readdirSync(join(root, 'chung-chi-site'))
      .filter((name) => name.endsWith('.html'))
      .map((name) => read(`chung-chi-site/${name}`));
    expect(html.length).toBeGreaterThan(0);
    expect(html.every((page) => page.includes('https://ubkt.example.vn/xac-minh/#'))).toBe(true);
    const bad = issue('ubkt.example.vn');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('CAMNANG_SITE="ubkt.example.vn" không phải địa chỉ trang web');
  });
});

describe('camnang cert revoke', () => {
  const certificate = () => `chung-chi/chung-chi-thi-mau-${passedCode}.json`;
  const issuedOn = () => (JSON.parse(read(certificate())) as CertificateFile).payload.issuedOn;
  const published = () => (JSON.parse(read('public/keys.json')) as KeySet).keys[0];
  const dayAfter = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  it('revokes from a day: certificates dated before still verify, then from their own day none do', () => {
    const before = read('public/keys.json');
    const later = camnang('cert', 'revoke', keyId, '--from', dayAfter(issuedOn()));
    expect(later.status).toBe(0);
    expect(later.stdout).toContain(`Đã thu hồi khóa ${keyId} (Ủy ban Kiểm tra Mẫu) từ ngày`);
    expect(published()).toEqual({
      ...(JSON.parse(before) as KeySet).keys[0],
      revokedAt: dayAfter(issuedOn()),
    });
    expect(camnang('cert', 'verify', certificate()).status).toBe(0);

    const earlier = camnang('cert', 'revoke', keyId, '--from', issuedOn());
    expect(earlier.status).toBe(0);
    expect(published()?.revokedAt).toBe(issuedOn());
    const check = camnang('cert', 'verify', certificate());
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(
      `Chứng chỉ không hợp lệ: khóa ký ${keyId} đã bị thu hồi từ ngày ${issuedOn()}, chứng chỉ ghi ngày cấp ${issuedOn()}.`,
    );
    // Nothing is signed with it any more.
    const issue = issueSigned('bai-lam/a.json', '--name', 'A');
    expect(issue.status).toBe(1);
    expect(issue.stderr).toContain(`khóa ${keyId} đã bị thu hồi từ ngày ${issuedOn()}`);
  });

  it('is idempotent, and never moves the day later', () => {
    const before = read('public/keys.json');
    const again = camnang('cert', 'revoke', keyId, '--from', '2099-01-01');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`Khóa ${keyId} đã bị thu hồi từ ngày ${issuedOn()}`);
    expect(read('public/keys.json')).toBe(before);
    // Without --from: from today, which is no later than the day already set.
    expect(camnang('cert', 'revoke', keyId).status).toBe(0);
    expect(read('public/keys.json')).toBe(before);
  });

  it('revokes from today without --from, and keeps entries it cannot read', () => {
    const key = published();
    write(
      'khac.json',
      JSON.stringify({ keys: [{ ...key, revokedAt: undefined }, { id: 'hong' }] }),
    );
    const today = camnang('cert', 'revoke', keyId, '--key-set', 'khac.json');
    expect(today.status).toBe(0);
    expect(today.stderr).toContain('khóa thứ 2: id phải là 16 chữ số thập lục phân');
    const { keys } = JSON.parse(read('khac.json')) as { keys: { revokedAt?: string }[] };
    expect(keys[0]?.revokedAt).toBe(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(Date.now()),
    );
    expect(keys[1]).toEqual({ id: 'hong' });
  });

  it('says so, and changes nothing, for an unknown key or a bad day', () => {
    const before = read('public/keys.json');
    const unknown = camnang('cert', 'revoke', '0000000000000000');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(`không có khóa 0000000000000000 trong`);
    expect(unknown.stderr).toContain(`(các khóa: ${keyId})`);
    for (const day of ['2026-02-30', 'hôm qua']) {
      const bad = camnang('cert', 'revoke', keyId, '--from', day);
      expect(bad.status, day).toBe(1);
      expect(bad.stderr).toContain(
        `ngày --from "${day}" không hợp lệ; hãy viết theo dạng NNNN-TT-NN`,
      );
    }
    expect(read('public/keys.json')).toBe(before);
    expect(camnang('cert', 'revoke').status).toBe(2);
  });
});
