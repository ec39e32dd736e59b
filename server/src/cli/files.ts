// Expands the CLI's file arguments: plain files, directories (searched for policy-like files) and
// glob patterns (`*`, `?`, `**`), so `lint "policies/**/*.yaml"` works even where the shell does not expand it.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { POLICY_FILE_EXTENSIONS } from '../formats/registry';
import { compileWildcard, hasWildcard } from '../iam/wildcard';
import { describeFailure, describeNonFile } from './read';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', '.cache']);

export class FileArgumentError extends Error {}

export function expandFileArguments(args: readonly string[], cwd: string): string[] {
  const found: string[] = [];
  const shown = (path: string) => relative(cwd, path) || path;
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(absolute);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (!missing || !hasWildcard(arg)) throw new FileArgumentError(`cannot read ${arg}: ${describeFailure(error)}`);
      const matches = expandGlob(arg, cwd);
      if (matches.length === 0) throw new FileArgumentError(`no file matches ${arg}`);
      found.push(...matches);
      continue;
    }
    if (stat.isFile()) found.push(arg);
    else if (stat.isDirectory())
      found.push(
        ...walk(absolute, shown)
          .filter(isPolicyLike)
          .map((f) => relative(cwd, f) || f),
      );
    else throw new FileArgumentError(`cannot read ${arg}: it is ${describeNonFile(stat)}, not a regular file`);
  }
  return [...new Set(found)];
}

function isPolicyLike(file: string): boolean {
  const lower = file.toLowerCase();
  return POLICY_FILE_EXTENSIONS.some((e) => lower.endsWith(e)) && !lower.endsWith('package.json') && !lower.endsWith('package-lock.json');
}

/**
 * Every regular file under a directory. Symbolic links are followed, to files and to directories, but a
 * directory is entered once (a link back up would loop); a directory that cannot be read is an error,
 * as is a policy-named entry that is not a file one can read (a dangling link, a pipe).
 */
function walk(directory: string, show: (path: string) => string): string[] {
  const files: string[] = [];
  const entered = new Set<string>();
  const stack = [directory];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries;
    try {
      const real = realpathSync(current);
      if (entered.has(real)) continue;
      entered.add(real);
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      throw new FileArgumentError(`cannot read the directory ${show(current)}: ${describeFailure(error)}`);
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) stack.push(path);
      } else if (entry.isFile()) files.push(path);
      else {
        // A symbolic link (followed), or something else: a pipe, a socket, a device.
        let target;
        try {
          target = statSync(path);
        } catch (error) {
          if (isPolicyLike(path)) throw new FileArgumentError(`cannot read ${show(path)}: ${describeFailure(error)}`);
          continue;
        }
        if (target.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) stack.push(path);
        } else if (target.isFile()) files.push(path);
        else if (isPolicyLike(path)) throw new FileArgumentError(`cannot read ${show(path)}: it is ${describeNonFile(target)}, not a regular file`);
      }
    }
  }
  return files.sort();
}

/** Matches a pattern segment by segment; `**` stands for any number of directories. */
function expandGlob(pattern: string, cwd: string): string[] {
  const segments = pattern.split(/[\\/]+/);
  const firstWild = segments.findIndex((s) => hasWildcard(s));
  const base = resolve(cwd, segments.slice(0, firstWild).join(sep) || '.');
  const rest = segments.slice(firstWild);
  const matchers = rest.map((s) => (s === '**' ? undefined : compileWildcard(s, false)));
  return walk(base, (path) => relative(cwd, path) || path)
    .filter((file) => matchSegments(relative(base, file).split(sep), matchers))
    .map((file) => relative(cwd, file) || file);
}

function matchSegments(parts: readonly string[], matchers: ReadonlyArray<((s: string) => boolean) | undefined>): boolean {
  if (matchers.length === 0) return parts.length === 0;
  const [matcher, ...rest] = matchers;
  if (matcher === undefined) {
    for (let skip = 0; skip <= parts.length; skip++) if (matchSegments(parts.slice(skip), rest)) return true;
    return false;
  }
  return parts.length > 0 && matcher(parts[0]!) && matchSegments(parts.slice(1), rest);
}
