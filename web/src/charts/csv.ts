/** A chart's data table as CSV (RFC 4180 quoting, CRLF line ends). */
import type { DataTable } from "./spec.js";

const field = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function tableToCsv(table: DataTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}
