/**
 * The scenario format (docs/MODEL.md; the bundled scenarios/ukraine-2025.yaml is its example) as a zod schema: the single definition from which the
 * loader validates, the TypeScript types are inferred and `guarantor schema` emits JSON Schema.
 */
import { z } from "zod";
import { priorSchema } from "./prior.js";
import { OUTCOME_NAMES } from "../contract/outcomes.js";
import { CONCLUSION_RELATIONS } from "../contract/conclusions.js";
import * as L from "./limits.js";

const id = z
  .string()
  .max(L.MAX_ID_LENGTH)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { message: "must be an identifier (letters, digits, - and _, starting with a letter)" });
const count = (max: number) => z.number().int().min(1).max(max);
const month = count(L.MAX_MONTH).meta({ description: `a month counted from the settlement, 1 to ${L.MAX_MONTH} (the longest horizon)` });
/** A list of guarantor ids; each may appear once (checks.ts names the repeated one). */
const idList = () => z.array(id).max(L.MAX_GUARANTORS).meta({ uniqueItems: true });
const guarantorList = idList().min(1);

const actor = z.strictObject({ id, name: z.string(), nuclear: z.boolean().default(false) });
/** the protégé: an actor with its peacetime forces F₀, against which a force cap's bite is measured (docs/MODEL.md §3.3) */
const protege = actor.extend({ peacetime_forces: count(L.MAX_TROOPS).optional() });
const guarantor = z.strictObject({
  id,
  name: z.string(),
  nuclear: z.boolean().default(false),
  nato: z.boolean().default(false),
  election_interval_months: month.optional(),
  first_election_month: month.optional(),
  /** w_j and m_j (docs/MODEL.md §5): stake relative to the reference state; share of the reference coalition */
  stake_weight: z.number().min(0).max(L.MAX_WEIGHT).default(1),
  military_weight: z.number().min(0).max(L.MAX_WEIGHT).optional(),
});
const spoiler = z.strictObject({ id, name: z.string(), base_rate_per_year: z.number().min(0).max(L.MAX_SPOILER_RATE_PER_YEAR) });

const form = z.enum(["communique", "executive", "treaty"]);

export const commitmentSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("collective_defense"), guarantors: guarantorList, ratified: z.boolean().default(true) }),
  z.strictObject({ type: z.literal("nato_membership") }),
  z.strictObject({
    type: z.literal("reassurance_force"),
    contributors: guarantorList,
    troops: count(L.MAX_TROOPS),
    deployment: z.enum(["rear", "front"]).default("rear"),
    un_mandate: z.boolean().default(false),
  }),
  z.strictObject({
    type: z.literal("backstop"),
    provider: id,
    kinds: z
      .array(z.enum(["air", "air_defense", "intelligence", "logistics", "naval"]))
      .min(1)
      .max(5)
      .meta({ uniqueItems: true }),
  }),
  z.strictObject({ type: z.literal("arms_supply"), level: z.enum(["low", "medium", "high"]), providers: idList().optional() }),
  z.strictObject({
    type: z.literal("consultative_pledge"),
    guarantors: guarantorList,
    form: form.default("communique"),
    nato_path: z.boolean().default(false),
  }),
  z.strictObject({
    type: z.literal("neutrality"),
    permanent: z.boolean().default(true),
    force_cap: count(L.MAX_TROOPS).optional(),
    foreign_bases: z.boolean().default(false),
    guarantors: idList().default([]),
    guarantee_form: form.default("treaty"),
    consent_required: z.boolean().default(false),
  }),
  z.strictObject({ type: z.literal("un_mandate"), troops: count(L.MAX_TROOPS) }),
  z.strictObject({ type: z.literal("monitoring"), monitors: count(L.MAX_MONITORS) }),
  z.strictObject({ type: z.literal("demilitarized_zone"), width_km: z.number().gt(0).max(L.MAX_DMZ_WIDTH_KM) }),
  z.strictObject({ type: z.literal("sanctions_relief"), level: z.enum(["partial", "full"]) }),
]);
export type Commitment = z.infer<typeof commitmentSchema>;
export type CommitmentType = Commitment["type"];

const option = z.strictObject({
  id,
  label: z.string(),
  description: z.string().optional(),
  commitments: z.array(commitmentSchema).max(L.MAX_COMMITMENTS).default([]),
});

/** Loss weights by outcome name (docs/MODEL.md §8); checks.ts refuses the outcomes that cannot be weighted. */
const lossWeights = z.partialRecord(z.enum(OUTCOME_NAMES), z.number().min(0).max(L.MAX_LOSS_WEIGHT));

/** Option ids in a conclusion's check (checks.ts refuses unknown ones). */
const optionIds = z.array(id).min(1).max(L.MAX_OPTIONS);

/**
 * One comparison a school's conclusion makes (docs/MODEL.md §12): `options` against `than` (or every
 * other option), or against a `value`, on one outcome; `guarantor conclusions` judges it at 2
 * standard errors (src/contract/conclusions.ts).
 */
const conclusionCheck = z.strictObject({
  relation: z.enum(CONCLUSION_RELATIONS),
  options: optionIds,
  than: z.union([optionIds, z.literal("others")]).optional(),
  outcome: z.enum(OUTCOME_NAMES).default("loss"),
  /** `near`: the tolerance beyond two standard errors */
  within: z.number().min(0).max(L.MAX_LOSS_WEIGHT).optional(),
  /** `above`, `below`: the value compared with */
  value: z.number().min(-L.MAX_LOSS_WEIGHT).max(L.MAX_LOSS_WEIGHT).optional(),
});

/** A school's written conclusion and the comparisons that state it; `not_reproduced` names why the model cannot reproduce it. */
const conclusion = z.strictObject({
  id,
  says: z.string().min(1),
  source: z.string().optional(),
  checks: z.array(conclusionCheck).min(1).max(L.MAX_CONCLUSION_CHECKS),
  not_reproduced: z.string().min(1).optional(),
});

const perspective = z.strictObject({
  label: z.string().optional(),
  source: z.string().min(1),
  description: z.string().optional(),
  overrides: z.record(z.string(), priorSchema).default({}),
  /** the school's own loss weights: a partial override of the scenario's `loss.weights` (docs/MODEL.md §8) */
  loss_weights: lossWeights.optional(),
  /** the conclusions it states (a school's written ones, the record's findings), checked by `guarantor conclusions`; they change no number */
  conclusions: z.array(conclusion).max(L.MAX_CONCLUSIONS).optional(),
});

export const MECHANISMS = [
  "acceptance",
  "spoilers",
  "moral_hazard",
  "targeting",
  "crisis_escalation",
  "bayesian_updating",
  "elections",
  "alignment_drift",
  "resolve_discount",
  "existential_threat",
  "arms_denial",
  "entanglement",
  "nuclear_escalation",
  "later_settlement",
] as const;
export type Mechanism = (typeof MECHANISMS)[number];

const mechanisms = z.strictObject(Object.fromEntries(MECHANISMS.map((m) => [m, z.boolean().default(true)])) as Record<Mechanism, z.ZodDefault<z.ZodBoolean>>);

const loss = z.strictObject({
  description: z.string().optional(),
  weights: lossWeights,
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  horizon_years: z.number().min(L.MIN_HORIZON_YEARS).max(L.MAX_HORIZON_YEARS).meta({ description: "years, from one month (1/12) to 100" }),
  seed: z.number().int().min(0).max(L.MAX_SEED).optional(),
  trajectories: z.number().int().min(L.MIN_TRAJECTORIES).max(L.MAX_TRAJECTORIES).optional(),
  actors: z.strictObject({
    challenger: actor,
    protege,
    guarantors: z.array(guarantor).max(L.MAX_GUARANTORS).default([]),
    spoilers: z.array(spoiler).max(L.MAX_SPOILERS).default([]),
  }),
  strategic_layer: z.enum(["closed-form", "games"]).default("closed-form"),
  mechanisms: mechanisms.default(Object.fromEntries(MECHANISMS.map((m) => [m, true])) as Record<Mechanism, boolean>),
  parameters: z.record(z.string(), priorSchema),
  options: z.array(option).min(1).max(L.MAX_OPTIONS),
  /** the commitments in force if no settlement is signed (docs/MODEL.md §7): the no-settlement war and the later ceasefire */
  status_quo: z.array(commitmentSchema).max(L.MAX_COMMITMENTS).default([]),
  perspectives: z
    .record(id, perspective)
    .meta({ maxProperties: L.MAX_PERSPECTIVES, description: `at most ${L.MAX_PERSPECTIVES}; "${L.BASELINE_PERSPECTIVE}" is reserved for the scenario's own priors` })
    .default({}),
  loss: loss.optional(),
});

export type ScenarioData = z.infer<typeof scenarioSchema>;
