/**
 * One server per run store: a lock file beside the store (`runs.sqlite.lock`) holding the owner's
 * pid and address. A second server finds it and refuses to start, naming the owner, so it can never
 * mark the owner's running runs interrupted or delete them. A lock whose pid is no longer alive
 * (the owner was killed) is stale and taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { InputError } from "../errors.js";
import { describeFileError } from "./file-errors.js";
import { checkStoreFolder } from "./run-store.js";

export interface LockOwner {
  pid: number;
  /** where the owner serves, once it listens ("" while it starts) */
  url: string;
  startedAt: string;
}

export class StoreLock {
  private released = false;

  private constructor(
    readonly path: string,
    private readonly owner: LockOwner,
  ) {}

  /** Takes the lock of the store at `storePath`, or throws an InputError naming the server that holds it. */
  static acquire(storePath: string): StoreLock {
    // the store's folder may not exist yet (a first start): create it, or say why it cannot be
    checkStoreFolder(storePath);
    const path = `${storePath}.lock`;
    const owner: LockOwner = { pid: process.pid, url: "", startedAt: new Date().toISOString() };
    // two tries: the second after removing a stale lock
    for (let attempt = 0; attempt < 2; attempt++) {
      let fd: number;
      try {
        fd = openSync(path, "wx", 0o644);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new InputError(describeFileError(e, path, "create the lock file of the run store"));
        const holder = readOwner(path);
        if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
          const where = holder.url ? ` at ${holder.url}` : " (still starting)";
          throw new InputError(
            `the run store ${storePath} is in use by another guarantor server (pid ${holder.pid}${where}); ` +
              `stop that server, or give this one another store with --store`,
          );
        }
        // the owner died without removing its lock (or the file is unreadable): take it over
        rmSync(path, { force: true });
        continue;
      }
      try {
        writeSync(fd, JSON.stringify(owner));
      } finally {
        closeSync(fd);
      }
      return new StoreLock(path, owner);
    }
    throw new InputError(`cannot take the lock ${path}: another server took it at the same moment; try again`);
  }

  /** Records the address the owner listens on, for the message a second server shows. */
  setUrl(url: string): void {
    this.owner.url = url;
    try {
      rewriteInPlace(this.path, JSON.stringify(this.owner));
    } catch {
      // the pid alone still guards the store
    }
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    // only our own lock: never remove one a later server has taken over
    if (readOwner(this.path)?.pid === process.pid) rmSync(this.path, { force: true });
  }
}

function rewriteInPlace(path: string, text: string): void {
  const fd = openSync(path, "r+");
  try {
    writeSync(fd, text.padEnd(200, " "), 0);
  } finally {
    closeSync(fd);
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8").slice(0, 4096)) as Partial<LockOwner>;
    return typeof parsed.pid === "number" && Number.isInteger(parsed.pid) && parsed.pid > 0
      ? { pid: parsed.pid, url: typeof parsed.url === "string" ? parsed.url : "", startedAt: String(parsed.startedAt ?? "") }
      : null;
  } catch {
    return null;
  }
}

/** Signal 0 checks that a process exists; EPERM means it exists but belongs to someone else. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
