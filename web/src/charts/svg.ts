/**
 * Draws a ChartSpec as a self-contained SVG string: presentation attributes only (no CSS, no
 * script), so the same markup is shown in the page, saved as .svg and rasterised to .png. An
 * export ("standalone") adds a title block and a footer naming perspective, option, seed and source.
 */
import { formatTick, project, projectExtent, ticks } from "./scales.js";
import type { ChartContext, ChartSpec, LegendItem, Mark, Ramp, Scale } from "./spec.js";

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';
const INK = "#222";
const MUTED = "#555";
const GRID = "#ddd";
const MARGIN = { left: 64, right: 16, bottom: 44 };
/** average advance of a character of the chart's sans-serif, in ems (a little generous: text must fit) */
const EM_PER_CHAR = 0.58;
const FONT_SIZE = 12;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const num = (v: number): string => (Number.isFinite(v) ? String(Math.round(v * 100) / 100) : "0");

/** Estimated width in pixels of `text` at `size` px. */
export const textWidth = (text: string, size = FONT_SIZE): number => text.length * size * EM_PER_CHAR;

/** `text` cut to `width` px with an ellipsis; the whole text then goes in a tooltip. */
export function fitText(text: string, width: number, size = FONT_SIZE): { shown: string; cut: boolean } {
  const room = Math.floor(width / (size * EM_PER_CHAR));
  if (text.length <= room) return { shown: text, cut: false };
  return { shown: `${text.slice(0, Math.max(1, room - 1))}…`, cut: true };
}

/** Greedy word wrap to lines of at most `width` px. */
export function wrapText(text: string, width: number, size = FONT_SIZE): string[] {
  const room = Math.max(8, Math.floor(width / (size * EM_PER_CHAR)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A text element that shows `text` cut to `width`, with the full text as its tooltip when cut. */
function fittedText(text: string, width: number, attributes: string): string {
  const { shown, cut } = fitText(text, width);
  return `<text ${attributes}>${cut ? `<title>${escapeXml(text)}</title>` : ""}${escapeXml(shown)}</text>`;
}

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
}

/** The chart's context in words, for the footer of an export. */
export function contextLine(context: ChartContext): string {
  return [
    context.perspective ? `perspective: ${context.perspective}` : "",
    context.option ? `option: ${context.option}` : "",
    context.seed !== undefined ? `seed ${context.seed}` : "",
    `${context.subject}`,
    `source: ${context.source}`,
  ].filter(Boolean).join(" · ");
}

export interface RenderOptions {
  /** for a file: the title and the context are written into the drawing */
  standalone?: boolean;
}

/** The drawing's size: the spec's, plus the title block and footer of an export. */
export function renderedSize(spec: ChartSpec, options: RenderOptions = {}): { width: number; height: number; header: number; footer: number } {
  if (!options.standalone) return { width: spec.width, height: spec.height, header: 0, footer: 0 };
  const header = 10 + wrapText(spec.title, spec.width - 20, 15).length * 19;
  const footer = spec.context ? 8 + wrapText(contextLine(spec.context), spec.width - 20, 11).length * 14 : 0;
  return { width: spec.width, height: spec.height + header + footer, header, footer };
}

export function renderSvg(spec: ChartSpec, options: RenderOptions = {}): string {
  const size = renderedSize(spec, options);
  const legend = layoutLegend(spec.legend, spec.ramp, spec.width - MARGIN.left - MARGIN.right);
  const frame: Frame = {
    left: leftMargin(spec.y, spec.width),
    // direct labels take at most about a third of a narrow chart (cut with an ellipsis beyond)
    right: spec.width - Math.min(spec.marginRight ?? MARGIN.right, Math.max(MARGIN.right, spec.width * 0.35)),
    top: 12 + legend.height,
    bottom: spec.height - MARGIN.bottom,
    width: spec.width,
  };
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  const header = options.standalone
    ? wrapText(spec.title, spec.width - 20, 15).map((line, i) => `<text x="10" y="${22 + i * 19}" font-size="15" font-weight="700" fill="${INK}">${escapeXml(line)}</text>`).join("")
    : "";
  const footer = options.standalone && spec.context
    ? wrapText(contextLine(spec.context), spec.width - 20, 11).map((line, i) => `<text x="10" y="${size.header + spec.height + 14 + i * 14}" font-size="11" fill="${MUTED}">${escapeXml(line)}</text>`).join("")
    : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}"`,
    ` role="img" aria-labelledby="${titleId} ${descId}" ${FONT} font-size="${FONT_SIZE}">`,
    `<title id="${titleId}">${escapeXml(spec.title)}</title>`,
    `<desc id="${descId}">${escapeXml(spec.summary)}${spec.context ? ` (${escapeXml(contextLine(spec.context))})` : ""}</desc>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    header,
    `<g${size.header ? ` transform="translate(0,${size.header})"` : ""}>`,
    axisX(spec.x, frame),
    axisY(spec.y, frame),
    `<g class="marks">${spec.marks.map((m) => drawMark(m, spec, frame)).join("")}</g>`,
    legend.svg,
    `</g>`,
    footer,
    `</svg>`,
  ].join("");
}

/** Room for the y axis' labels: category names can be long (longer ones are cut, with a tooltip). */
function leftMargin(y: Scale, width: number): number {
  if (y.type !== "band") return MARGIN.left;
  const longest = Math.max(...y.domain.map((d) => textWidth(d)), 0);
  // up to 240 px of labels, but never more than half of a narrow chart
  return Math.min(Math.max(Math.min(240, width * 0.5), width * 0.4), Math.max(MARGIN.left, 34 + longest));
}

function xRange(f: Frame): [number, number] {
  return [f.left, f.right];
}
/** Numbers grow upwards; categories are listed downwards, in reading order. */
function yRange(f: Frame, scale: Scale): [number, number] {
  return scale.type === "band" ? [f.top, f.bottom] : [f.bottom, f.top];
}

function axisX(scale: Scale, f: Frame): string {
  const at = project(scale, xRange(f));
  const values = scale.type === "band" ? scale.domain : ticks(scale.domain, Math.max(2, Math.min(6, Math.floor((f.right - f.left) / 70))));
  const slot = scale.type === "band" ? (f.right - f.left) / Math.max(1, scale.domain.length) - 4 : 70;
  const parts = values.map((v) => {
    const x = num(at(v));
    const label = typeof v === "number" && scale.type === "linear" ? formatTick(v, scale.format) : String(v);
    const grid = scale.type === "linear" ? `<line x1="${x}" x2="${x}" y1="${f.top}" y2="${f.bottom}" stroke="${GRID}"/>` : "";
    return `${grid}${fittedText(label, slot, `x="${x}" y="${f.bottom + 16}" text-anchor="middle" fill="${INK}"`)}`;
  });
  const title = fittedText(scale.label, 2 * Math.min((f.left + f.right) / 2, f.width - (f.left + f.right) / 2) - 8, `x="${num((f.left + f.right) / 2)}" y="${f.bottom + 36}" text-anchor="middle" fill="${INK}" font-weight="600"`);
  return `<g class="x-axis">${parts.join("")}<line x1="${f.left}" x2="${f.right}" y1="${f.bottom}" y2="${f.bottom}" stroke="${INK}"/>${title}</g>`;
}

function axisY(scale: Scale, f: Frame): string {
  const at = project(scale, yRange(f, scale));
  const values = scale.type === "band" ? scale.domain : ticks(scale.domain, 5);
  // the rotated axis title takes the first 20 px
  const room = f.left - 26;
  const parts = values.map((v) => {
    const y = num(at(v));
    const label = typeof v === "number" && scale.type === "linear" ? formatTick(v, scale.format) : String(v);
    const grid = scale.type === "linear" ? `<line x1="${f.left}" x2="${f.right}" y1="${y}" y2="${y}" stroke="${GRID}"/>` : "";
    return `${grid}${fittedText(label, room, `x="${f.left - 6}" y="${y}" dy="0.32em" text-anchor="end" fill="${INK}"`)}`;
  });
  const cx = 12;
  const cy = num((f.top + f.bottom) / 2);
  const title = fittedText(scale.label, f.bottom - f.top, `transform="translate(${cx},${cy}) rotate(-90)" text-anchor="middle" fill="${INK}" font-weight="600"`);
  return `<g class="y-axis">${parts.join("")}<line x1="${f.left}" x2="${f.left}" y1="${f.top}" y2="${f.bottom}" stroke="${INK}"/>${title}</g>`;
}

/**
 * A cell's text in one or two lines, at the largest size (≤ 12 px, ≥ 7 px) that fits the cell; a
 * line too long even at 7 px is cut with an ellipsis (the cell's tooltip keeps the whole text).
 */
export function cellText(text: string, width: number, height: number): { lines: string[]; size: number } {
  const oneLine = [text.replace("\n", " ")];
  const twoLines = text.split("\n");
  const fit = (lines: string[]) =>
    Math.min(FONT_SIZE, (width - 6) / (Math.max(...lines.map((l) => l.length)) * EM_PER_CHAR), (height - 4) / (lines.length * 1.25));
  const [a, b] = [fit(oneLine), fit(twoLines)];
  const [lines, size] = a >= FONT_SIZE || a >= b ? [oneLine, a] : [twoLines, b];
  const shown = Math.max(7, Math.floor(size * 10) / 10);
  return { lines: lines.map((l) => fitText(l, width - 6, shown).shown), size: shown };
}

function drawMark(mark: Mark, spec: ChartSpec, f: Frame): string {
  const x = project(spec.x, xRange(f));
  const y = project(spec.y, yRange(f, spec.y));
  switch (mark.type) {
    case "line": {
      const d = mark.points.map(([px, py], i) => `${i === 0 ? "M" : "L"}${num(x(px))},${num(y(py))}`).join("");
      const opacity = mark.opacity !== undefined ? ` stroke-opacity="${mark.opacity}"` : "";
      return `<path class="mark-line" d="${d}" fill="none" stroke="${mark.stroke}" stroke-width="${mark.width ?? 2}"${opacity}><title>${escapeXml(mark.name)}</title></path>`;
    }
    case "area": {
      const upper = mark.points.map((p, i) => `${i === 0 ? "M" : "L"}${num(x(p.x))},${num(y(p.y1))}`).join("");
      const lower = [...mark.points].reverse().map((p) => `L${num(x(p.x))},${num(y(p.y0))}`).join("");
      return `<path class="mark-area" d="${upper}${lower}Z" fill="${mark.fill}" fill-opacity="${mark.opacity}"><title>${escapeXml(mark.name)}</title></path>`;
    }
    case "rect": {
      const [x0, x1] = projectExtent(spec.x, xRange(f))(mark.x);
      let [y0, y1] = projectExtent(spec.y, yRange(f, spec.y))(mark.y);
      if (mark.inset && typeof mark.y === "string") [y0, y1] = [y0 + (y1 - y0) * mark.inset[0], y0 + (y1 - y0) * mark.inset[1]];
      const [left, top] = [Math.min(x0, x1), Math.min(y0, y1)];
      const [w, h] = [Math.abs(x1 - x0), Math.abs(y1 - y0)];
      const rect = `<rect class="mark-rect" x="${num(left)}" y="${num(top)}" width="${num(w)}" height="${num(h)}" fill="${mark.fill}"><title>${escapeXml(mark.title)}</title></rect>`;
      if (!mark.text) return rect;
      const { lines, size } = cellText(mark.text, w, h);
      const first = top + h / 2 - ((lines.length - 1) * size * 1.25) / 2;
      const spans = lines.map((l, i) => `<tspan x="${num(left + w / 2)}" y="${num(first + i * size * 1.25)}">${escapeXml(l)}</tspan>`).join("");
      return `${rect}<text class="cell-text" font-size="${size}" dy="0.32em" text-anchor="middle" fill="${mark.textFill ?? INK}">${spans}</text>`;
    }
    case "dot":
      return mark.points
        .map((p) => {
          const [cx, cy, r] = [x(p.x), y(p.y), p.radius ?? mark.radius];
          const label = p.label ? `<text class="dot-label" x="${num(cx + r + 3)}" y="${num(cy - r - 1)}" font-size="10" fill="${INK}">${escapeXml(p.label)}</text>` : "";
          return `<circle class="mark-dot" cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${mark.fill}" fill-opacity="0.75" stroke="${mark.fill}"><title>${escapeXml(p.title)}</title></circle>${label}`;
        })
        .join("");
    case "rule": {
      const dash = mark.dashed ? ` stroke-dasharray="4 3"` : "";
      const shift = spec.y.type === "band" ? ((mark.bandOffset ?? 0) * (f.bottom - f.top)) / Math.max(1, spec.y.domain.length) : 0;
      return mark.segments
        .map((s) => `<line class="mark-rule" x1="${num(x(s.x1))}" y1="${num(y(s.y1) + shift)}" x2="${num(x(s.x2))}" y2="${num(y(s.y2) + shift)}" stroke="${mark.stroke}" stroke-width="1.5"${dash}><title>${escapeXml(s.title)}</title></line>`)
        .join("");
    }
    case "label":
      return directLabels(mark.items.map((item) => ({ ...item, at: y(item.y) })), f);
  }
}

/** Labels at the right end of their series, pushed apart to at least one line of text, kept inside the frame. */
export function spreadLabels(positions: number[], gap: number, top: number, bottom: number): number[] {
  const order = positions.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const placed = order.map(([p]) => p);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + gap);
  const overflow = (placed.at(-1) ?? bottom) - bottom;
  if (overflow > 0) {
    placed[placed.length - 1] -= overflow;
    for (let k = placed.length - 2; k >= 0; k--) placed[k] = Math.min(placed[k], placed[k + 1] - gap);
  }
  const out = new Array<number>(positions.length);
  order.forEach(([, i], k) => (out[i] = Math.max(top, placed[k])));
  return out;
}

function directLabels(items: { at: number; text: string; color: string; title: string }[], f: Frame): string {
  const ys = spreadLabels(items.map((i) => i.at), 13, f.top, f.bottom);
  const room = f.width - f.right - 18;
  return items
    .map((item, i) => {
      const y = num(ys[i]);
      const tick = `<line x1="${f.right + 2}" x2="${f.right + 10}" y1="${num(item.at)}" y2="${y}" stroke="${item.color}" stroke-width="2"/>`;
      const { shown } = fitText(item.text, room);
      return `${tick}<text class="direct-label" x="${f.right + 13}" y="${y}" dy="0.32em" fill="${INK}"><title>${escapeXml(item.title)}</title>${escapeXml(shown)}</text>`;
    })
    .join("");
}

function layoutLegend(items: LegendItem[], ramp: Ramp | undefined, width: number): { svg: string; height: number } {
  if (items.length === 0 && !ramp) return { svg: "", height: 0 };
  let cx = 0;
  let row = 0;
  const parts = items.map((item) => {
    const w = 22 + textWidth(item.name);
    if (cx > 0 && cx + w > width) {
      cx = 0;
      row++;
    }
    const x = MARGIN.left + cx;
    const y = 8 + row * 18;
    cx += w + 10;
    return `<rect x="${num(x)}" y="${y}" width="14" height="12" fill="${item.color}"/><text x="${num(x + 19)}" y="${y + 6}" dy="0.32em" fill="${INK}">${escapeXml(item.name)}</text>`;
  });
  let rows = items.length > 0 ? row + 1 : 0;
  if (ramp) {
    const y = 8 + rows * 18;
    const lowWidth = textWidth(ramp.low);
    const swatch = 18;
    const x0 = 10 + lowWidth + 6;
    const swatches = ramp.colors.map((c, i) => `<rect x="${num(x0 + i * swatch)}" y="${y}" width="${swatch}" height="12" fill="${c}" stroke="#999" stroke-width="0.5"/>`).join("");
    const after = x0 + ramp.colors.length * swatch + 6;
    parts.push(
      `<g class="ramp"><text x="10" y="${y + 6}" dy="0.32em" fill="${INK}">${escapeXml(ramp.low)}</text>${swatches}${fittedText(ramp.high, width + MARGIN.left - after, `x="${num(after)}" y="${y + 6}" dy="0.32em" fill="${INK}"`)}</g>`,
    );
    rows++;
  }
  return { svg: `<g class="legend">${parts.join("")}</g>`, height: rows * 18 + 6 };
}
