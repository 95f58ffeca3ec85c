/**
 * A small CSV reader for the derived data shipped in data/ and for the inputs of the derivation
 * script: RFC 4180 quoting, a header row, leading "# " comment lines (provenance) kept apart.
 */
import { InputError } from "../../errors.js";

export interface CsvTable {
  /** the "# " lines before the header, without the marker */
  comments: string[];
  header: string[];
  rows: string[][];
}

/** Parse CSV text; `source` names the file in error messages. */
export function parseCsv(text: string, source: string): CsvTable {
  const comments: string[] = [];
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (atLineStart && records.length === 0 && !quoted && ch === "#") {
      const end = text.indexOf("\n", i);
      comments.push(text.slice(i + 1, end === -1 ? text.length : end).replace(/^ /, "").replace(/\r$/, ""));
      i = end === -1 ? text.length : end;
      continue;
    }
    atLineStart = false;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      atLineStart = true;
    } else field += ch;
  }
  if (quoted) throw new InputError(`${source}: unterminated quoted field at the end of the file`);
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const nonEmpty = records.filter((r) => !(r.length === 1 && r[0] === ""));
  if (nonEmpty.length === 0) throw new InputError(`${source}: no header row`);
  const [header, ...rows] = nonEmpty;
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new InputError(`${source}: data row ${i + 1} has ${row.length} fields, the header has ${header.length}`);
    }
  });
  return { comments, header, rows };
}

/** Column accessor by name, failing with the file and column name. */
export function column(table: CsvTable, name: string, source: string): number {
  const index = table.header.indexOf(name);
  if (index === -1) throw new InputError(`${source}: missing column "${name}" (columns: ${table.header.join(", ")})`);
  return index;
}

/** Parse a number cell; "NA" and "" become NaN. */
export function numberCell(cell: string): number {
  return cell === "NA" || cell === "" ? Number.NaN : Number(cell);
}

/** Format one CSV line, quoting fields that need it. */
export function csvLine(values: readonly (string | number)[]): string {
  return values
    .map((v) => {
      if (typeof v === "number") return Number.isNaN(v) ? "NA" : String(v);
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(",");
}
