/**
 * Every field a scenario accepts changes the model (docs/MODEL.md §3.4): for each field of every
 * commitment and actor, two scenarios that differ in that field alone give different numbers. The
 * list of fields is read from the schema, so a field added without an effect (a label the model
 * ignores) fails here until it is given one, or refused. Identifiers, names, labels and
 * descriptions are exempt: they name things.
 */
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { commitmentSchema, scenarioSchema, type Commitment } from "../../src/scenario/schema.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { evaluate } from "../../src/sim/evaluate.js";

type Doc = Record<string, unknown> & { actors: Record<string, unknown> & { guarantors: Record<string, unknown>[]; spoilers: Record<string, unknown>[] } };
const BASE = parse(readFileSync("scenarios/ukraine-2025.yaml", "utf8")) as Doc;
/** fields that name things rather than model them */
const NAMES = new Set(["type", "id", "name", "label", "description"]);

/** The fields of a schema object, through defaults, optionals and arrays. */
function fieldsOf(schema: z.ZodType): string[] {
  let s = schema as z.ZodType & { unwrap?: () => z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType> };
  for (;;) {
    if (s.shape) return Object.keys(s.shape).filter((k) => !NAMES.has(k));
    if (s.element) s = s.element as typeof s;
    else if (s.unwrap) s = s.unwrap() as typeof s;
    else throw new Error("not an object schema");
  }
}

/** Loss and outcomes of option `probe` (the given commitments) in a scenario edited by `edit`. */
async function numbers(commitments: Commitment[], edit: (doc: Doc) => void = () => {}): Promise<string> {
  const doc = structuredClone(BASE);
  doc.options = [{ id: "probe", label: "probe", commitments }];
  doc.perspectives = {};
  edit(doc);
  const scenario = loadScenarioText(stringify(doc), "field-effects.yaml");
  const result = await evaluate(scenario, { seed: 11, trajectories: 2048, perspectives: ["baseline"] });
  return JSON.stringify(result.results.map((r) => [r.outcomes, r.survival, r.states, r.alignment_at_horizon, r.coalition]));
}

interface FieldCase {
  /** schema path: commitment type and field, or actors.<role>.<field> */
  field: string;
  base: Commitment[];
  variant: Commitment[];
  /** the variant's change to the scenario */
  edit?: (doc: Doc) => void;
  /** a change to both scenarios: the setting in which the field acts */
  setting?: (doc: Doc) => void;
}

const treaty: Commitment = { type: "collective_defense", guarantors: ["US", "UK", "FR"], ratified: true };
const force = (over: Partial<Extract<Commitment, { type: "reassurance_force" }>> = {}): Commitment =>
  ({ type: "reassurance_force", contributors: ["UK", "FR"], troops: 20000, deployment: "rear", un_mandate: false, ...over });
const neutrality = (over: Partial<Extract<Commitment, { type: "neutrality" }>> = {}): Commitment =>
  ({ type: "neutrality", permanent: true, foreign_bases: false, guarantors: [], guarantee_form: "treaty", consent_required: false, ...over });
const arms: Commitment = { type: "arms_supply", level: "medium", providers: ["US"] };
const guarantor = (id: string, change: Record<string, unknown>) => (doc: Doc) => Object.assign(doc.actors.guarantors.find((g) => g.id === id)!, change);

const COMMITMENT_CASES: FieldCase[] = [
  { field: "collective_defense.guarantors", base: [{ ...treaty, guarantors: ["US"] }], variant: [{ ...treaty, guarantors: ["US", "UK"] }] },
  { field: "collective_defense.ratified", base: [treaty], variant: [{ ...treaty, ratified: false }] },
  { field: "reassurance_force.contributors", base: [force()], variant: [force({ contributors: ["UK"] })] },
  { field: "reassurance_force.troops", base: [force()], variant: [force({ troops: 5000 })] },
  { field: "reassurance_force.deployment", base: [force()], variant: [force({ deployment: "front" })] },
  { field: "reassurance_force.un_mandate", base: [force()], variant: [force({ un_mandate: true })] },
  { field: "backstop.provider", base: [force(), { type: "backstop", provider: "US", kinds: ["air"] }], variant: [force(), { type: "backstop", provider: "DE", kinds: ["air"] }] },
  { field: "backstop.kinds", base: [force(), { type: "backstop", provider: "US", kinds: ["air"] }], variant: [force(), { type: "backstop", provider: "US", kinds: ["intelligence"] }] },
  { field: "arms_supply.level", base: [arms], variant: [{ ...arms, level: "high" }] },
  { field: "arms_supply.providers", base: [arms], variant: [{ ...arms, providers: ["US", "PL"] }] },
  { field: "consultative_pledge.guarantors", base: [{ type: "consultative_pledge", guarantors: ["US"], form: "communique", nato_path: false }], variant: [{ type: "consultative_pledge", guarantors: ["US", "UK"], form: "communique", nato_path: false }] },
  { field: "consultative_pledge.form", base: [{ type: "consultative_pledge", guarantors: ["US"], form: "communique", nato_path: false }], variant: [{ type: "consultative_pledge", guarantors: ["US"], form: "executive", nato_path: false }] },
  { field: "consultative_pledge.nato_path", base: [{ type: "consultative_pledge", guarantors: ["US"], form: "communique", nato_path: false }], variant: [{ type: "consultative_pledge", guarantors: ["US"], form: "communique", nato_path: true }] },
  { field: "neutrality.permanent", base: [neutrality()], variant: [neutrality({ permanent: false })] },
  { field: "neutrality.force_cap", base: [neutrality()], variant: [neutrality({ force_cap: 100000 })] },
  { field: "neutrality.foreign_bases", base: [neutrality()], variant: [neutrality({ foreign_bases: true })] },
  { field: "neutrality.guarantors", base: [neutrality()], variant: [neutrality({ guarantors: ["US", "UK"] })] },
  { field: "neutrality.guarantee_form", base: [neutrality({ guarantors: ["US", "UK"] })], variant: [neutrality({ guarantors: ["US", "UK"], guarantee_form: "communique" })] },
  { field: "neutrality.consent_required", base: [neutrality({ guarantors: ["US", "UK", "RU"] })], variant: [neutrality({ guarantors: ["US", "UK", "RU"], consent_required: true })] },
  { field: "un_mandate.troops", base: [{ type: "un_mandate", troops: 3000 }], variant: [{ type: "un_mandate", troops: 8000 }] },
  { field: "monitoring.monitors", base: [{ type: "monitoring", monitors: 200 }], variant: [{ type: "monitoring", monitors: 800 }] },
  { field: "demilitarized_zone.width_km", base: [{ type: "demilitarized_zone", width_km: 5 }], variant: [{ type: "demilitarized_zone", width_km: 15 }] },
  { field: "sanctions_relief.level", base: [{ type: "sanctions_relief", level: "partial" }], variant: [{ type: "sanctions_relief", level: "full" }] },
];

const ACTOR_CASES: FieldCase[] = [
  { field: "actors.challenger.nuclear", base: [treaty], variant: [treaty], edit: (d) => Object.assign(d.actors.challenger as object, { nuclear: false }) },
  { field: "actors.protege.nuclear", base: [treaty], variant: [treaty], edit: (d) => Object.assign(d.actors.protege as object, { nuclear: true }) },
  { field: "actors.protege.peacetime_forces", base: [neutrality({ force_cap: 100000 })], variant: [neutrality({ force_cap: 100000 })], edit: (d) => Object.assign(d.actors.protege as object, { peacetime_forces: 400000 }) },
  // against a nuclear-armed challenger a member's arsenal acts only through κ_N, fixed at 0 in the baseline (docs/MODEL.md §5.3):
  // against a non-nuclear one, it is what makes nuclear use possible in a war that member fights
  { field: "actors.guarantors.nuclear", base: [treaty], variant: [treaty], edit: guarantor("UK", { nuclear: false }), setting: (d) => Object.assign(d.actors.challenger as object, { nuclear: false }) },
  { field: "actors.guarantors.nato", base: [{ type: "nato_membership" }], variant: [{ type: "nato_membership" }], edit: guarantor("TR", { nato: false }) },
  { field: "actors.guarantors.election_interval_months", base: [treaty], variant: [treaty], edit: guarantor("US", { election_interval_months: 24 }) },
  { field: "actors.guarantors.first_election_month", base: [treaty], variant: [treaty], edit: guarantor("US", { first_election_month: 3 }) },
  { field: "actors.guarantors.stake_weight", base: [treaty], variant: [treaty], edit: guarantor("US", { stake_weight: 1.5 }) },
  { field: "actors.guarantors.military_weight", base: [treaty], variant: [treaty], edit: guarantor("US", { military_weight: 0.3 }) },
  { field: "actors.spoilers.base_rate_per_year", base: [treaty], variant: [treaty], edit: (d) => Object.assign(d.actors.spoilers[0], { base_rate_per_year: 4 }) },
];

describe("every scenario field changes the model", () => {
  it("the cases below cover every field of every commitment and actor in the schema", () => {
    const commitments = commitmentSchema.options.flatMap((o) => fieldsOf(o).map((f) => `${(o.shape.type as z.ZodLiteral<string>).value}.${f}`));
    const actors = Object.entries(scenarioSchema.shape.actors.shape).flatMap(([role, schema]) => fieldsOf(schema as z.ZodType).map((f) => `actors.${role}.${f}`));
    expect(COMMITMENT_CASES.map((c) => c.field).sort()).toEqual(commitments.sort());
    expect(ACTOR_CASES.map((c) => c.field).sort()).toEqual(actors.sort());
  });

  for (const c of [...COMMITMENT_CASES, ...ACTOR_CASES]) {
    it(`${c.field}: two values give different numbers`, async () => {
      const setting = c.setting ?? (() => {});
      const [base, variant] = await Promise.all([numbers(c.base, setting), numbers(c.variant, (doc) => (setting(doc), c.edit?.(doc)))]);
      expect(variant).not.toBe(base);
    });
  }
});
