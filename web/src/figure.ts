/**
 * A chart on the page: the drawn SVG, its text alternative, its data as a table, and buttons that
 * save it as PNG or SVG and its data as CSV.
 */
import { tableToCsv } from "./charts/csv.js";
import { exportFileName } from "./charts/file-name.js";
import type { Chart } from "./charts/spec.js";
import { renderedSize, renderSvg } from "./charts/svg.js";
import { h, scrollBox } from "./dom.js";

export function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Rasterises the SVG at twice its size (sharp on high-density screens). */
export function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext("2d")!;
      context.scale(2, 2);
      context.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser could not make a PNG"))), "image/png");
    };
    image.onerror = () => reject(new Error("the browser could not draw the chart's SVG"));
    image.src = url;
  });
}

function dataTable(chart: Chart): HTMLElement {
  const head = h("tr", {}, chart.data.columns.map((c) => h("th", { scope: "col" }, c)));
  const rows = chart.data.rows.map((row) =>
    h("tr", {}, row.map((v) => h("td", {}, typeof v === "number" ? String(Number(v.toPrecision(6))) : v))),
  );
  return h("details", { class: "data-table" }, h("summary", {}, "Data table"), scrollBox(h("table", { class: "data" }, h("thead", {}, head), h("tbody", {}, rows)), `Data of ${chart.spec.title}`));
}

/** narrower than this, a chart is drawn at this width and scaled down (its labels would not fit) */
const MIN_WIDTH = 300;

export function renderFigure(chart: Chart): HTMLElement {
  const { spec } = chart;
  const drawing = h("div", { class: "chart", "data-chart": spec.id });
  drawing.innerHTML = renderSvg(spec); // built from escaped text by renderSvg
  // on a screen narrower than the chart, it is laid out again at the width it has, so its text
  // keeps its size instead of shrinking with the drawing (exports keep the chart's own width)
  let drawnWidth = spec.width;
  new ResizeObserver(() => {
    const room = Math.floor(drawing.clientWidth);
    const width = room > 0 && room < spec.width ? Math.max(MIN_WIDTH, room) : spec.width;
    if (Math.abs(width - drawnWidth) < 8) return;
    drawnWidth = width;
    drawing.innerHTML = renderSvg({ ...spec, width });
  }).observe(drawing);
  const button = (label: string, format: string, action: () => Promise<void> | void) => {
    const b = h("button", { type: "button", "data-export": format, "aria-label": `${label} of ${spec.title}` }, label);
    b.addEventListener("click", () => void action());
    return b;
  };
  // a file carries its own title and context (perspective, option, seed, source); the page shows them around it
  const standalone = () => renderSvg(spec, { standalone: true });
  const size = renderedSize(spec, { standalone: true });
  const exports = h(
    "div",
    { class: "exports" },
    button("PNG", "png", async () => download(exportFileName(spec, "png"), await svgToPng(standalone(), size.width, size.height))),
    button("SVG", "svg", () => download(exportFileName(spec, "svg"), new Blob([standalone()], { type: "image/svg+xml" }))),
    button("CSV", "csv", () => download(exportFileName(spec, "csv"), new Blob([tableToCsv(chart.data)], { type: "text/csv" }))),
  );
  return h(
    "figure",
    { class: "figure", id: `figure-${spec.id}` },
    h("h3", {}, spec.title),
    drawing,
    h("figcaption", {}, spec.summary),
    exports,
    dataTable(chart),
  );
}
