// Entry of a fuzz worker thread: registers tsx (the TypeScript loader) in this thread, then loads
// the TypeScript worker (fuzz/worker.ts).
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
