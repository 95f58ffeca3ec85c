/**
 * The calibration fit as a pure function of GET /api/evidence/calibration: per calibrated parameter,
 * the evidence prior's mean ± 2 sd against the scenario's own, on the evidence prior's standardized
 * scale z = (x − mean_evidence)/sd_evidence (docs/EVIDENCE.md §7.6), so that parameters of any unit
 * share one axis. No DOM here.
 */
import type { CalibrationAnswer, PriorMoments } from "../../../src/contract/evidence.js";
import { parameterShort } from "../parameter-label.js";
import { categorical } from "./palette.js";
import type { Chart, Mark } from "./spec.js";

const SOURCE = "guarantor's priors registry, src/evidence/priors.yaml (`guarantor calibrate`, docs/EVIDENCE.md §7)";
const WIDTH = 720;
const EVIDENCE = "#4e79a7";
const SCENARIO = "#f28e2c";
const round = (x: number) => Number(x.toPrecision(3));
/** z beyond ±LIMIT is drawn at the edge (its tooltip and the CSV keep the value): one prior far off must not squash the rest */
export const LIMIT = 12;
const clip = (z: number) => Math.max(-LIMIT, Math.min(LIMIT, z));

/** A value on the evidence prior's standardized scale. */
export const standardized = (x: number, evidence: PriorMoments): number => (x - evidence.mean) / evidence.sd;

/** The mean ± 2 sd interval of `prior` on the standardized scale of `evidence`. */
export function standardizedInterval(prior: PriorMoments, evidence: PriorMoments): [number, number] {
  return [standardized(prior.mean - 2 * prior.sd, evidence), standardized(prior.mean + 2 * prior.sd, evidence)];
}

export function calibrationFitChart(answer: CalibrationAnswer): Chart {
  const labels = answer.priors.map((p) => parameterShort(p.parameter));
  const perspectives = answer.priors[0]?.distances.map((d) => d.perspective).filter((id) => id !== "baseline") ?? [];
  const marks: Mark[] = [];
  const extremes: number[] = [-2, 2];
  answer.priors.forEach((p, i) => {
    const scenario = standardizedInterval(p.scenario, p.calibrated);
    extremes.push(...scenario.map(clip), ...p.distances.map((d) => clip(d.standardized)));
    marks.push(
      { type: "rect", x: [-2, 2], y: labels[i], inset: [0.15, 0.45], fill: EVIDENCE, title: `${p.parameter}: calibrated ${p.calibrated.dist}(mean ${p.calibrated.mean}, sd ${p.calibrated.sd}), ± 2 sd` },
      {
        type: "rect", x: [clip(scenario[0]), clip(scenario[1])], y: labels[i], inset: [0.55, 0.85], fill: SCENARIO,
        title: `${p.parameter}: scenario ${p.scenario.dist}(mean ${p.scenario.mean}, sd ${round(p.scenario.sd)}), ± 2 sd = z ${round(scenario[0])} to ${round(scenario[1])}`,
      },
    );
  });
  perspectives.forEach((id, k) => {
    marks.push({
      type: "dot", name: `${id} mean`, fill: categorical(k + 2), radius: 4,
      points: answer.priors.map((p, i) => {
        const d = p.distances.find((x) => x.perspective === id)!;
        return { x: clip(d.standardized), y: labels[i], title: `${p.parameter}, ${id}: mean ${round(d.mean)}, z = ${round(d.standardized)}` };
      }),
    });
  });
  const far = answer.priors.filter((p) => Math.abs(standardized(p.scenario.mean, p.calibrated)) > 2).map((p) => parameterShort(p.parameter));
  const low = Math.max(-LIMIT, Math.floor(Math.min(...extremes)) - 1);
  const high = Math.min(LIMIT, Math.ceil(Math.max(...extremes)) + 1);
  const clipped = extremes.some((z) => Math.abs(z) >= LIMIT);
  return {
    spec: {
      id: "calibration-fit",
      title: `Calibrated priors against the scenario's priors (${answer.scenario})`,
      summary: `For ${answer.priors.length} calibrated parameters, the evidence prior's mean ± 2 sd (blue, always −2 to 2 on this scale) and the scenario's own prior mean ± 2 sd (orange), in sd of the evidence prior from its mean${clipped ? ` (beyond ±${LIMIT} drawn at the edge)` : ""}. ` +
        (far.length ? `The scenario's mean lies more than 2 sd from the evidence for ${far.join(", ")}.` : "The scenario's mean lies within 2 sd of the evidence for every parameter."),
      width: WIDTH,
      height: Math.max(260, 70 + 40 * labels.length),
      x: { type: "linear", domain: [low, high], label: "standardized distance from the calibrated mean, z = (x − mean)/sd of the calibrated prior", format: "number" },
      y: { type: "band", domain: labels, label: "parameter" },
      marks,
      legend: [
        { name: "calibrated prior ± 2 sd", color: EVIDENCE },
        { name: "scenario prior ± 2 sd", color: SCENARIO },
        ...perspectives.map((id, k) => ({ name: `${id} mean`, color: categorical(k + 2) })),
      ],
      context: { kind: "calibration-fit", subject: answer.scenario, source: SOURCE },
    },
    data: {
      columns: ["parameter", "calibrated_dist", "calibrated_mean", "calibrated_sd", "scenario_dist", "scenario_mean", "scenario_sd", "scenario_low_z", "scenario_high_z", ...answer.priors[0]?.distances.map((d) => `z_${d.perspective}`) ?? []],
      rows: answer.priors.map((p) => {
        const [lowZ, highZ] = standardizedInterval(p.scenario, p.calibrated);
        return [p.parameter, p.calibrated.dist, p.calibrated.mean, p.calibrated.sd, p.scenario.dist, p.scenario.mean, p.scenario.sd, lowZ, highZ, ...p.distances.map((d) => d.standardized)];
      }),
    },
  };
}
