// Expands the CLI's file arguments: plain files, directories (searched for policy-like files) and
// glob patterns (`*`, `?`, `**`), so `lint "policies/**/*.yaml"` works even where the shell does not expand it.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { POLICY_FILE_EXTENSIONS } from '../formats/registry';
import { compileWildcard, hasWildcard } from '../iam/wildcard';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', '.cache']);

export class FileArgumentError extends Error {}

export function expandFileArguments(args: readonly string[], cwd: string): string[] {
  const found: string[] = [];
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) found.push(arg);
    else if (stat?.isDirectory())
      found.push(
        ...walk(absolute)
          .filter(isPolicyLike)
          .map((f) => relative(cwd, f) || f),
      );
    else if (hasWildcard(arg)) {
      const matches = expandGlob(arg, cwd);
      if (matches.length === 0) throw new FileArgumentError(`no file matches ${arg}`);
      found.push(...matches);
    } else throw new FileArgumentError(`cannot read ${arg}: no such file or directory`);
  }
  return [...new Set(found)];
}

function isPolicyLike(file: string): boolean {
  const lower = file.toLowerCase();
  return POLICY_FILE_EXTENSIONS.some((e) => lower.endsWith(e)) && !lower.endsWith('package.json') && !lower.endsWith('package-lock.json');
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function walk(directory: string): string[] {
  const files: string[] = [];
  const stack = [directory];
  while (stack.length > 0) {
    const current = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) stack.push(path);
      } else if (entry.isFile()) files.push(path);
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
  return walk(base)
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
