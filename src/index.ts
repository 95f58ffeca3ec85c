/** guarantor as a library: load a scenario, evaluate its options, analyse the results. */
export { InputError, UsageError } from "./errors.js";
