/** The environment variable that gives the site's public address (README, "Deployment"). */
export const SITE_VARIABLE = 'CAMNANG_SITE';

/** Said by the build when the variable is unset. */
export const NO_SITE_NOTICE = `Chưa đặt ${SITE_VARIABLE} (địa chỉ công khai của trang, ví dụ https://camnang.example.vn): bản build này không có liên kết chuẩn (canonical) và sơ đồ trang (sitemap).`;

/**
 * The site's public address, as `CAMNANG_SITE` gives it: null when unset (nothing then names an
 * address, rather than a wrong one); an error naming the variable when it is not a web address.
 */
export function siteAddress(value: string | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new Error(
      `${SITE_VARIABLE}="${text}" không phải địa chỉ trang web; hãy ghi đầy đủ, ví dụ https://camnang.example.vn`,
    );
  }
  return url.href;
}
