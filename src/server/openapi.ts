/**
 * The API's OpenAPI 3.1 description, served at /openapi.json. Request bodies come from the same
 * zod schemas that check requests, so the description cannot drift from the checks.
 */
import { z } from "zod";
import { CruxJobRequest, SensitivityJobRequest } from "./analysis-schemas.js";
import { BacktestRequest } from "./evidence-api.js";
import { RunRequest, ValidateRequest } from "./schemas.js";

const json = (schema: object) => ({ content: { "application/json": { schema } } });
const error = (description: string) => ({ description, ...json({ $ref: "#/components/schemas/Error" }) });
const runId = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const run = { $ref: "#/components/schemas/RunSummary" };
const notFound = error("no run with this id");
const query = (name: string, schema: object, description: string) => ({ name, in: "query", required: false, schema, description });
const caseSet = query("data", { enum: ["ceasefires", "interstate"], default: "ceasefires" }, "bundled case set");
const badQuery = error("unknown, repeated or malformed query parameter (the message names it)");

export function openApiDocument(version: string): object {
  return {
    openapi: "3.1.0",
    info: {
      title: "guarantor local API",
      version,
      description: "Validate and evaluate peace-settlement scenarios; runs are kept in a local SQLite store.",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/info": { get: { summary: "Program version and request limits", responses: { 200: { description: "ok" } } } },
      "/api/scenarios/default": {
        get: { summary: "The bundled scenario's YAML text", responses: { 200: { description: "name and text" } } },
      },
      "/api/validate": {
        post: {
          summary: "Check a scenario; problems carry line and column",
          requestBody: { required: true, ...json(z.toJSONSchema(ValidateRequest)) },
          responses: {
            200: { description: "{valid: true, scenario} or {valid: false, problems}" },
            400: error("malformed body"),
            413: error("body too large"),
            415: error("not JSON"),
          },
        },
      },
      "/api/runs": {
        get: { summary: "Stored runs, newest first", responses: { 200: { description: "{runs: RunSummary[]}" } } },
        post: {
          summary: "Start a run; its progress streams from /api/runs/{id}/events",
          requestBody: { required: true, ...json(z.toJSONSchema(RunRequest, { io: "input" })) },
          responses: {
            202: { description: "the queued run", ...json(run) },
            400: error("malformed body"),
            413: error("body too large"),
            415: error("not JSON"),
            422: error("scenario problems (with `problems`) or unknown options/perspectives"),
            503: error("too many runs waiting"),
          },
        },
      },
      "/api/runs/{id}": {
        parameters: [runId],
        get: { summary: "A run with its scenario, progress and results", responses: { 200: { description: "run" }, 404: notFound } },
        delete: {
          summary: "Delete an ended run (a waiting or running one is a 409: cancel it first)",
          responses: { 204: { description: "deleted" }, 404: notFound, 409: error("the run is waiting or running") },
        },
      },
      "/api/runs/{id}/cancel": {
        parameters: [runId],
        post: {
          summary: "Cancel a waiting or running run (kept as cancelled); never deletes",
          responses: { 200: { description: "the cancelled run", ...json(run) }, 404: notFound, 409: error("the run has already ended") },
        },
      },
      "/api/runs/{id}/rerun": {
        parameters: [runId],
        post: { summary: "Run again with the stored inputs (same numbers)", responses: { 202: { description: "the new run", ...json(run) }, 404: notFound } },
      },
      "/api/runs/{id}/events": {
        parameters: [runId],
        get: {
          summary: "Server-sent events: `progress` {done,total}, then `end` {status,error}",
          responses: { 200: { description: "text/event-stream" }, 404: notFound },
        },
      },
      "/api/runs/{id}/export.json": {
        parameters: [runId],
        get: { summary: "Inputs and results as a JSON file", responses: { 200: { description: "attachment" }, 404: notFound, 409: error("not finished") } },
      },
      "/api/evidence/survival": {
        get: {
          summary: "Kaplan–Meier survival of peace by group, pointwise 95 % Greenwood bands, log-rank test",
          parameters: [
            caseSet,
            query("by", { type: "string" }, "covariate to split by (default: peacekeeping, or major_power_pact for interstate)"),
            query("where", { type: "string", pattern: "^[a-z_]+=(0|1)$" }, "keep only cases with this covariate value"),
          ],
          responses: { 200: { description: "{data, title, by, where, covariates, curves[], logRank, duration}: duration is the maximum-likelihood duration dependence of all the cases shown (absent when none had a war)" }, 400: badQuery },
        },
      },
      "/api/evidence/backtest": {
        get: {
          summary: "Out-of-sample Brier scores and reliability bins of the base rate, the Cox model and the simulator",
          parameters: [
            caseSet,
            query("scheme", { enum: ["loo", "time-split"], default: "loo" }, "validation scheme"),
            query("horizon", { enum: ["2", "5", "10"], default: "5" }, "years"),
            query("splitYear", { type: "integer" }, "first test year for time-split (default 1989 cease-fires, 1946 interstate)"),
            query("evidencePriors", { enum: ["calibrated", "uncalibrated"], default: "calibrated" }, "the registry's evidence priors with or without their calibrated entries (docs/EVIDENCE.md §4)"),
            query("ceasefireSpoilers", { enum: ["registry", "interstate", "refit"] }, "cease-fires only: the cease-fires' spoiler rate from the registry, the inter-state one, or refitted on the training cases (default registry, interstate when uncalibrated)"),
          ],
          responses: { 200: { description: "{data, scheme, testCases, predictors, horizon, modelIncluded, note}" }, 400: badQuery },
        },
        post: {
          summary: "The same backtest with the simulator on a given scenario's model (its priors and mechanisms, the evidence perspective's priors)",
          requestBody: { required: true, ...json(z.toJSONSchema(BacktestRequest, { io: "input" })) },
          responses: {
            200: { description: "{data, scheme, testCases, predictors, horizon, modelIncluded, note}" },
            400: error("malformed body"),
            422: error("scenario problems (with `problems`)"),
          },
        },
      },
      "/api/evidence/cases": {
        get: {
          summary: "The case library run through the model under each perspective, forecasts of the coded outcomes and their Brier and log scores",
          parameters: [query("trajectories", { enum: ["300", "100", "1000"], default: "300" }, "trajectories per case and perspective (seed 20251)")],
          responses: { 200: { description: "{seed, trajectories, questions, perspectives, cases[], runs[], scores[], note}" }, 400: badQuery },
        },
      },
      "/api/evidence/calibration": {
        get: {
          summary: "The calibrated priors (method, data, fit figures) beside the bundled scenario's priors, and each perspective's standardized distance from them",
          responses: { 200: { description: "{scenario, priors[], note}" }, 400: badQuery },
        },
      },
      "/api/analyses/sensitivity": {
        post: {
          summary: "Start a Morris or Sobol sensitivity analysis of an outcome or an option difference; progress at /api/analyses/{id}/events",
          requestBody: { required: true, ...json(z.toJSONSchema(SensitivityJobRequest, { io: "input" })) },
          responses: {
            202: { description: "{id, kind, status}" },
            400: error("malformed body or a size out of bounds"),
            422: error("scenario problems (with `problems`) or an unknown option, perspective or parameter"),
            503: error("too many analyses waiting"),
          },
        },
      },
      "/api/analyses/cruxes": {
        post: {
          summary: "Start a crux analysis (thresholds where the better option changes) and a two-parameter map of the best option",
          requestBody: { required: true, ...json(z.toJSONSchema(CruxJobRequest, { io: "input" })) },
          responses: {
            202: { description: "{id, kind, status}" },
            400: error("malformed body or a size out of bounds"),
            422: error("scenario problems (with `problems`) or an unknown option, perspective or parameter"),
            503: error("too many analyses waiting"),
          },
        },
      },
      "/api/analyses/{id}": {
        parameters: [runId],
        get: { summary: "An analysis: status, progress, result or error", responses: { 200: { description: "job" }, 404: error("no such analysis") } },
        delete: { summary: "Forget an ended analysis (a waiting or running one is a 409: cancel it first)", responses: { 204: { description: "forgotten" }, 404: error("no such analysis"), 409: error("the analysis is waiting or running") } },
      },
      "/api/analyses/{id}/cancel": {
        parameters: [runId],
        post: { summary: "Cancel a waiting or running analysis; never forgets it", responses: { 200: { description: "{id, kind, status}" }, 404: error("no such analysis"), 409: error("the analysis has already ended") } },
      },
      "/api/analyses/{id}/events": {
        parameters: [runId],
        get: { summary: "Server-sent events: `progress` {done,total}, then `end` {status,error}", responses: { 200: { description: "text/event-stream" }, 404: error("no such analysis") } },
      },
      "/api/runs/{id}/export.csv": {
        parameters: [runId],
        get: {
          summary: "Outcome table as CSV: option, perspective, outcome, mean, se, trajectories",
          responses: { 200: { description: "attachment" }, 404: notFound, 409: error("not finished") },
        },
      },
      "/api/whatif": {
        post: {
          summary: "Re-rank options under one perspective with some parameters fixed at chosen values: a small seeded evaluation, not stored",
          responses: { 200: { description: "{perspective, seed, trajectories, values, order: [{option, loss: {mean, se}}]}" }, 400: error("malformed request or unknown parameter"), 422: error("the scenario with these values has problems"), 503: error("a what-if evaluation is running") },
        },
      },
      "/api/runs/{id}/report.html": {
        parameters: [runId],
        get: {
          summary: "The run as one self-contained HTML report: comparison, charts, perspectives and sources, cruxes between the two leading options, priors with sources, seed and version",
          responses: { 200: { description: "attachment (text/html)" }, 404: notFound, 409: error("not finished"), 503: error("two reports are already being prepared") },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: { type: "string" },
            problems: { type: "array", items: { $ref: "#/components/schemas/Problem" } },
          },
        },
        Problem: {
          type: "object",
          required: ["line", "column", "path", "message"],
          properties: {
            line: { type: "integer" },
            column: { type: "integer" },
            path: { type: "string" },
            message: { type: "string" },
            expected: { type: "string" },
            received: { type: "string" },
            hint: { type: "string" },
          },
        },
        RunSummary: {
          type: "object",
          properties: {
            id: { type: "string", format: "uuid" },
            status: { enum: ["queued", "running", "finished", "failed", "interrupted", "cancelled"] },
            scenarioName: { type: "string" },
            scenarioHash: { type: "string" },
            seed: { type: "integer" },
            trajectories: { type: "integer" },
            programVersion: { type: "string" },
            createdAt: { type: "string", format: "date-time" },
          },
        },
      },
    },
  };
}
