/**
 * Charts as data: a small declarative spec (scales, marks, legend, a text summary) built from
 * results by pure functions, then drawn by one renderer. In the manner of Observable Plot.
 */

export interface LinearScale {
  type: "linear";
  domain: [number, number];
  label: string;
  format: "percent" | "number";
}

export interface BandScale {
  type: "band";
  domain: string[];
  label: string;
}

export type Scale = LinearScale | BandScale;

/** A position on one axis: a number on a linear scale, a category on a band scale. */
export type Position = number | string;
/** An extent: a [from, to] pair on a linear scale, or a whole band. */
export type Extent = [number, number] | string;

/**
 * `rect.inset` draws the rect in a part of its band, as fractions [from, to] of the band (grouped
 * bars); `rule` draws line segments (intervals, reference lines), moved by `bandOffset` steps of a
 * band y scale (to sit on a grouped bar); `dot` draws small circles (a point's own radius and
 * label, e.g. its count, override the mark's); `label` names series directly in the right margin
 * at their last value, spread apart so that they do not overlap; a rect's text may hold two lines
 * ("\n") and is shrunk to fit its cell.
 */
export type Mark =
  | { type: "line"; name: string; points: [number, number][]; stroke: string; width?: number; opacity?: number }
  | { type: "area"; name: string; points: { x: number; y0: number; y1: number }[]; fill: string; opacity: number }
  | { type: "rect"; x: Extent; y: Extent; fill: string; title: string; text?: string; textFill?: string; inset?: [number, number] }
  | { type: "dot"; name: string; points: { x: Position; y: Position; title: string; radius?: number; label?: string }[]; fill: string; radius: number }
  | { type: "label"; items: { y: number; text: string; color: string; title: string }[] }
  | { type: "rule"; name: string; segments: { x1: Position; y1: Position; x2: Position; y2: Position; title: string }[]; stroke: string; dashed?: boolean; bandOffset?: number };

export interface LegendItem {
  name: string;
  color: string;
}

/** What a chart is of: written into its exports (title block, footer) and their file names. */
export interface ChartContext {
  /** what kind of chart: "survival", "heatmap-loss", "tornado", … */
  kind: string;
  /** the scenario's name, or the data set for evidence charts */
  subject: string;
  perspective?: string;
  option?: string;
  seed?: number;
  /** where the numbers come from: program and version, run, data source */
  source: string;
}

/** A sequential colour legend: the ramp's colours from low to high, and what the ends mean. */
export interface Ramp {
  colors: string[];
  low: string;
  high: string;
}

export interface ChartSpec {
  /** short name, unique on its page (element ids) */
  id: string;
  title: string;
  /** the text alternative: what the chart shows, in words and key numbers */
  summary: string;
  width: number;
  height: number;
  x: Scale;
  y: Scale;
  marks: Mark[];
  legend: LegendItem[];
  ramp?: Ramp;
  /** room on the right for direct labels (default 16) */
  marginRight?: number;
  context?: ChartContext;
}

/** The data behind a chart, as a table: what its CSV export contains. */
export interface DataTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface Chart {
  spec: ChartSpec;
  data: DataTable;
}
