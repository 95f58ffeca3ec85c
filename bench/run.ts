/**
 * Runs the benchmarks and prints their figures. Each area has bench/<area>/index.ts exporting
 * `run(): Promise<void>`; `npm run bench -- games sim` runs only those areas.
 */
import { readdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const areas = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, "index.js")))
  .map((d) => d.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

for (const area of areas) {
  console.log(`\n== bench: ${area} ==`);
  const mod = (await import(pathToFileURL(join(here, area, "index.js")).href)) as { run: () => Promise<void> };
  await mod.run();
}
if (areas.length === 0) console.log("no benchmark matched", wanted.join(" "));
