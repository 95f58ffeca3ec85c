/**
 * Reading a user-named file with a byte cap that does not trust `stat`: devices such as
 * /dev/zero report size 0 and never end, pipes have no size at all. The file is read in chunks
 * and refused as soon as it passes the cap, with a message naming the limit. Depends on nothing
 * but node:fs and the error types, so any loader (game files, scenarios) can use it.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { InputError } from "../errors.js";

const CHUNK_BYTES = 1 << 16;

/** "16 MiB", "512 KiB", "100 bytes": a byte count as people read it. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MiB`;
  if (bytes >= 1 << 10 && bytes % (1 << 10) === 0) return `${bytes / (1 << 10)} KiB`;
  return `${bytes} bytes`;
}

function openError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT" ? "no such file"
    : code === "EACCES" || code === "EPERM" ? "permission denied"
    : code === "EISDIR" ? "it is a directory"
    : code ?? String(e);
  return new InputError(`cannot read ${path}: ${reason}`);
}

/**
 * The file's bytes, at most `maxBytes` of them; an InputError naming `what` and the limit if
 * the file is longer (found after reading maxBytes + 1 bytes, whatever `stat` says).
 */
export function readFileBytesBounded(path: string, maxBytes: number, what = "file"): Buffer {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    throw openError(path, e);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    while (true) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      total += got;
      if (total > maxBytes) {
        throw new InputError(`${path}: the ${what} is larger than ${describeBytes(maxBytes)}, the most guarantor reads`);
      }
      chunks.push(got === chunk.length ? chunk : chunk.subarray(0, got));
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw openError(path, e);
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks, total);
}

/** The file as UTF-8 text, at most `maxBytes` bytes (see readFileBytesBounded). */
export function readFileTextBounded(path: string, maxBytes: number, what = "file"): string {
  return readFileBytesBounded(path, maxBytes, what).toString("utf8");
}
