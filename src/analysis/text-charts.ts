/**
 * Plain-text charts of analysis results (tornado bars, signed contribution bars, option maps)
 * for terminals and Markdown reports. A chart is built from rows of data; nothing here computes.
 */

export interface BarRow {
  label: string;
  value: number;
  low?: number;
  high?: number;
}

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A horizontal bar of `value / max` of `width` cells, in eighths of a cell. */
export function bar(value: number, max: number, width: number): string {
  if (!(max > 0) || !(value > 0)) return "";
  const cells = Math.min(width, (value / max) * width);
  const whole = Math.floor(cells);
  return "█".repeat(whole) + EIGHTHS[Math.floor((cells - whole) * 8)];
}

export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) >= 1e5 || Math.abs(x) < 1e-3)) return x.toExponential(2);
  return x.toFixed(digits);
}

/** Bars scaled to the largest value (or upper bound), each with its value and interval. */
export function barChart(rows: BarRow[], width = 30, digits = 3): string[] {
  const max = Math.max(0, ...rows.map((r) => Math.max(r.value, r.high ?? r.value)));
  const labelWidth = Math.max(...rows.map((r) => r.label.length), 0);
  return rows.map((r) => {
    const interval = r.low !== undefined && r.high !== undefined ? ` [${formatNumber(r.low, digits)}, ${formatNumber(r.high, digits)}]` : "";
    return `${r.label.padEnd(labelWidth)}  ${bar(r.value, max, width).padEnd(width + 1)} ${formatNumber(r.value, digits)}${interval}`;
  });
}

/** Bars that grow left for negative and right for positive values, around a centre line. */
export function signedBarChart(rows: { label: string; value: number; se?: number }[], halfWidth = 15, digits = 3): string[] {
  const max = Math.max(0, ...rows.map((r) => Math.abs(r.value)));
  const labelWidth = Math.max(...rows.map((r) => r.label.length), 0);
  return rows.map((r) => {
    const left = r.value < 0 ? bar(-r.value, max, halfWidth) : "";
    const right = r.value > 0 ? bar(r.value, max, halfWidth) : "";
    const se = r.se !== undefined && Number.isFinite(r.se) ? ` ± ${formatNumber(r.se, digits)}` : "";
    const sign = r.value > 0 ? "+" : "";
    return `${r.label.padEnd(labelWidth)}  ${left.padStart(halfWidth)}│${right.padEnd(halfWidth)}  ${sign}${formatNumber(r.value, digits)}${se}`;
  });
}

/**
 * A grid of one symbol per cell (rows top to bottom = y from high to low), with y values on the
 * left and x values below; `symbolAt(xi, yi)` gives each cell's mark.
 */
export function cellMap(xValues: number[], yValues: number[], symbolAt: (xi: number, yi: number) => string, digits = 3): string[] {
  const yLabels = yValues.map((y) => formatNumber(y, digits));
  const yWidth = Math.max(...yLabels.map((l) => l.length));
  const lines: string[] = [];
  for (let yi = yValues.length - 1; yi >= 0; yi--) {
    lines.push(`${yLabels[yi].padStart(yWidth)} │ ${xValues.map((_, xi) => symbolAt(xi, yi).padEnd(2)).join("")}`);
  }
  lines.push(`${" ".repeat(yWidth)} └${"─".repeat(2 * xValues.length + 1)}`);
  lines.push(`${" ".repeat(yWidth)}   x from ${formatNumber(xValues[0], digits)} to ${formatNumber(xValues[xValues.length - 1], digits)}`);
  return lines;
}
