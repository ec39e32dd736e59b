// Reading the CLI's input files: only regular files (a named pipe would block forever, /dev/zero never
// ends), symbolic links followed, and each failure told as what the path is. Every message here ends
// the command with exit code 2.
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs';
import { keepShape } from '../iam/shapes';

export class UnreadableFileError extends Error {}

/** What a path that is not a regular file is, for the message. */
export function describeNonFile(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Why a path cannot be read, from the error the file system gave. */
export function describeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a path through something that is not a directory';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ENXIO':
      return 'it is a socket or a device, not a regular file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The file's status, following symbolic links; a failure is an UnreadableFileError naming the path as shown. */
export function statFile(path: string, shown: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    throw new UnreadableFileError(`cannot read ${shown}: ${describeFailure(error)}`);
  }
}

export interface ReadFile {
  readonly text: string | undefined;
  /** Set when the file was too large to read: its size in bytes. */
  readonly skippedSize?: number;
}

/**
 * The text of a regular file. maxCharacters: a file too large to hold that many characters is not read
 * (UTF-8 takes at most three bytes for each UTF-16 code unit, so a file over three times the limit
 * surely exceeds it).
 */
export function readRegularFile(path: string, shown: string, maxCharacters?: number): ReadFile {
  // Opened without blocking (a named pipe would wait for a writer), then asked what it is: one path
  // lookup instead of a stat and an open, which shows when a directory of thousands of files is linted.
  // Where there is no O_NONBLOCK (Windows), the path is asked first.
  if (constants.O_NONBLOCK === undefined) {
    const stat = statFile(path, shown);
    if (!stat.isFile()) throw new UnreadableFileError(`cannot read ${shown}: it is ${describeNonFile(stat)}, not a regular file`);
  }
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new UnreadableFileError(`cannot read ${shown}: ${describeFailure(error)}`);
  }
  try {
    const stat = fstatSync(descriptor);
    if (!statsKept) {
      // Node's Stats objects die between files: the first is kept as their sample (see keepShape).
      keepShape(stat);
      statsKept = true;
    }
    if (!stat.isFile()) throw new UnreadableFileError(`cannot read ${shown}: it is ${describeNonFile(stat)}, not a regular file`);
    if (maxCharacters !== undefined && stat.size > 3 * maxCharacters) return { text: undefined, skippedSize: stat.size };
    return { text: readFileSync(descriptor, 'utf8') };
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`cannot read ${shown}: ${describeFailure(error)}`);
  } finally {
    try {
      closeSync(descriptor);
    } catch {
      // What was read stands; a descriptor that fails to close is the system's to reclaim.
    }
  }
}

let statsKept = false;

/** The text of a regular file that must be read whole (settings, a policy to simulate, a context). */
export function readInputFile(path: string, shown: string): string {
  return readRegularFile(path, shown).text!;
}
