/**
 * Strategic layer, part 1: what an option's commitments mean for the model (docs/MODEL.md §3).
 * Turns a list of commitments into features: the alignment threat the challenger sees, the
 * Western integration they bring, arms, neutrality terms, forces in place, and for each
 * guarantor the strongest form of its promise and its troops in harm's way.
 */
import type { Commitment } from "../scenario/schema.js";
import { P } from "../contract/parameters.js";
import { forceCapBite, guaranteeBinding, guaranteeIntegration, neutralityContent, neutralityThreat } from "./neutrality.js";

export const FORM_LEVEL = { none: 0, communique: 1, executive: 2, treaty: 3 } as const;
export type FormLevel = (typeof FORM_LEVEL)[keyof typeof FORM_LEVEL];

const ARMS_LEVEL = { low: 1 / 3, medium: 2 / 3, high: 1 } as const;

/**
 * Alignment threat T and integration I of each commitment (assumption; docs/MODEL.md §3 gives
 * the reasoning). T enters acceptance and, through the existential-threat mechanism, the
 * challenger's stake; I pulls alignment toward the West. The threat of arms supply and the relief
 * of neutrality are parameters (τ_A, τ_N), not constants: see `alignmentThreat`.
 */
export const COMMITMENT_EFFECTS = {
  nato_membership: { threat: 1.0, integration: 1.0 },
  collective_defense_ratified: { threat: 0.8, integration: 0.6 },
  collective_defense_unratified: { threat: 0.6, integration: 0.5 },
  reassurance_force_unmandated: { threat: 0.5, integration: 0.3 },
  reassurance_force_front: { threat: 0.1, integration: 0 },
  reassurance_force_mandated: { threat: 0.15, integration: 0.2 },
  backstop: { threat: 0.2, integration: 0.1 },
  arms_supply_per_level: { integration: 0.3 },
  consultative_pledge: { threat: 0.05, integration: 0.1 },
  nato_path: { threat: 0.3, integration: 0.1 },
  backstop_support_only: { threat: 0.1, integration: 0.1 },
  neutrality_foreign_bases: { threat: 0.3, integration: 0.1 },
  un_mandate: { threat: 0.05, integration: 0 },
  monitoring: { threat: 0, integration: 0 },
  demilitarized_zone: { threat: 0, integration: 0 },
  sanctions_relief_partial: { threat: -0.2, integration: 0 },
  sanctions_relief_full: { threat: -0.4, integration: 0 },
} as const;

/** Targeting exposure of a force deployed at the front relative to the rear (assumption). */
export const FRONT_EXPOSURE = 2;

export interface OptionFeatures {
  id: string;
  label: string;
  /** the part of the alignment threat T that does not depend on parameters (see `alignmentThreat`) */
  fixedThreat: number;
  /** 1 for permanent neutrality, ½ for a temporary one, 0 for none */
  neutrality: number;
  /** the part of I that does not depend on parameters: every commitment's integration except communiqué-form promises (see `integrationOf`) */
  integration: number;
  /** I_C: the integration of its communiqué-form promises — consultative pledges in that form and "someday" NATO paths — before the factor η_C (docs/MODEL.md §3) */
  pledgeIntegration: number;
  /** arms supply level in [0, 1] */
  arms: number;
  neutral: boolean;
  forceCap: boolean;
  dmz: boolean;
  monitoring: boolean;
  peacekeeping: boolean;
  /** sum over unmandated foreign forces of exposure (1 rear, 2 front): scales λ_T */
  targetingExposure: number;
  /** per guarantor (index in actors.guarantors): strongest form of its promise, 0 = none */
  formLevel: Int8Array;
  /** per guarantor: own troops deployed in the protégé */
  troops: Float64Array;
  /** per state: its arms supply supply_j ∈ [0, 1] (docs/MODEL.md §5): a_S cost of staying out, ξ exposure */
  supply: Float64Array;
  /** per state: 1 if it guarantees the option's neutrality (its promise has the guarantee's form × binding β) */
  neutralityGuarantor: Uint8Array;
  /** neutrality as a bargain (docs/MODEL.md §3.3): b, ℓ, n (1 permanent, ½ temporary, 0 none), guarantee form f and consent clause */
  capBite: number;
  content: number;
  guaranteeForm: number;
  consentRequired: boolean;
  /** form level of the challenger's own guarantee of the neutrality (0: it guarantees nothing) */
  challengerGuaranteeForm: number;
  /** UN troops, monitors and the width of a demilitarised zone: the sizes that scale r_P, r_M, r_D */
  peacekeepingTroops: number;
  monitors: number;
  dmzWidthKm: number;
  /**
   * The same option when its treaty-form promises are not ratified (offer versus honour, docs/MODEL.md
   * §7.2): each becomes a communiqué-form pledge with a "someday" path. Absent when it has none.
   */
  unratified?: OptionFeatures;
}

export interface GuarantorRef {
  id: string;
  nato: boolean;
}

/** The protégé and challenger facts that commitments are read against. */
export interface SettlementFacts {
  challengerId?: string;
  /** F₀: the protégé's peacetime forces; without it a force cap bites fully (b = 1) */
  peacetimeForces?: number;
}

const SUPPORT_KINDS = new Set(["intelligence", "logistics"]);

export function optionFeatures(
  option: { id: string; label: string; commitments: Commitment[] },
  guarantors: readonly GuarantorRef[],
  facts: SettlementFacts = {},
): OptionFeatures {
  const f = featuresOf(option, guarantors, facts);
  const unratified = unratifiedCommitments(option.commitments, guarantors);
  if (unratified) f.unratified = featuresOf({ ...option, commitments: unratified }, guarantors, facts);
  return f;
}

/**
 * The commitments as they stand when the West offers but does not ratify (docs/MODEL.md §7.2): NATO
 * membership and a ratified collective-defence treaty become a communiqué-form consultative pledge
 * of the same states with a NATO path (the "someday" promise); a treaty-form guarantee of a
 * neutrality becomes a communiqué-form one (a path to NATO would end the neutrality). Undefined when
 * the option has no treaty-form promise.
 */
export function unratifiedCommitments(commitments: readonly Commitment[], guarantors: readonly GuarantorRef[]): Commitment[] | undefined {
  let changed = false;
  const out = commitments.map((c): Commitment => {
    if (c.type === "nato_membership") {
      changed = true;
      return { type: "consultative_pledge", guarantors: guarantors.filter((g) => g.nato).map((g) => g.id), form: "communique", nato_path: true };
    }
    if (c.type === "collective_defense" && c.ratified) {
      changed = true;
      return { type: "consultative_pledge", guarantors: c.guarantors, form: "communique", nato_path: true };
    }
    if (c.type === "neutrality" && c.guarantee_form === "treaty" && c.guarantors.length > 0) {
      changed = true;
      return { ...c, guarantee_form: "communique" };
    }
    return c;
  });
  return changed ? out : undefined;
}

/**
 * The option actually in force on a trajectory: `f` if its treaty-form promises are ratified
 * (offer draw u_O < p_O), else its unratified form (docs/MODEL.md §7.2).
 */
export function offeredFeatures(f: OptionFeatures, offerDraw: number, offerProbability: number): OptionFeatures {
  return f.unratified === undefined || offerDraw < offerProbability ? f : f.unratified;
}

function featuresOf(option: { id: string; label: string; commitments: Commitment[] }, guarantors: readonly GuarantorRef[], facts: SettlementFacts): OptionFeatures {
  const index = new Map(guarantors.map((g, i) => [g.id, i]));
  const f: OptionFeatures = {
    id: option.id,
    label: option.label,
    fixedThreat: 0,
    neutrality: 0,
    integration: 0,
    pledgeIntegration: 0,
    arms: 0,
    neutral: false,
    forceCap: false,
    dmz: false,
    monitoring: false,
    peacekeeping: false,
    targetingExposure: 0,
    formLevel: new Int8Array(guarantors.length),
    troops: new Float64Array(guarantors.length),
    supply: new Float64Array(guarantors.length),
    neutralityGuarantor: new Uint8Array(guarantors.length),
    capBite: 0,
    content: 0,
    guaranteeForm: 0,
    consentRequired: false,
    challengerGuaranteeForm: 0,
    peacekeepingTroops: 0,
    monitors: 0,
    dmzWidthKm: 0,
  };
  let foreignBases = false;
  let supportArms = 0;
  const promise = (id: string, level: FormLevel) => {
    const j = index.get(id);
    if (j !== undefined) f.formLevel[j] = Math.max(f.formLevel[j], level);
  };
  const add = (e: { threat: number; integration: number }, scale = 1) => {
    f.fixedThreat += e.threat * scale;
    f.integration += e.integration * scale;
  };
  const addPledge = (e: { threat: number; integration: number }) => {
    f.fixedThreat += e.threat;
    f.pledgeIntegration += e.integration;
  };
  const E = COMMITMENT_EFFECTS;
  for (const c of option.commitments) {
    switch (c.type) {
      case "nato_membership":
        add(E.nato_membership);
        guarantors.forEach((g) => g.nato && promise(g.id, FORM_LEVEL.treaty));
        break;
      case "collective_defense":
        add(c.ratified ? E.collective_defense_ratified : E.collective_defense_unratified);
        c.guarantors.forEach((g) => promise(g, c.ratified ? FORM_LEVEL.treaty : FORM_LEVEL.executive));
        break;
      case "reassurance_force": {
        add(c.un_mandate ? E.reassurance_force_mandated : E.reassurance_force_unmandated);
        if (c.deployment === "front") add(E.reassurance_force_front);
        if (!c.un_mandate) f.targetingExposure += c.deployment === "front" ? FRONT_EXPOSURE : 1;
        for (const g of c.contributors) {
          promise(g, FORM_LEVEL.executive);
          const j = index.get(g);
          if (j !== undefined) f.troops[j] += c.troops / c.contributors.length;
        }
        break;
      }
      case "backstop": {
        // combat kinds are a promise to fight; support kinds are supply (docs/MODEL.md §3)
        const support = c.kinds.filter((k) => SUPPORT_KINDS.has(k)).length;
        const combat = c.kinds.length > support;
        add(combat ? E.backstop : E.backstop_support_only);
        if (combat) promise(c.provider, FORM_LEVEL.executive);
        const j = index.get(c.provider);
        if (j !== undefined) f.supply[j] = Math.min(1, f.supply[j] + support / 3);
        supportArms += support / 6;
        break;
      }
      case "arms_supply": {
        const level = ARMS_LEVEL[c.level];
        f.arms = Math.max(f.arms, level);
        const providers = c.providers ?? guarantors.filter((g) => g.nato).map((g) => g.id);
        for (const p of providers) {
          const j = index.get(p);
          if (j !== undefined) f.supply[j] = Math.max(f.supply[j], level);
        }
        break;
      }
      case "consultative_pledge":
        // a communiqué-form pledge and a "someday" path integrate through η_C (integrationOf); an executive or treaty-form pledge as the table says
        if (c.form === "communique") addPledge(E.consultative_pledge);
        else add(E.consultative_pledge);
        if (c.nato_path) addPledge(E.nato_path);
        c.guarantors.forEach((g) => promise(g, FORM_LEVEL[c.form]));
        break;
      case "neutrality":
        f.neutral = true;
        f.neutrality = Math.max(f.neutrality, c.permanent ? 1 : 0.5);
        if (c.force_cap !== undefined) {
          f.forceCap = true;
          f.capBite = Math.max(f.capBite, forceCapBite(c.force_cap, facts.peacetimeForces ?? Infinity));
          if (facts.peacetimeForces === undefined) f.capBite = 1;
        }
        if (c.foreign_bases) {
          foreignBases = true;
          add(E.neutrality_foreign_bases);
        }
        if (c.guarantors.length > 0) {
          f.guaranteeForm = Math.max(f.guaranteeForm, FORM_LEVEL[c.guarantee_form]);
          f.consentRequired = f.consentRequired || c.consent_required;
        }
        for (const g of c.guarantors) {
          if (g === facts.challengerId) f.challengerGuaranteeForm = Math.max(f.challengerGuaranteeForm, FORM_LEVEL[c.guarantee_form]);
          const j = index.get(g);
          if (j !== undefined) f.neutralityGuarantor[j] = 1;
        }
        break;
      case "un_mandate":
        f.peacekeeping = true;
        f.peacekeepingTroops += c.troops;
        add(E.un_mandate);
        break;
      case "monitoring":
        f.monitoring = true;
        f.monitors += c.monitors;
        break;
      case "demilitarized_zone":
        f.dmz = true;
        f.dmzWidthKm = Math.max(f.dmzWidthKm, c.width_km);
        break;
      case "sanctions_relief":
        add(c.level === "full" ? E.sanctions_relief_full : E.sanctions_relief_partial);
        break;
    }
  }
  // a backstop's support kinds add to the arms level (⅙ each, docs/MODEL.md §3)
  f.arms = Math.min(1, f.arms + supportArms);
  // arms supply counts once, at its level; its threat is the parameter τ_A (see alignmentThreat); I is clipped in integrationOf
  f.integration += E.arms_supply_per_level.integration * f.arms;
  if (f.neutral) f.content = neutralityContent(f.capBite, f.arms, foreignBases);
  return f;
}

/** β: how binding the option's neutrality guarantee is (ω_c with a consent clause, else 1; docs/MODEL.md §3.3). */
export function neutralityBinding(f: OptionFeatures, consentBinding: number): number {
  return guaranteeBinding(f.consentRequired, consentBinding);
}

/**
 * T = fixed part + τ_A·(arms level) + T_N: the alignment threat of an option (docs/MODEL.md §3.2), with
 * T_N = −τ_N·n_eff·ℓ + β·T_g(f) the neutrality's part (neutrality.ts): a neutrality's relief scales
 * with what it limits and is cancelled by a guarantee of the same content. ω_c: consent binding.
 */
export function alignmentThreat(f: OptionFeatures, armsThreat: number, neutralityRelief: number, consentBinding = 1): number {
  const neutrality = f.neutral ? neutralityThreat(neutralityRelief, f.neutrality, f.content, f.guaranteeForm, neutralityBinding(f, consentBinding)) : 0;
  return f.fixedThreat + armsThreat * f.arms + neutrality;
}

/**
 * I = clip(I_fixed + η_C·I_C, 0, 1) plus what a neutrality's guarantee brings, β·I_g(f) (times η_C for a
 * communiqué-form guarantee), capped at 1 (docs/MODEL.md §3.2, §6). η_C = 1 is the table of §3.
 */
export function integrationOf(f: OptionFeatures, consentBinding: number, pledgeFactor: number): number {
  const own = Math.min(1, Math.max(0, f.integration + pledgeFactor * f.pledgeIntegration));
  if (!f.neutral) return own;
  const guarantee = guaranteeIntegration(f.guaranteeForm, neutralityBinding(f, consentBinding));
  return Math.min(1, own + (f.guaranteeForm === FORM_LEVEL.communique ? pledgeFactor * guarantee : guarantee));
}

/**
 * The regime without a settlement and the fallback settlement after a rejection and a later deal:
 * a bare ceasefire plus the status-quo commitments, the arms that flow anyway (docs/MODEL.md §7).
 */
export function bareCeasefire(guarantors: readonly GuarantorRef[], statusQuo: Commitment[] = [], facts: SettlementFacts = {}): OptionFeatures {
  return optionFeatures({ id: "later-ceasefire", label: "later ceasefire with the status-quo commitments", commitments: statusQuo }, guarantors, facts);
}

/** a for a promise of the given form level (0 none, 1 communiqué, 2 executive, 3 treaty) (docs/MODEL.md §5). */
export function audienceCostOfForm(level: number, theta: Float64Array, o: number): number {
  switch (level) {
    case 1:
      return theta[o + P.audience_cost_communique];
    case 2:
      return theta[o + P.audience_cost_executive];
    case 3:
      return theta[o + P.audience_cost_treaty];
    default:
      return 0;
  }
}
