/** Reads an input CSV of ../shared/data into rows with typed accessors (for the derivation script only). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { column, numberCell, parseCsv } from "../../src/evidence/cases/csv.js";

export interface Row {
  num(name: string): number;
  str(name: string): string;
}
export interface Table {
  rows: Row[];
}

export function readTable(directory: string, file: string): Table {
  const table = parseCsv(readFileSync(join(directory, file), "utf8"), file);
  const index = new Map(table.header.map((h) => [h, column(table, h, file)]));
  const at = (name: string) => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  return {
    rows: table.rows.map((cells) => ({
      num: (name: string) => numberCell(cells[at(name)]),
      str: (name: string) => cells[at(name)],
    })),
  };
}
