import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { certificatePage } from '../../src/lib/cert/certificate-page.ts';
import { certificateCode, signCertificate } from '../../src/lib/cert/certificate.ts';
import { generateSigningKey, type SigningKey } from '../../src/lib/cert/node-crypto.ts';
import type { CertificateFile, CertificatePayload } from '../../src/schemas/cert.ts';
import type { KeySet, PublicKeyEntry } from '../../src/schemas/key-set.ts';
import { DESKTOP, hydrated, openPage, seriousViolations, useSite } from './harness.ts';

const require = createRequire(import.meta.url);

const site = useSite();
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];
let foreignRequests: string[];

// Fresh keys for this run: no private key of the repository is ever needed.
let issuer: SigningKey;
let retired: SigningKey;
let retiring: SigningKey;
let stranger: SigningKey;
let keySet: KeySet;

const entry = (key: SigningKey, extra: Partial<PublicKeyEntry> = {}): PublicKeyEntry => ({
  id: key.keyId,
  label: 'Ủy ban Kiểm tra Tỉnh ủy Thử nghiệm',
  algorithm: 'Ed25519',
  publicKey: key.publicKey,
  validFrom: '2026-01-01',
  ...extra,
});

const payload = (key: SigningKey, learner = 'Trần Thị Ngọc Ánh'): CertificatePayload => ({
  format: 'camnang-certificate',
  formatVersion: 1,
  learner,
  exam: {
    id: 'sat-hach-kiem-tra-ky-luat-dang',
    title: 'Sát hạch kiểm tra, giám sát và kỷ luật đảng',
    version: 1,
  },
  score: 10.5,
  max: 12,
  percentage: 87.5,
  passMark: 70,
  passedOn: '2026-11-27',
  issuedOn: '2026-11-28',
  issuer: 'Ủy ban Kiểm tra Tỉnh ủy Thử nghiệm',
  keyId: key.keyId,
  submissionCode: '7KQ2M-9XD4P',
});

const issue = (key: SigningKey, learner?: string): Promise<CertificateFile> =>
  signCertificate(payload(key, learner), key.sign);

beforeAll(async () => {
  [issuer, retired, retiring, stranger] = await Promise.all([
    generateSigningKey(),
    generateSigningKey(),
    generateSigningKey(),
    generateSigningKey(),
  ]);
  // Certificates here are dated 2026-11-28: `retired` was revoked before, `retiring` after.
  keySet = {
    keys: [
      entry(issuer),
      entry(retired, { revokedAt: '2026-11-20' }),
      entry(retiring, { revokedAt: '2026-12-01' }),
    ],
  };
});

beforeEach(async () => {
  await context?.close();
  context = await site.browser.newContext({ viewport: DESKTOP });
  // The page reads the organisation's keys from /keys.json: point it at this run's test key set.
  await context.route('**/keys.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(keySet) }),
  );
  ({ page, consoleErrors, foreignRequests } = await openPage(context, site.origin));
});

const result = () => page.locator('.result').innerText();

async function verifyCode(code: string) {
  await page.goto(`${site.origin}/xac-minh/`);
  await page.getByLabel('Mã xác minh').fill(code);
  await page.getByRole('button', { name: 'Xác minh' }).click();
  await expect.poll(result, { timeout: 10_000 }).toMatch(/Chứng chỉ (không )?hợp lệ|Không/);
  return result();
}

describe('/xac-minh/', () => {
  it('shows who passed what, when and under which key, for a certificate signed in Node (link with #code)', async () => {
    const code = certificateCode(await issue(issuer));
    await page.goto(`${site.origin}/xac-minh/#${code}`);
    await expect.poll(result, { timeout: 10_000 }).toContain('Chứng chỉ hợp lệ');
    const text = await result();
    for (const shown of [
      'Trần Thị Ngọc Ánh',
      'Sát hạch kiểm tra, giám sát và kỷ luật đảng (phiên bản 1)',
      '10,5/12 điểm (87,5%), điểm đạt 70%',
      '27/11/2026',
      '28/11/2026',
      `Ủy ban Kiểm tra Tỉnh ủy Thử nghiệm (mã khóa ${issuer.keyId})`,
      '7KQ2M-9XD4P',
    ]) {
      expect(text).toContain(shown);
    }
    expect(await seriousViolations(page)).toEqual([]);

    // Another certificate's link opened on the same page changes only the hash.
    await page.goto(
      `${site.origin}/xac-minh/#${certificateCode(await issue(issuer, 'Đỗ Minh Khôi'))}`,
    );
    await expect.poll(result, { timeout: 10_000 }).toContain('Đỗ Minh Khôi');
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('opens the verification from the QR code printed on the certificate page', async () => {
    const certificate = await issue(issuer);
    await page.setContent(certificatePage(certificate, site.origin));
    await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
    // The QR code as a phone would see it: the SVG drawn at 4 px a module, then decoded.
    const scanned = await page.evaluate(async () => {
      const svg = document.querySelector<SVGSVGElement>('.scan svg')!;
      const size = svg.viewBox.baseVal.width * 4;
      const image = new Image(size, size);
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: size, height: size });
      const context2d = canvas.getContext('2d')!;
      context2d.imageSmoothingEnabled = false;
      context2d.drawImage(image, 0, 0, size, size);
      const { data } = context2d.getImageData(0, 0, size, size);
      type Decode = (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
      return (window as unknown as { jsQR: Decode }).jsQR(data, size, size)?.data ?? null;
    });
    expect(scanned).toBe(`${site.origin}/xac-minh/#${certificateCode(certificate)}`);
    await page.goto(scanned ?? '');
    await expect.poll(result, { timeout: 10_000 }).toContain('Chứng chỉ hợp lệ');
  });

  it('verifies a pasted code and a picked certificate file', async () => {
    const certificate = await issue(issuer);
    expect(await verifyCode(certificateCode(certificate))).toContain('Chứng chỉ hợp lệ');
    await page.goto(`${site.origin}/xac-minh/`);
    // The file input is in the page before the island hydrates; a file picked earlier is not seen.
    await hydrated(page);
    await page.getByLabel('Hoặc chọn tệp chứng chỉ').setInputFiles({
      name: 'chung-chi.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(certificate)),
    });
    await expect.poll(result, { timeout: 10_000 }).toContain('Chứng chỉ hợp lệ');
  });

  it('says "không hợp lệ" when one character of the code is changed', async () => {
    const code = certificateCode(await issue(issuer));
    const middle = Math.floor(code.indexOf('.') / 2);
    const changed =
      code.slice(0, middle) + (code[middle] === 'Q' ? 'R' : 'Q') + code.slice(middle + 1);
    expect(await verifyCode(changed)).toContain('Chứng chỉ không hợp lệ');
  });

  it('says the signature does not match when one letter of the name is changed in the file', async () => {
    const certificate = await issue(issuer, 'Lê Văn Hùng');
    const forged = { ...certificate, payload: { ...certificate.payload, learner: 'Lê Văn Hưng' } };
    await page.goto(`${site.origin}/xac-minh/`);
    // The file input is in the page before the island hydrates; a file picked earlier is not seen.
    await hydrated(page);
    await page.getByLabel('Hoặc chọn tệp chứng chỉ').setInputFiles({
      name: 'gia.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(forged)),
    });
    await expect.poll(result, { timeout: 10_000 }).toContain('Chứng chỉ không hợp lệ');
    expect(await result()).toContain('Chữ ký số không khớp với nội dung');
    expect(await result()).not.toContain('Lê Văn Hưng');
  });

  it('says the key is unknown when the organisation does not publish it', async () => {
    const text = await verifyCode(certificateCode(await issue(stranger)));
    expect(text).toContain('Chứng chỉ không hợp lệ');
    expect(text).toContain(
      `khóa ký ${stranger.keyId}, khóa này không có trong danh sách khóa công khai`,
    );
  });

  it('refuses a certificate signed after its key was revoked, and says since when', async () => {
    const text = await verifyCode(certificateCode(await issue(retired)));
    expect(text).toContain('Chứng chỉ không hợp lệ');
    expect(text).toContain(
      `Khóa ký ${retired.keyId} (Ủy ban Kiểm tra Tỉnh ủy Thử nghiệm) đã bị thu hồi từ ngày 20/11/2026: chứng chỉ này ghi ngày cấp 28/11/2026`,
    );
    // Signed before its key was revoked: still valid.
    expect(await verifyCode(certificateCode(await issue(retiring)))).toContain('Chứng chỉ hợp lệ');
  });

  it('names the problem in a damaged link, then still verifies a code entered or linked', async () => {
    const code = certificateCode(await issue(issuer));
    for (const hash of [
      '#%',
      '#%E0%A4',
      '#%%41',
      `#${code.slice(0, 60)}`,
      '#<b>x</b>',
      `#${'A'.repeat(30_000)}`,
    ]) {
      await page.goto(`${site.origin}/`);
      await page.goto(`${site.origin}/xac-minh/${hash}`);
      await expect.poll(result, { timeout: 10_000 }).toContain('Chứng chỉ không hợp lệ');
      expect(await result(), hash.slice(0, 20)).toContain('Không đọc được chứng chỉ:');
    }
    await page.getByLabel('Mã xác minh').fill(code);
    await page.getByRole('button', { name: 'Xác minh' }).click();
    await expect.poll(result, { timeout: 10_000 }).toContain('Chứng chỉ hợp lệ');
    // A link opened on the same page after a damaged one.
    await page.goto(`${site.origin}/xac-minh/#%E0%A4`);
    await expect.poll(result, { timeout: 10_000 }).toContain('Không đọc được chứng chỉ');
    await page.goto(
      `${site.origin}/xac-minh/#${certificateCode(await issue(issuer, 'Đỗ Minh Khôi'))}`,
    );
    await expect.poll(result, { timeout: 10_000 }).toContain('Đỗ Minh Khôi');
    expect(consoleErrors).toEqual([]);
  });

  it('refuses a huge file without reading it as a certificate', async () => {
    await page.goto(`${site.origin}/xac-minh/`);
    await hydrated(page);
    await page.getByLabel('Hoặc chọn tệp chứng chỉ').setInputFiles({
      name: 'lon.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(5_000_000, '{'),
    });
    await expect.poll(result, { timeout: 10_000 }).toContain('quá dài để là một chứng chỉ');
  });

  it('says so when the key set cannot be loaded, rather than guessing', async () => {
    await context.route('**/keys.json', (route) => route.fulfill({ status: 404, body: '' }));
    const text = await verifyCode(certificateCode(await issue(issuer)));
    expect(text).toContain('Không tải được danh sách khóa công khai');
  });
});

describe('/hoc-xong/', () => {
  it('says "not found" for an unknown quiz, names every object has included', async () => {
    const missing =
      'Chưa rõ bài luyện tập nào. Hãy mở trang này từ kết quả của một bài luyện tập đã đạt.';
    for (const id of ['khong-co', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      await page.goto(`${site.origin}/hoc-xong/?bai=${id}`);
      await expect
        .poll(() => page.locator('#self-study-status').textContent(), { timeout: 10_000 })
        .toBe(missing);
      expect(await page.locator('main').innerText(), id).not.toContain('undefined');
      expect(await page.locator('#self-study-record').isHidden()).toBe(true);
    }
    expect(consoleErrors).toEqual([]);
  });
});
