/** A date as Vietnamese readers and citations write it: "2021-07-28" → "28/7/2021". */
export function formatVietnameseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}/${month}/${year}`;
}
