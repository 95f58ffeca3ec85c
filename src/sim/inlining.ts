/**
 * V8's inlining budget for the simulator (docs/SIMULATION.md, "Inlining"). The steppers' hot path
 * is a few large methods (a span of peace with its elections, the crisis law, the coalition's
 * expected war terms) that call many small pure functions; with V8's default cumulative budget
 * (920 bytes of bytecode inlined into one optimised function) the later calls stay calls that box
 * the doubles they pass. A larger budget inlines them. Inlining does not change any number: V8
 * evaluates every floating-point operation as written (IEEE double, no fused or reordered
 * arithmetic), inlined or not. The flag is process-wide and is set once, when the simulator is
 * loaded, before its functions are optimised.
 */
import { setFlagsFromString } from "node:v8";

/** Bytes of bytecode V8 may inline into one optimised function (V8's default: 920). */
export const INLINING_BUDGET = 3000;

setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`);
