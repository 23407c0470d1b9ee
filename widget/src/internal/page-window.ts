/** Page numbers to show: first, last and the current one ±1; 0 marks a gap. */
export function pageWindow(current: number, total: number): number[] {
  const pages: number[] = [];
  for (let n = 1; n <= total; n++) {
    if (n === 1 || n === total || Math.abs(n - current) <= 1) pages.push(n);
    else if (pages.at(-1) !== 0) pages.push(0);
  }
  return pages;
}
