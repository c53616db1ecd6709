import { describe, expect, it } from 'vitest';
import {
  certificateCode,
  readCertificate,
  signCertificate,
  verifyCertificate,
} from '../../../src/lib/cert/certificate.ts';
import { toBase64Url } from '../../../src/lib/cert/base64url.ts';
import { codeFromHash, MAX_CERTIFICATE_LENGTH } from '../../../src/lib/cert/verify-input.ts';
import { gradeSubmission } from '../../../src/lib/cert/grading.ts';
import { certificatePayload, vietnamDate } from '../../../src/lib/cert/issue.ts';
import {
  generateSigningKey,
  loadSigningKey,
  nodeSha256,
} from '../../../src/lib/cert/node-crypto.ts';
import type { CertificatePayload } from '../../../src/schemas/cert.ts';
import type { KeySet, PublicKeyEntry } from '../../../src/schemas/key-set.ts';
import { findExam, RIGHT, submit } from './fixtures.ts';

const signer = await generateSigningKey();
const stranger = await generateSigningKey();
const entry = (
  key: { keyId: string; publicKey: string },
  extra: Partial<PublicKeyEntry> = {},
): PublicKeyEntry => ({
  id: key.keyId,
  label: 'Ủy ban Kiểm tra Tỉnh ủy Mẫu',
  algorithm: 'Ed25519',
  publicKey: key.publicKey,
  validFrom: '2026-01-01',
  ...extra,
});
const keySet: KeySet = { keys: [entry(signer)] };

async function issued(learner = 'Nguyễn Thị Hoà') {
  const submission = await submit(RIGHT, 7);
  const graded = await gradeSubmission(
    'bai.json',
    JSON.stringify(submission),
    findExam,
    nodeSha256,
  );
  if (graded.outcome.status !== 'graded') throw new Error('không chấm được');
  const payload = certificatePayload({
    submission,
    result: graded.outcome.result,
    passMark: graded.outcome.passMark,
    examTitle: 'Bài thi mẫu',
    learner,
    issuer: 'Ủy ban Kiểm tra Tỉnh ủy Mẫu',
    keyId: signer.keyId,
    issuedAt: Date.UTC(2026, 10, 28, 3),
  });
  return signCertificate(payload, signer.sign);
}

describe('certificatePayload', () => {
  it('states who passed what, with which score, when and under which key', async () => {
    const { payload } = await issued('  Nguyễn   Thị Hoà ');
    expect(payload).toMatchObject({
      learner: 'Nguyễn Thị Hoà',
      exam: { id: 'thi-mau', title: 'Bài thi mẫu', version: 2 },
      score: 7,
      max: 7,
      percentage: 100,
      passMark: 70,
      passedOn: '2026-11-27',
      issuedOn: '2026-11-28',
      keyId: signer.keyId,
    });
    expect(payload.submissionCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  });

  it('writes one spelling of a name typed with combining marks', async () => {
    const { payload } = await issued('Nguyễn Thị Hoà'.normalize('NFD'));
    expect(payload.learner).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
  });

  it('dates in Vietnam time, whatever the computer clock zone', () => {
    expect(vietnamDate(Date.UTC(2026, 10, 27, 17, 30))).toBe('2026-11-28');
  });
});

describe('sign and verify (node:crypto signs, WebCrypto verifies)', () => {
  it('verifies the file and its code, and reports the timings', async () => {
    const rounds = 50;
    const certificate = await issued();
    let started = performance.now();
    for (let index = 0; index < rounds; index++)
      await signCertificate(certificate.payload, signer.sign);
    const signMs = (performance.now() - started) / rounds;
    const code = certificateCode(certificate);
    started = performance.now();
    for (let index = 0; index < rounds; index++) await verifyCertificate(code, keySet, nodeSha256);
    const verifyMs = (performance.now() - started) / rounds;
    console.log(
      `Ed25519: ký ${signMs.toFixed(3)} ms, xác minh ${verifyMs.toFixed(3)} ms; mã xác minh ${code.length} ký tự`,
    );

    expect(await verifyCertificate(JSON.stringify(certificate), keySet)).toMatchObject({
      status: 'valid',
    });
    const verified = await verifyCertificate(code, keySet);
    expect(verified.status).toBe('valid');
    if (verified.status === 'valid') {
      expect(verified.payload.learner).toBe('Nguyễn Thị Hoà');
      expect(verified.key.label).toBe('Ủy ban Kiểm tra Tỉnh ủy Mẫu');
    }
    expect(
      await verifyCertificate(`http://127.0.0.1:4321/xac-minh/#${code}`, keySet),
    ).toMatchObject({ status: 'valid' });
  });

  it('fails when any one character of the code is changed', async () => {
    const code = certificateCode(await issued());
    const outcomes = new Set<string>();
    for (let index = 0; index < code.length; index++) {
      const char = code[index] === 'A' ? 'B' : 'A';
      const changed = code.slice(0, index) + char + code.slice(index + 1);
      const { status } = await verifyCertificate(changed, keySet);
      expect(status, `ký tự thứ ${index + 1}`).not.toBe('valid');
      outcomes.add(status);
    }
    expect(outcomes).toContain('tampered');
    expect(outcomes).toContain('malformed');
  });

  it('fails when the file is edited, even in one letter of the name', async () => {
    const certificate = await issued();
    const edited = {
      ...certificate,
      payload: { ...certificate.payload, learner: 'Nguyễn Thị Hòa' },
    };
    expect(await verifyCertificate(JSON.stringify(edited), keySet)).toMatchObject({
      status: 'tampered',
    });
    const raised = { ...certificate, payload: { ...certificate.payload, percentage: 99 } };
    expect(await verifyCertificate(JSON.stringify(raised), keySet)).toMatchObject({
      status: 'tampered',
    });
  });

  it('says the key is unknown when it is not published, or published under another id', async () => {
    const forged = await signCertificate(
      { ...(await issued()).payload, keyId: stranger.keyId },
      stranger.sign,
    );
    expect(await verifyCertificate(certificateCode(forged), keySet)).toMatchObject({
      status: 'unknown-key',
    });
    // A key set entry that claims the stranger's id for the real key is not trusted.
    const mislabelled: KeySet = { keys: [entry(signer, { id: stranger.keyId })] };
    expect(await verifyCertificate(certificateCode(forged), mislabelled)).toMatchObject({
      status: 'unknown-key',
    });
  });

  it('refuses a certificate dated from the day its key was revoked, not one dated before', async () => {
    // Issued 2026-11-28.
    const code = certificateCode(await issued());
    const status = async (extra: Partial<PublicKeyEntry>) =>
      (await verifyCertificate(code, { keys: [entry(signer, extra)] })).status;
    expect(await status({ revokedAt: '2026-11-20' })).toBe('revoked');
    expect(await status({ revokedAt: '2026-11-28' })).toBe('revoked');
    expect(await status({ revokedAt: '2026-11-29' })).toBe('valid');
    expect(await status({ revoked: true, revokedAt: '2026-11-29' })).toBe('valid');
    expect(await status({ revoked: true })).toBe('revoked');
  });

  it('says that a certificate predates its key', async () => {
    const code = certificateCode(await issued());
    const early = await verifyCertificate(code, {
      keys: [entry(signer, { validFrom: '2027-01-01' })],
    });
    expect(early).toMatchObject({ status: 'not-yet-valid' });
  });

  it('refuses a payload that is not in canonical form, though signed', async () => {
    const { payload } = await issued();
    const spaced = new TextEncoder().encode(JSON.stringify(payload, null, 1));
    const code = `${toBase64Url(spaced)}.${toBase64Url(await signer.sign(spaced))}`;
    expect(readCertificate(code)).toEqual({ problem: 'mã không ở dạng chuẩn' });
  });

  it('names the problem in any damaged, cut or outsized input, without throwing', async () => {
    const code = certificateCode(await issued());
    const cases: [string, string][] = [
      [codeFromHash('#%'), 'mã bị thiếu hoặc thừa ký tự'],
      [codeFromHash('#%E0%A4'), 'mã bị thiếu hoặc thừa ký tự'],
      [codeFromHash(`#${code.slice(0, 40)}`), 'mã bị thiếu hoặc thừa ký tự'],
      [code.slice(0, -5), 'mã bị thiếu hoặc thừa ký tự'],
      [`${code}.${code}`, 'mã bị thiếu hoặc thừa ký tự'],
      ['<script>alert(1)</script>', 'mã bị thiếu hoặc thừa ký tự'],
      [
        `${toBase64Url(new Uint8Array([0xff, 0xfe, 0xfd]))}.${code.split('.')[1]}`,
        'nội dung mã bị hỏng',
      ],
      ['A'.repeat(MAX_CERTIFICATE_LENGTH + 1), 'quá dài để là một chứng chỉ'],
      [`{"payload":"${'x'.repeat(MAX_CERTIFICATE_LENGTH)}"}`, 'quá dài để là một chứng chỉ'],
    ];
    for (const [input, problem] of cases) {
      expect(await verifyCertificate(input, keySet), input.slice(0, 60)).toEqual({
        status: 'malformed',
        problem,
      });
    }
  });

  it('reads the code after # in a link, percent-escapes decoded', async () => {
    const code = certificateCode(await issued());
    expect(codeFromHash(`#${code}`)).toBe(code);
    expect(codeFromHash(`#${encodeURIComponent(`  ${code}\n`)}`)).toBe(`  ${code}\n`);
    expect(
      await verifyCertificate(codeFromHash(`#${encodeURIComponent(` ${code}\n`)}`), keySet),
    ).toMatchObject({
      status: 'valid',
    });
    expect(codeFromHash('')).toBe('');
  });

  it('names what is missing in a malformed certificate', async () => {
    const payload: Partial<CertificatePayload> = { ...(await issued()).payload };
    delete payload.learner;
    expect(await verifyCertificate(JSON.stringify({ payload, signature: 'x' }), keySet)).toEqual({
      status: 'malformed',
      problem: 'thiếu tên người học',
    });
    expect(await verifyCertificate('', keySet)).toMatchObject({ status: 'malformed' });
    expect(await verifyCertificate('{ hỏng', keySet)).toMatchObject({ status: 'malformed' });
  });

  it('signs with a key read back from its PEM file', async () => {
    const loaded = await loadSigningKey(signer.privatePem);
    expect(loaded.keyId).toBe(signer.keyId);
    const certificate = await signCertificate((await issued()).payload, loaded.sign);
    expect(await verifyCertificate(certificateCode(certificate), keySet)).toMatchObject({
      status: 'valid',
    });
    await expect(loadSigningKey('không phải khóa')).rejects.toThrow('không đọc được khóa bí mật');
  });
});
