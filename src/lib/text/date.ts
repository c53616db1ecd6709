/** A date as Vietnamese readers and citations write it: "2021-07-28" → "28/7/2021". */
export function formatVietnameseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}/${month}/${year}`;
}

/** The day of an instant (epoch ms) in the reader's time zone, as "2026-11-07". */
export function localIsoDate(time: number): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
