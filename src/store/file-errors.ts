/**
 * File-system failures in words: which path, what was being done, and what is wrong with it
 * (permission, read-only disk, full disk, missing folder), instead of a bare error code.
 */
import { dirname } from "node:path";

const REASONS: Record<string, (path: string) => string> = {
  EACCES: (path) => `permission denied: this user needs write permission on ${dirname(path)} (and on ${path} if it exists)`,
  EPERM: (path) => `operation not permitted: this user needs write permission on ${dirname(path)} (and on ${path} if it exists)`,
  EROFS: () => "the file system is read-only",
  ENOSPC: () => "no space left on the device",
  EDQUOT: () => "the disk quota is used up",
  ENOENT: (path) => `the folder ${dirname(path)} does not exist`,
  ENOTDIR: () => "a part of the path is a file, not a folder",
  EISDIR: () => "the path is a folder, not a file",
  // mkdir of a path that is already a file
  EEXIST: () => "a file is in the way where a folder is needed",
};

/** "cannot open the run store /x/runs.sqlite: permission denied: … (EACCES)". */
export function describeFileError(e: unknown, path: string, action: string): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const reason = code && REASONS[code] ? `${REASONS[code](path)} (${code})` : e instanceof Error ? e.message : String(e);
  return `cannot ${action} ${path}: ${reason}`;
}
