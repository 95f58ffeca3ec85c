/**
 * Reading an input file with a byte cap that does not trust `stat`: a device (/dev/zero), a pipe
 * or a file that grows is read in chunks and refused as soon as it passes the cap, so no input
 * file (scenario, game, case) can exhaust memory. Failures are InputErrors that name the file and the reason.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { InputError } from "../errors.js";

const CHUNK_BYTES = 64 * 1024;

/** "16 MiB", "512 KiB", "100 bytes": a byte count as people read it. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MiB`;
  if (bytes >= 1 << 10 && bytes % (1 << 10) === 0) return `${bytes / (1 << 10)} KiB`;
  return `${bytes} bytes`;
}

/** Why a file could not be opened or read, in words, from a Node error code. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied (the file cannot be read by this user)";
    case "EISDIR":
      return "it is a directory, not a file";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "ELOOP":
      return "too many symbolic links";
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/**
 * The bytes of `path`, at most `maxBytes` of them; more is an InputError saying so. `what` names
 * the file in messages ("scenario file").
 */
export function readFileCapped(path: string, maxBytes: number, what = "file"): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    throw new InputError(`${path}: cannot read the ${what}: ${reason(e)}`);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // one byte more than the cap tells "exactly at the cap" from "over it"
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        throw new InputError(`${path}: cannot read the ${what}: ${reason(e)}`);
      }
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new InputError(`${path}: the ${what} is larger than the limit of ${describeBytes(maxBytes)} (stopped reading after ${total} bytes)`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** As readFileCapped, decoded as UTF-8; bytes that are not UTF-8 are refused (a binary file, not text). */
export function readTextFileCapped(path: string, maxBytes: number, what = "file"): string {
  const bytes = readFileCapped(path, maxBytes, what);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`${path}: the ${what} is not UTF-8 text`);
  }
}
