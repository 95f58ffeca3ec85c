/**
 * "Report (HTML)": asks the server for the run's self-contained report (src/report/; a small crux
 * scan makes it take a few seconds), says so while it waits, then saves the file.
 */
import { h } from "./dom.js";
import { download } from "./figure.js";

export function reportButton(runId: string): HTMLElement {
  const status = h("span", { class: "report-status", role: "status" });
  const button = h("button", { type: "button", id: "export-report" }, "report (HTML)");
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.textContent = " preparing the report (a short crux scan)…";
    try {
      const res = await fetch(`/api/runs/${encodeURIComponent(runId)}/report.html`);
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { error?: string };
        throw new Error(body.error ?? `the server answered ${res.status}`);
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "guarantor-report.html";
      download(name, new Blob([await res.text()], { type: "text/html" }));
      status.textContent = ` saved ${name}`;
    } catch (e) {
      status.textContent = ` the report failed: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      button.disabled = false;
    }
  });
  return h("span", { class: "report-export" }, button, status);
}
