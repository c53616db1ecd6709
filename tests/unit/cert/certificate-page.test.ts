import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { certificateCode } from '../../../src/lib/cert/certificate.ts';
import { certificatePage } from '../../../src/lib/cert/certificate-page.ts';
import type { CertificateFile } from '../../../src/schemas/cert.ts';

const certificate: CertificateFile = {
  payload: {
    format: 'camnang-certificate',
    formatVersion: 1,
    learner: 'Trần <b>Văn</b> "An"',
    exam: { id: 'thi', title: 'Sát hạch kỷ luật đảng', version: 1 },
    score: 8.5,
    max: 10,
    percentage: 85,
    passMark: 70,
    passedOn: '2026-11-27',
    issuedOn: '2026-11-28',
    issuer: 'Ủy ban Kiểm tra Tỉnh ủy Mẫu',
    keyId: '0123456789abcdef',
    submissionCode: '7KQ2M-9XD4P',
  },
  signature: 'A'.repeat(86),
};

describe('certificatePage', () => {
  it('is one self-contained Vietnamese page for A4, with the verification code and link', () => {
    const html = certificatePage(certificate, 'https://camnang.example.vn/');
    const code = certificateCode(certificate);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('@page { size: A4');
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect(html).toContain(`<p class="code">${code}</p>`);
    expect(html).toContain(`href="https://camnang.example.vn/xac-minh/#${code}"`);
    expect(html).toContain('8,5/10 điểm (85%)');
    expect(html).toContain('ngày 27 tháng 11 năm 2026');
    expect(html).toContain('Cấp ngày 28 tháng 11 năm 2026');
  });

  it('carries a QR code of the verification link, dense enough to print and scan at 40 mm', () => {
    const html = certificatePage(certificate, 'https://camnang.example.vn/');
    const link = `https://camnang.example.vn/xac-minh/#${certificateCode(certificate)}`;
    const qr = encode(link, { ecc: 'M', border: 2 });
    expect(html).toContain(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${qr.size} ${qr.size}"`,
    );
    // At least 0.4 mm a module on a 40 mm square.
    expect(40 / qr.size).toBeGreaterThanOrEqual(0.4);
    expect(html).toContain('Quét mã QR');
    expect(certificatePage(certificate, null)).not.toContain('<svg');
  });

  it('shows the learner’s name as text, never as markup', () => {
    const html = certificatePage(certificate, null);
    expect(html).toContain('Trần &#60;b&#62;Văn&#60;/b&#62; &#34;An&#34;');
    expect(html).not.toContain('<b>Văn');
    expect(html).toContain('trang “Xác minh chứng chỉ” (/xac-minh/)');
  });
});
