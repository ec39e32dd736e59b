// The CLI in-process, as the bin runs it but with captured output: tests need no process per call.
import { runCli } from '../server/src/cli/run';
import { repoRoot } from './helpers';

export interface CliResult {
  readonly code: number | 'lsp';
  readonly stdout: string;
  readonly stderr: string;
  /** stdout's non-empty lines */
  readonly lines: string[];
}

export function cli(args: readonly string[], cwd = repoRoot): CliResult {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr, lines: stdout.split('\n').filter(Boolean) };
}
