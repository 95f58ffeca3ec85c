/**
 * Readable names for the model's parameters (src/contract/parameters.ts, docs/MODEL.md): the
 * symbol and one line of meaning ("λ_w — opportunities for renewed attack per year"), with the
 * snake_case name the scenario YAML uses kept at hand (tooltip, small code text).
 */
import { parameterSpec, type Domain } from "../../src/contract/parameters.js";

const DOMAIN_WORDS: Record<Domain, string> = {
  real: "any real number",
  nonnegative: "≥ 0",
  positive: "> 0",
  probability: "a probability, 0 to 1",
};

/** the description without its docs/MODEL.md section mark ("§4 …") */
function meaning(description: string): string {
  return description.replace(/^§\d+\s+/, "");
}

/** "λ_w — opportunities for renewed attack per year"; a name the model does not know is returned as it is. */
export function parameterLabel(name: string): string {
  const spec = parameterSpec(name);
  return spec ? `${spec.symbol} — ${meaning(spec.description)}` : name;
}

/** "λ_w (window_rate_per_year)": symbol and YAML name, for running text such as chart summaries. */
export function parameterShort(name: string): string {
  const spec = parameterSpec(name);
  return spec ? `${spec.symbol} (${name})` : name;
}

/** The meaning alone (no symbol), or "" for an unknown name: for data tables and CSVs. */
export function parameterMeaning(name: string): string {
  const spec = parameterSpec(name);
  return spec ? meaning(spec.description) : "";
}

/** The full tooltip: label, the YAML name, its domain and the section of docs/MODEL.md that defines it. */
export function parameterTitle(name: string): string {
  const spec = parameterSpec(name);
  if (!spec) return name;
  const section = /^§(\d+)/.exec(spec.description)?.[1];
  return `${parameterLabel(name)}. In the scenario: ${name}; values ${DOMAIN_WORDS[spec.domain]}${section ? `; docs/MODEL.md §${section}` : ""}.`;
}
