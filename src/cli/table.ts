/** Plain-text tables for the terminal: right-aligned numbers, left-aligned text, a rule under the header. */

export function renderTable(header: string[], rows: string[][], alignLeft: number[] = [0]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const cell = (s: string, i: number) => (alignLeft.includes(i) ? s.padEnd(widths[i]) : s.padStart(widths[i]));
  const line = (r: string[]) => r.map(cell).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
