/**
 * Checks across a scenario that a schema cannot express: references between actors and
 * options, the model's parameter list, priors whose numbers are impossible or whose support
 * leaves the parameter's domain. They run on the raw data, so they are reported together
 * with schema problems.
 */
import { PARAMETERS, PARAMETER_NAMES, domainBounds, parameterSpec } from "../contract/parameters.js";
import { describePrior, priorProblems, priorSchema, priorSupport, type Prior } from "./prior.js";
import { didYouMean } from "../math/suggest.js";
import { formatPath } from "./issues.js";
import { BASELINE_PERSPECTIVE, MAX_PERSPECTIVES } from "./limits.js";
import { OUTCOMES } from "../contract/outcomes.js";
import { COMPARED_WITH } from "../contract/conclusions.js";

export interface RawIssue {
  path: PropertyKey[];
  /** for unknown keys: the key itself is pointed at */
  key?: string;
  message: string;
  expected?: string;
  received?: string;
  hint?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** Fields of each commitment type that name guarantors. A Map: a type such as "toString" must find nothing. */
const REFERENCE_FIELDS = new Map<string, string[]>(Object.entries({
  collective_defense: ["guarantors"],
  reassurance_force: ["contributors"],
  backstop: ["provider"],
  arms_supply: ["providers"],
  consultative_pledge: ["guarantors"],
  neutrality: ["guarantors"],
}));

/** Fields of model v1 that had no effect and were removed (docs/MODEL.md §3.4), with what to write instead. A Map, as above. */
const REMOVED_FIELDS = new Map<string, Record<string, string>>(Object.entries<Record<string, string>>({
  backstop: { ground_troops: "a backstop with ground troops is a reassurance_force: list the provider among its contributors" },
  un_mandate: { chapter: "remove it: the model gives the chapter no effect; troops set the peacekeeping effect", contributors: "remove it: UN contributors are not guarantors; troops set the peacekeeping effect" },
  monitoring: { by: "remove it: monitors set the monitoring effect, whoever provides them" },
}));

export function crossCheck(data: unknown): RawIssue[] {
  if (!isObj(data)) return [];
  return [...checkActors(data), ...checkOptions(data), ...checkParameters(data), ...checkPerspectives(data), ...checkLoss(data)];
}

function guarantorIds(data: Obj): string[] {
  const actors = isObj(data.actors) ? data.actors : {};
  return list(actors.guarantors)
    .map((g) => (isObj(g) ? str(g.id) : undefined))
    .filter((x): x is string => x !== undefined);
}

function checkActors(data: Obj): RawIssue[] {
  const issues: RawIssue[] = [];
  const actors = isObj(data.actors) ? data.actors : {};
  const seen = new Map<string, string>();
  const note = (id: unknown, path: PropertyKey[]) => {
    if (typeof id !== "string") return;
    const before = seen.get(id);
    if (before) issues.push({ path, message: `actor id "${id}" is already used by ${before}`, hint: "each actor needs its own id" });
    else seen.set(id, formatPath(path));
  };
  if (isObj(actors.challenger)) note(actors.challenger.id, ["actors", "challenger", "id"]);
  if (isObj(actors.protege)) note(actors.protege.id, ["actors", "protege", "id"]);
  list(actors.guarantors).forEach((g, i) => isObj(g) && note(g.id, ["actors", "guarantors", i, "id"]));
  list(actors.spoilers).forEach((s, i) => isObj(s) && note(s.id, ["actors", "spoilers", i, "id"]));
  return issues;
}

function checkOptions(data: Obj): RawIssue[] {
  const issues: RawIssue[] = [];
  const known = guarantorIds(data);
  const challenger = isObj(data.actors) && isObj(data.actors.challenger) ? str(data.actors.challenger.id) : undefined;
  const optionIds = new Set<string>();
  const commitments = (cs: unknown, at: PropertyKey[]) =>
    list(cs).forEach((c, ci) => {
      if (!isObj(c)) return;
      const type = str(c.type) ?? "";
      if (type === "backstop" && Array.isArray(c.kinds)) issues.push(...repeatedItems(c.kinds, [...at, ci, "kinds"], "kind"));
      for (const [field, hint] of Object.entries(REMOVED_FIELDS.get(type) ?? {}))
        if (Object.hasOwn(c, field)) issues.push({ path: [...at, ci], key: field, message: `${type}.${field} was removed: it changed nothing in the model`, hint });
      for (const field of REFERENCE_FIELDS.get(type) ?? []) {
        const value = Object.hasOwn(c, field) ? c[field] : undefined;
        if (Array.isArray(value)) issues.push(...repeatedItems(value, [...at, ci, field], "guarantor"));
        const refs = Array.isArray(value) ? value.map((v, k) => [v, k] as const) : [[value, undefined] as const];
        for (const [ref, k] of refs) {
          // a neutrality may be guaranteed by the challenger itself (docs/MODEL.md §3.3)
          if (typeof ref !== "string" || known.includes(ref) || (c.type === "neutrality" && ref === challenger)) continue;
          const path: PropertyKey[] = [...at, ci, field, ...(k === undefined ? [] : [k])];
          const guess = didYouMean(ref, known);
          issues.push({
            path,
            message: `unknown guarantor "${ref}"`,
            expected: `one of the guarantors declared under actors.guarantors (${known.join(", ") || "none declared"})`,
            received: `"${ref}"`,
            hint: guess ? `did you mean "${guess}"?` : undefined,
          });
        }
      }
    });
  list(data.options).forEach((o, oi) => {
    if (!isObj(o)) return;
    const oid = str(o.id);
    if (oid !== undefined) {
      if (optionIds.has(oid)) issues.push({ path: ["options", oi, "id"], message: `option id "${oid}" is used twice` });
      optionIds.add(oid);
    }
    commitments(o.commitments, ["options", oi, "commitments"]);
  });
  commitments(data.status_quo, ["status_quo"]);
  return issues;
}

/** Each item of a list of ids may appear once: a repeated guarantor would count twice. */
function repeatedItems(items: unknown[], path: PropertyKey[], what: string): RawIssue[] {
  const issues: RawIssue[] = [];
  items.forEach((item, k) => {
    if (typeof item === "string" && items.indexOf(item) < k)
      issues.push({ path: [...path, k], message: `${what} "${item}" is listed twice`, received: `"${item}"`, hint: "list each one once" });
  });
  return issues;
}

/** A prior's support must lie inside the parameter's domain (e.g. no negative rates). */
function domainIssue(name: string, prior: Prior, path: PropertyKey[]): RawIssue | undefined {
  const spec = parameterSpec(name);
  if (!spec) return undefined;
  const [lo, hi] = domainBounds(spec.domain);
  const [a, b] = priorSupport(prior);
  if (a >= lo && b <= hi && !(spec.domain === "positive" && prior.dist === "fixed" && prior.value <= 0)) return undefined;
  const what = {
    real: "any number",
    nonnegative: "a rate or size that cannot be negative",
    positive: "a quantity that must be greater than 0",
    probability: "a probability or share in [0, 1]",
  }[spec.domain];
  const hint =
    prior.dist === "normal"
      ? spec.domain === "probability"
        ? "use a beta prior, or set min: 0 and max: 1"
        : "use a lognormal or gamma prior, or set min: 0"
      : spec.domain === "probability"
        ? "use a beta prior"
        : "use a lognormal or gamma prior";
  return { path, message: `${name} is ${what}, but its prior ${describePrior(prior)} reaches outside that`, hint };
}

function checkPrior(name: string, raw: unknown, path: PropertyKey[], requireSource: boolean): RawIssue[] {
  const parsed = priorSchema.safeParse(raw);
  if (!parsed.success) return []; // the schema reports it
  const prior = parsed.data;
  const issues: RawIssue[] = priorProblems(prior).map((p) => ({ path: [...path, p.key], message: p.message, hint: p.hint }));
  if (issues.length === 0) {
    const d = domainIssue(name, prior, path);
    if (d) issues.push(d);
  }
  if (requireSource && prior.source === undefined)
    issues.push({ path, message: `parameter ${name} has no source`, hint: 'add source: "<citation>" or source: "assumption"' });
  return issues;
}

function unknownParameter(name: string, path: PropertyKey[]): RawIssue {
  const guess = didYouMean(name, PARAMETER_NAMES);
  return {
    path: path.slice(0, -1),
    key: name,
    message: `unknown parameter "${name}": the model has no such parameter`,
    hint: guess ? `did you mean "${guess}"?` : "run `guarantor schema --parameters` to list the model's parameters",
  };
}

function checkParameters(data: Obj): RawIssue[] {
  if (!isObj(data.parameters)) return [];
  const issues: RawIssue[] = [];
  for (const [name, raw] of Object.entries(data.parameters)) {
    const path = ["parameters", name];
    if (!parameterSpec(name)) issues.push(unknownParameter(name, path));
    else issues.push(...checkPrior(name, raw, path, true));
  }
  const missing = PARAMETERS.map((p) => p.name).filter((n) => !(n in (data.parameters as Obj)));
  if (missing.length > 0)
    issues.push({
      path: ["parameters"],
      message: `missing prior${missing.length === 1 ? "" : "s"} for ${missing.join(", ")}`,
      hint: "every model parameter needs a prior and a source (see docs/MODEL.md)",
    });
  return issues;
}

function checkPerspectives(data: Obj): RawIssue[] {
  if (!isObj(data.perspectives)) return [];
  const issues: RawIssue[] = [];
  const ids = Object.keys(data.perspectives);
  if (ids.length > MAX_PERSPECTIVES)
    issues.push({ path: ["perspectives"], message: "too many perspectives", expected: `at most ${MAX_PERSPECTIVES}`, received: `${ids.length}` });
  if (ids.includes(BASELINE_PERSPECTIVE))
    issues.push({
      path: ["perspectives"],
      key: BASELINE_PERSPECTIVE,
      message: `perspective id "${BASELINE_PERSPECTIVE}" is reserved: it means the scenario's own priors`,
      hint: "give this perspective another id",
    });
  const options = list(data.options).map((o) => (isObj(o) ? str(o.id) : undefined)).filter((x): x is string => x !== undefined);
  // with no options, or an id used twice, the options' own problem is the one to report
  const checkReferences = options.length > 0 && new Set(options).size === options.length;
  for (const [pid, p] of Object.entries(data.perspectives)) {
    if (!isObj(p)) continue;
    if (isObj(p.overrides))
      for (const [name, raw] of Object.entries(p.overrides)) {
        const path = ["perspectives", pid, "overrides", name];
        if (!parameterSpec(name)) issues.push(unknownParameter(name, path));
        else issues.push(...checkPrior(name, raw, path, false));
      }
    list(p.conclusions).forEach((c, ci) => isObj(c) && issues.push(...checkConclusion(c, ["perspectives", pid, "conclusions", ci], checkReferences ? options : undefined)));
  }
  return issues;
}

/** A conclusion's checks: known option ids (unless `options` is undefined), the field its relation needs, nothing it ignores. */
function checkConclusion(c: Obj, at: PropertyKey[], options: string[] | undefined): RawIssue[] {
  const issues: RawIssue[] = [];
  list(c.checks).forEach((k, ki) => {
    if (!isObj(k)) return;
    const path = [...at, "checks", ki];
    const relation = str(k.relation) ?? "";
    if (!Object.hasOwn(COMPARED_WITH, relation)) return; // the schema names the unknown relation
    const needs = COMPARED_WITH[relation as keyof typeof COMPARED_WITH];
    const unused = needs === "than" ? "value" : "than";
    if (!Object.hasOwn(k, needs)) issues.push({ path, message: `relation "${relation}" needs \`${needs}\``, hint: needs === "than" ? 'the options compared with: a list of option ids, or "others"' : "the number the outcome is compared with" });
    if (Object.hasOwn(k, unused)) issues.push({ path, key: unused, message: `relation "${relation}" does not use \`${unused}\``, hint: "remove it" });
    if (relation !== "near" && Object.hasOwn(k, "within")) issues.push({ path, key: "within", message: `only relation "near" uses \`within\``, hint: "remove it" });
    if (relation === "near" && k.than === "others") issues.push({ path: [...path, "than"], message: 'relation "near" compares with listed options, not "others"' });
    if (options)
      for (const field of ["options", "than"] as const)
        list(k[field]).forEach((ref, ri) => {
          if (typeof ref !== "string" || options.includes(ref)) return;
          const guess = didYouMean(ref, options);
          issues.push({ path: [...path, field, ri], message: `unknown option "${ref}"`, expected: `one of the scenario's options (${options.join(", ")})`, received: `"${ref}"`, hint: guess ? `did you mean "${guess}"?` : undefined });
        });
  });
  return issues;
}

const CONDITIONAL = new Set([...OUTCOMES.filter((o) => o.conditionalOnAcceptance).map((o) => o.name as string), "loss"]);
/** rates that are ratios of two means (docs/MODEL.md §8): not a value of one trajectory, so not a loss term */
const RATIOS = new Set(OUTCOMES.filter((o) => "ratio" in o && o.ratio === true && !o.conditionalOnAcceptance).map((o) => o.name as string));

function checkLoss(data: Obj): RawIssue[] {
  const issues: RawIssue[] = [];
  if (isObj(data.loss) && isObj(data.loss.weights)) issues.push(...unweightable(data.loss.weights, ["loss", "weights"]));
  if (isObj(data.perspectives))
    for (const [pid, p] of Object.entries(data.perspectives)) if (isObj(p) && isObj(p.loss_weights)) issues.push(...unweightable(p.loss_weights, ["perspectives", pid, "loss_weights"]));
  return issues;
}

/** Weights on outcomes a loss cannot weight (unknown outcome names are the schema's to report). */
function unweightable(weights: Obj, path: string[]): RawIssue[] {
  const reason = (name: string) => (name === "loss" ? "it is the loss itself" : RATIOS.has(name) ? "it is a ratio of two means, not a value of each trajectory" : "it is conditional on acceptance");
  return Object.keys(weights)
    .filter((name) => CONDITIONAL.has(name) || RATIOS.has(name))
    .map((name) => ({
      path: [...path, name],
      message: `${name} cannot be weighted in the loss: ${reason(name)}`,
      hint: "weigh outcomes over all trajectories, e.g. expected_war_months",
    }));
}
