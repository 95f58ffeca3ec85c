/**
 * Writes calibrated priors into the registry file (src/evidence/priors.yaml) as entries with
 * status `calibrated`, replacing entries of the same id and keeping everything else (comments
 * included) as it is.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { isMap, isSeq, parseDocument } from "yaml";
import { InputError } from "../../errors.js";
import type { CalibratedPrior } from "../calibration/calibrated-prior.js";

export const CALIBRATION_SCRIPT = "guarantor calibrate (src/evidence/calibration/calibrate.ts); check: guarantor calibrate --check";

/** The registry entry of a calibrated prior, in the registry's schema. */
export function registryEntry(p: CalibratedPrior): Record<string, unknown> {
  return {
    id: p.id,
    status: "calibrated",
    measures: p.measures,
    distribution: { ...p.prior },
    estimate: p.estimate,
    citation: p.citation,
    maps_to: { kind: "parameter", parameter: p.parameter, how: p.how, prior: { ...p.prior } },
    caveats: p.caveats,
    calibration: { method: p.method, data: p.data, script: CALIBRATION_SCRIPT, tolerance: Number(p.tolerance.toPrecision(3)), figures: p.figures },
  };
}

/** Registry text with the calibrated entries replaced or appended. */
export function withCalibratedPriors(text: string, priors: CalibratedPrior[]): string {
  const doc = parseDocument(text);
  const list = doc.get("priors");
  if (!isSeq(list)) throw new InputError("priors registry: no `priors:` list");
  for (const p of priors) {
    const node = doc.createNode(registryEntry(p));
    for (const path of [["distribution"], ["maps_to", "prior"]]) {
      const inner = node.getIn(path);
      if (isMap(inner)) inner.flow = true;
    }
    const index = list.items.findIndex((item) => isMap(item) && item.get("id") === p.id);
    if (index >= 0) list.items[index] = node;
    else list.items.push(node);
  }
  return doc.toString({ lineWidth: 0 });
}

export function writeCalibratedPriors(path: string, priors: CalibratedPrior[]): void {
  writeFileSync(path, withCalibratedPriors(readFileSync(path, "utf8"), priors));
}
