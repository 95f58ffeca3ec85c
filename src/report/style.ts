/** The report's style sheet, written inline into the file: system fonts, readable on screen and paper. */
export const REPORT_CSS = `
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; background: #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05rem; }
.meta { color: #555; }
code { font-size: 0.9em; }
.scroll { overflow-x: auto; margin: 0.75rem 0; }
table { border-collapse: collapse; font-size: 0.85rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #ddd; padding: 0.2rem 0.45rem; text-align: left; vertical-align: top; }
table.numeric td { text-align: right; white-space: nowrap; }
th[scope="row"] { text-align: left; white-space: nowrap; }
thead th { background: #f3f5f8; text-align: center; }
figure { margin: 1.25rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #444; font-size: 0.85rem; max-width: 640px; }
footer { margin-top: 2rem; color: #555; font-size: 0.85rem; }
@media print { h2 { break-after: avoid; } figure, tr { break-inside: avoid; } }
`;
