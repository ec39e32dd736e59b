// profile-policy lint | simulate | lsp, run in-process: the entry (cli.ts) gives it the process's
// arguments, output streams and working directory; tests give it their own.
// Exit codes: 0 clean, 1 errors found (or a decision other than --expect), 2 bad usage or unreadable input.
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS } from '../rules/settings';
import { SimulationInputError } from '../simulate/run';
import { ConfigError, findConfig, loadConfig } from './config';
import { FileArgumentError, expandFileArguments } from './files';
import { formatResults, type OutputFormat } from './formats';
import { countBySeverity, lintFile } from './lint';
import { UnreadableFileError } from './read';
import { SimulateUsageError, runSimulate } from './simulate';

export const USAGE = `Usage:
  profile-policy lint [options] <files, directories or globs…>
      Check IAM policies (JSON, YAML, CloudFormation/SAM templates, Terraform .tf files).
      --format text|json|sarif   output (default text: file:line:col severity rule message)
      --max-warnings N           also fail (exit 1) when there are more than N warnings
      --include-hints            also report hint-level findings (style suggestions)
      --config FILE              settings file (default: .profile-policy.json, searched upwards)
      --quiet                    no summary line on standard error
      Exits 0 when clean, 1 when an error (or too many warnings) was found, 2 on bad usage or input.
  profile-policy simulate --policy FILE --action ACTION --resource ARN [options]
      Evaluate a request against an identity policy and explain the decision.
      --context KEY=VALUE        a condition key of the request (repeat a key for a list)
      --context-file FILE.json   condition keys as a JSON object of key → string or list of strings
      --select TEXT              the policy to use, by its name, when a template holds several
      --statement N              simulate statement N on its own
      --parameter NAME=VALUE     a template parameter for Ref and Fn::Sub (defaults and AWS::Partition,
                                 AWS::Region, AWS::AccountId from the resource ARN are used otherwise)
      --json                     {"decision": …, "statements": […]} instead of text
      --expect DECISION          exit 1 unless the decision is Allow, ExplicitDeny, ImplicitDeny or
                                 Undetermined (the answer depends on what only the deployment decides,
                                 or terraform apply)
  profile-policy lsp --stdio
      Run the language server over standard input and output (for Neovim, Emacs, …).
  profile-policy --help | --version`;

export interface CliIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

class UsageError extends Error {}

declare const PACKAGE_VERSION: string;

/** Runs a command; 'lsp' asks the caller to start the language server on its standard streams. */
export function runCli(argv: readonly string[], io: CliIo): number | 'lsp' {
  try {
    return run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SimulateUsageError) {
      io.stderr(`profile-policy: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof FileArgumentError || error instanceof UnreadableFileError || error instanceof ConfigError || error instanceof SimulationInputError) {
      io.stderr(`profile-policy: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function run(argv: readonly string[], io: CliIo): number | 'lsp' {
  const [command, ...rest] = argv;
  const help = rest.includes('--help') || rest.includes('-h');
  switch (command) {
    case 'lint':
      if (help) return printHelp(io);
      return lint(rest, io);
    case 'simulate':
      if (help) return printHelp(io);
      return runSimulate(
        rest,
        io.cwd,
        (text) => io.stdout(`${text}\n`),
        (text) => io.stderr(`${text}\n`),
      );
    case 'lsp':
      if (!rest.includes('--stdio')) throw new UsageError('lsp needs --stdio');
      return 'lsp';
    case '--version':
    case '-v':
      io.stdout(`${PACKAGE_VERSION}\n`);
      return 0;
    case '--help':
    case '-h':
    case 'help':
      return printHelp(io);
    case undefined:
      throw new UsageError('no command given');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function printHelp(io: CliIo): number {
  io.stdout(`${USAGE}\n`);
  return 0;
}

function lint(args: readonly string[], io: CliIo): number {
  const patterns: string[] = [];
  let configPath: string | undefined;
  let quiet = false;
  let format: OutputFormat = 'text';
  let maxWarnings = Infinity;
  let includeHints = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--config') {
      configPath = args[++i];
      if (!configPath) throw new UsageError('--config needs a file');
    } else if (arg === '--format') {
      const value = args[++i];
      if (value !== 'text' && value !== 'json' && value !== 'sarif') throw new UsageError('--format takes text, json or sarif');
      format = value;
    } else if (arg === '--max-warnings') {
      const value = args[++i] ?? '';
      if (!/^\d+$/.test(value)) throw new UsageError('--max-warnings takes a whole number');
      maxWarnings = Number(value);
    } else if (arg === '--include-hints') includeHints = true;
    else if (arg === '--quiet') quiet = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option "${arg}"`);
    else patterns.push(arg);
  }
  if (patterns.length === 0) throw new UsageError('lint needs at least one file, directory or glob');
  const config = configPath ? resolve(io.cwd, configPath) : findConfig(io.cwd);
  const settings = config ? loadConfig(config) : DEFAULT_SETTINGS;
  const files = expandFileArguments(patterns, io.cwd);
  const results = files
    .map((file) => lintFile(file, resolve(io.cwd, file), settings))
    .map((r) => (includeHints ? r : { ...r, findings: r.findings.filter((f) => f.severity !== 'hint') }));
  const output = formatResults(format, results, PACKAGE_VERSION, io.cwd);
  if (output) io.stdout(`${output}\n`);
  const counts = countBySeverity(results);
  if (!quiet) {
    io.stderr(
      `${files.length} file${files.length === 1 ? '' : 's'} checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info + counts.hint} note(s)\n`,
    );
  }
  if (counts.warning > maxWarnings && !quiet) io.stderr(`more than ${maxWarnings} warning(s)\n`);
  return counts.error > 0 || counts.warning > maxWarnings ? 1 : 0;
}
