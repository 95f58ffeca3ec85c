/**
 * The scenario format (docs/MODEL.md; the bundled scenarios/ukraine-2025.yaml is its example) as a zod schema: the single definition from which the
 * loader validates, the TypeScript types are inferred and `guarantor schema` emits JSON Schema.
 */
import { z } from "zod";
import { priorSchema } from "./prior.js";
import { OUTCOME_NAMES } from "../contract/outcomes.js";

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { message: "must be an identifier (letters, digits, - and _, starting with a letter)" });
const nonnegative = z.number().min(0);
const positiveInt = z.number().int().positive();
const guarantorList = z.array(id).min(1);

const actor = z.strictObject({ id, name: z.string(), nuclear: z.boolean().default(false) });
/** the protégé: an actor with its peacetime forces F₀, against which a force cap's bite is measured (docs/MODEL.md §6) */
const protege = actor.extend({ peacetime_forces: positiveInt.optional() });
const guarantor = z.strictObject({
  id,
  name: z.string(),
  nuclear: z.boolean().default(false),
  nato: z.boolean().default(false),
  election_interval_months: positiveInt.optional(),
  first_election_month: positiveInt.optional(),
  /** w_j and m_j (docs/MODEL.md §5): stake relative to the reference state; share of the reference coalition */
  stake_weight: nonnegative.default(1),
  military_weight: nonnegative.optional(),
});
const spoiler = z.strictObject({ id, name: z.string(), base_rate_per_year: nonnegative });

const form = z.enum(["communique", "executive", "treaty"]);

export const commitmentSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("collective_defense"), guarantors: guarantorList, ratified: z.boolean().default(true) }),
  z.strictObject({ type: z.literal("nato_membership") }),
  z.strictObject({
    type: z.literal("reassurance_force"),
    contributors: guarantorList,
    troops: positiveInt,
    deployment: z.enum(["rear", "front"]).default("rear"),
    un_mandate: z.boolean().default(false),
  }),
  z.strictObject({
    type: z.literal("backstop"),
    provider: id,
    kinds: z.array(z.enum(["air", "air_defense", "intelligence", "logistics", "naval"])).min(1),
  }),
  z.strictObject({ type: z.literal("arms_supply"), level: z.enum(["low", "medium", "high"]), providers: z.array(id).optional() }),
  z.strictObject({
    type: z.literal("consultative_pledge"),
    guarantors: guarantorList,
    form: form.default("communique"),
    nato_path: z.boolean().default(false),
  }),
  z.strictObject({
    type: z.literal("neutrality"),
    permanent: z.boolean().default(true),
    force_cap: positiveInt.optional(),
    foreign_bases: z.boolean().default(false),
    guarantors: z.array(id).default([]),
    guarantee_form: form.default("treaty"),
    consent_required: z.boolean().default(false),
  }),
  z.strictObject({ type: z.literal("un_mandate"), troops: positiveInt }),
  z.strictObject({ type: z.literal("monitoring"), monitors: positiveInt }),
  z.strictObject({ type: z.literal("demilitarized_zone"), width_km: z.number().positive() }),
  z.strictObject({ type: z.literal("sanctions_relief"), level: z.enum(["partial", "full"]) }),
]);
export type Commitment = z.infer<typeof commitmentSchema>;
export type CommitmentType = Commitment["type"];

const option = z.strictObject({
  id,
  label: z.string(),
  description: z.string().optional(),
  commitments: z.array(commitmentSchema).default([]),
});

const perspective = z.strictObject({
  label: z.string().optional(),
  source: z.string().min(1),
  description: z.string().optional(),
  overrides: z.record(z.string(), priorSchema).default({}),
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
  weights: z.partialRecord(z.enum(OUTCOME_NAMES), nonnegative),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  horizon_years: z.number().positive().max(100),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  trajectories: positiveInt.max(100_000_000).optional(),
  actors: z.strictObject({
    challenger: actor,
    protege,
    guarantors: z.array(guarantor).default([]),
    spoilers: z.array(spoiler).default([]),
  }),
  strategic_layer: z.enum(["closed-form", "games"]).default("closed-form"),
  mechanisms: mechanisms.default(Object.fromEntries(MECHANISMS.map((m) => [m, true])) as Record<Mechanism, boolean>),
  parameters: z.record(z.string(), priorSchema),
  options: z.array(option).min(1),
  /** the commitments in force if no settlement is signed (docs/MODEL.md §7): the no-settlement war and the later ceasefire */
  status_quo: z.array(commitmentSchema).default([]),
  perspectives: z.record(id, perspective).default({}),
  loss: loss.optional(),
});

export type ScenarioData = z.infer<typeof scenarioSchema>;
