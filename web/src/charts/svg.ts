/**
 * Draws a ChartSpec as a self-contained SVG string: presentation attributes only (no CSS, no
 * script), so the same markup is shown in the page, saved as .svg and rasterised to .png.
 */
import { formatTick, project, projectExtent, ticks } from "./scales.js";
import type { ChartSpec, LegendItem, Mark, Scale } from "./spec.js";

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';
const INK = "#222";
const GRID = "#ddd";
const MARGIN = { left: 64, right: 16, bottom: 44 };

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const num = (v: number): string => (Number.isFinite(v) ? String(Math.round(v * 100) / 100) : "0");

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function renderSvg(spec: ChartSpec): string {
  const legend = layoutLegend(spec.legend, spec.width - MARGIN.left - MARGIN.right);
  const frame: Frame = {
    left: leftMargin(spec.y),
    right: spec.width - MARGIN.right,
    top: 12 + legend.height,
    bottom: spec.height - MARGIN.bottom,
  };
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${spec.height}" viewBox="0 0 ${spec.width} ${spec.height}"`,
    ` role="img" aria-labelledby="${titleId} ${descId}" ${FONT} font-size="12">`,
    `<title id="${titleId}">${escapeXml(spec.title)}</title>`,
    `<desc id="${descId}">${escapeXml(spec.summary)}</desc>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    axisX(spec.x, frame),
    axisY(spec.y, frame),
    `<g class="marks">${spec.marks.map((m) => drawMark(m, spec, frame)).join("")}</g>`,
    legend.svg,
    `</svg>`,
  ].join("");
}

/** Room for the y axis' labels: category names can be long. */
function leftMargin(y: Scale): number {
  if (y.type !== "band") return MARGIN.left;
  const longest = Math.max(...y.domain.map((d) => d.length), 0);
  return Math.min(240, Math.max(MARGIN.left, 34 + longest * 6.6));
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
  const values = scale.type === "band" ? scale.domain : ticks(scale.domain, 6);
  const parts = values.map((v) => {
    const x = num(at(v));
    const label = typeof v === "number" && scale.type === "linear" ? formatTick(v, scale.format) : String(v);
    const grid = scale.type === "linear" ? `<line x1="${x}" x2="${x}" y1="${f.top}" y2="${f.bottom}" stroke="${GRID}"/>` : "";
    return `${grid}<text x="${x}" y="${f.bottom + 16}" text-anchor="middle" fill="${INK}">${escapeXml(label)}</text>`;
  });
  const title = `<text x="${num((f.left + f.right) / 2)}" y="${f.bottom + 36}" text-anchor="middle" fill="${INK}" font-weight="600">${escapeXml(scale.label)}</text>`;
  return `<g class="x-axis">${parts.join("")}<line x1="${f.left}" x2="${f.right}" y1="${f.bottom}" y2="${f.bottom}" stroke="${INK}"/>${title}</g>`;
}

function axisY(scale: Scale, f: Frame): string {
  const at = project(scale, yRange(f, scale));
  const values = scale.type === "band" ? scale.domain : ticks(scale.domain, 5);
  const parts = values.map((v) => {
    const y = num(at(v));
    const label = typeof v === "number" && scale.type === "linear" ? formatTick(v, scale.format) : String(v);
    const grid = scale.type === "linear" ? `<line x1="${f.left}" x2="${f.right}" y1="${y}" y2="${y}" stroke="${GRID}"/>` : "";
    return `${grid}<text x="${f.left - 6}" y="${y}" dy="0.32em" text-anchor="end" fill="${INK}">${escapeXml(label)}</text>`;
  });
  const cx = 12;
  const cy = num((f.top + f.bottom) / 2);
  const title = `<text transform="translate(${cx},${cy}) rotate(-90)" text-anchor="middle" fill="${INK}" font-weight="600">${escapeXml(scale.label)}</text>`;
  return `<g class="y-axis">${parts.join("")}<line x1="${f.left}" x2="${f.left}" y1="${f.top}" y2="${f.bottom}" stroke="${INK}"/>${title}</g>`;
}

function drawMark(mark: Mark, spec: ChartSpec, f: Frame): string {
  const x = project(spec.x, xRange(f));
  const y = project(spec.y, yRange(f, spec.y));
  switch (mark.type) {
    case "line": {
      const d = mark.points.map(([px, py], i) => `${i === 0 ? "M" : "L"}${num(x(px))},${num(y(py))}`).join("");
      return `<path class="mark-line" d="${d}" fill="none" stroke="${mark.stroke}" stroke-width="2"><title>${escapeXml(mark.name)}</title></path>`;
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
      const text = mark.text
        ? `<text x="${num(left + w / 2)}" y="${num(top + h / 2)}" dy="0.32em" text-anchor="middle" fill="${mark.textFill ?? INK}">${escapeXml(mark.text)}</text>`
        : "";
      return rect + text;
    }
    case "dot":
      return mark.points
        .map((p) => `<circle class="mark-dot" cx="${num(x(p.x))}" cy="${num(y(p.y))}" r="${mark.radius}" fill="${mark.fill}"><title>${escapeXml(p.title)}</title></circle>`)
        .join("");
    case "rule": {
      const dash = mark.dashed ? ` stroke-dasharray="4 3"` : "";
      const shift = spec.y.type === "band" ? ((mark.bandOffset ?? 0) * (f.bottom - f.top)) / Math.max(1, spec.y.domain.length) : 0;
      return mark.segments
        .map((s) => `<line class="mark-rule" x1="${num(x(s.x1))}" y1="${num(y(s.y1) + shift)}" x2="${num(x(s.x2))}" y2="${num(y(s.y2) + shift)}" stroke="${mark.stroke}" stroke-width="1.5"${dash}><title>${escapeXml(s.title)}</title></line>`)
        .join("");
    }
  }
}

function layoutLegend(items: LegendItem[], width: number): { svg: string; height: number } {
  if (items.length === 0) return { svg: "", height: 0 };
  let cx = 0;
  let row = 0;
  const parts = items.map((item) => {
    const w = 22 + item.name.length * 6.6;
    if (cx > 0 && cx + w > width) {
      cx = 0;
      row++;
    }
    const x = MARGIN.left + cx;
    const y = 8 + row * 18;
    cx += w + 10;
    return `<rect x="${num(x)}" y="${y}" width="14" height="12" fill="${item.color}"/><text x="${num(x + 19)}" y="${y + 6}" dy="0.32em" fill="${INK}">${escapeXml(item.name)}</text>`;
  });
  return { svg: `<g class="legend">${parts.join("")}</g>`, height: (row + 1) * 18 + 6 };
}
