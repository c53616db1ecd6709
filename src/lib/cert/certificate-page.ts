import { renderSVG } from 'uqr';
import type { CertificateFile } from '../../schemas/cert.ts';
import { certificateCode } from './certificate.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** "ngày 27 tháng 11 năm 2026", as Vietnamese certificates write dates. */
const longDate = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `ngày ${day} tháng ${month} năm ${year}`;
};

const decimal = (value: number) => String(value).replace('.', ',');

/**
 * The printable certificate: one self-contained HTML page (no request leaves it), laid out for
 * A4. It carries the verification code, and, when the site's address is known, the /xac-minh/
 * address with the code, as a link and as a QR code: on paper, scanning is the only practical
 * way to enter a code this long.
 */
export function certificatePage(certificate: CertificateFile, siteUrl: string | null): string {
  const p = certificate.payload;
  const code = certificateCode(certificate);
  const verifyPage = siteUrl ? `${siteUrl.replace(/\/+$/, '')}/xac-minh/` : null;
  const verifyLink = verifyPage ? `${verifyPage}#${code}` : null;
  // Medium error correction: a printed or photocopied sheet still scans.
  const qr = verifyLink ? renderSVG(verifyLink, { ecc: 'M', border: 2, pixelSize: 1 }) : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chứng chỉ: ${escape(p.learner)} · ${escape(p.exam.title)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "Be Vietnam Pro", "Noto Serif", "Times New Roman", serif; color: #1a1a1a; background: #fff; }
  .sheet { max-width: 180mm; min-height: 255mm; margin: 0 auto; padding: 14mm 12mm; border: 3px double #8a1c1c; display: flex; flex-direction: column; break-inside: avoid; }
  .nowrap { white-space: nowrap; }
  .issuer { text-align: center; text-transform: uppercase; font-weight: 700; letter-spacing: 0.04em; margin: 0; }
  h1 { text-align: center; color: #8a1c1c; font-size: 26pt; margin: 14mm 0 4mm; letter-spacing: 0.06em; }
  .lead { text-align: center; margin: 0 0 8mm; font-style: italic; }
  .learner { text-align: center; font-size: 24pt; font-weight: 700; margin: 0 0 8mm; }
  .body { font-size: 13pt; line-height: 1.6; text-align: center; margin: 0 8mm; }
  .signed { margin: 12mm 0 0 auto; text-align: center; width: 75mm; }
  .verify { margin-top: auto; padding-top: 8mm; border-top: 1px solid #bbb; font-size: 9pt; line-height: 1.45; }
  .verify h2 { font-size: 10pt; margin: 0 0 2mm; }
  .code { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 7.5pt; word-break: break-all; background: #f4f4f4; padding: 2mm; margin: 1mm 0 2mm; }
  .note { color: #555; }
  .scan { display: flex; gap: 5mm; align-items: center; }
  .scan svg { flex: none; width: 40mm; height: 40mm; shape-rendering: crispEdges; }
  @media print { .sheet { border-width: 3px; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<main class="sheet">
  <p class="issuer">${escape(p.issuer)}</p>
  <h1>CHỨNG CHỈ</h1>
  <p class="lead">Chứng nhận</p>
  <p class="learner">${escape(p.learner)}</p>
  <p class="body">đã đạt bài thi <strong>“${escape(p.exam.title)}”</strong> (phiên bản ${p.exam.version})
  với kết quả <strong>${decimal(p.score)}/${p.max} điểm (${decimal(p.percentage)}%)</strong>, điểm đạt ${decimal(p.passMark)}%,
  ${longDate(p.passedOn)}.</p>
  <div class="signed">
    <p>Cấp ${longDate(p.issuedOn)}</p>
    <p><strong>${escape(p.issuer)}</strong><br>(ký số)</p>
  </div>
  <section class="verify">
    <h2>Xác minh chứng chỉ</h2>
    <p>Chứng chỉ này được ký số (Ed25519) bằng khóa <strong>${p.keyId}</strong>; mã bài làm được chấm: <strong class="nowrap">${escape(p.submissionCode)}</strong>.
    ${
      verifyLink
        ? `Để xác minh, mở <a href="${escape(verifyLink)}">${escape(verifyPage ?? '')}</a> và dán mã xác minh dưới đây (hoặc mở trực tiếp địa chỉ có mã).`
        : 'Để xác minh, mở trang “Xác minh chứng chỉ” (/xac-minh/) của Cẩm nang Kiểm tra và dán mã xác minh dưới đây.'
    }</p>
    <p class="code">${code}</p>
    ${qr ? `<div class="scan">${qr}<p>Quét mã QR này bằng điện thoại để mở trang xác minh với mã trên.</p></div>` : ''}
    <p class="note">Bản in chỉ có giá trị khi trang xác minh xác nhận mã trên là hợp lệ và cho thấy đúng các thông tin in ở đây.</p>
  </section>
</main>
</body>
</html>
`;
}
