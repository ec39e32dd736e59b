// profile-policy: lint | lsp. Exit codes: 0 clean, 1 errors found, 2 bad usage or unreadable input.
import { StreamMessageReader, StreamMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ConfigError, findConfig, loadConfig } from './cli/config';
import { FileArgumentError, expandFileArguments } from './cli/files';
import { formatResults, type OutputFormat } from './cli/formats';
import { UnreadableFileError, countBySeverity, lintFile } from './cli/lint';
import { SimulateUsageError, runSimulate } from './cli/simulate';
import { DEFAULT_SETTINGS } from './rules/settings';
import { SimulationInputError } from './simulate/run';
import { startServer } from './server';

const USAGE = `Usage:
  profile-policy lint [options] <files, directories or globs…>
      Check IAM policies (JSON, YAML, CloudFormation/SAM templates).
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
      --json                     {"decision": …, "statements": […]} instead of text
      --expect DECISION          exit 1 unless the decision is Allow, ExplicitDeny or ImplicitDeny
  profile-policy lsp --stdio
      Run the language server over standard input and output (for Neovim, Emacs, …).
  profile-policy --help | --version`;

class UsageError extends Error {}

function main(argv: readonly string[]): number | undefined {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint':
      return lint(rest);
    case 'simulate':
      return runSimulate(rest, (text) => process.stdout.write(`${text}\n`));
    case 'lsp':
      if (!rest.includes('--stdio')) throw new UsageError('lsp needs --stdio');
      startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)));
      return undefined;
    case '--version':
    case '-v':
      process.stdout.write(`${PACKAGE_VERSION}\n`);
      return 0;
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case undefined:
      throw new UsageError('no command given');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function lint(args: readonly string[]): number {
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
  const config = configPath ?? findConfig(process.cwd());
  const settings = config ? loadConfig(config) : DEFAULT_SETTINGS;
  const files = expandFileArguments(patterns, process.cwd());
  const results = files
    .map((file) => lintFile(file, settings))
    .map((r) => (includeHints ? r : { ...r, findings: r.findings.filter((f) => f.severity !== 'hint') }));
  const output = formatResults(format, results, PACKAGE_VERSION);
  if (output) process.stdout.write(`${output}\n`);
  const counts = countBySeverity(results);
  if (!quiet) {
    process.stderr.write(
      `${files.length} file${files.length === 1 ? '' : 's'} checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info + counts.hint} note(s)\n`,
    );
  }
  if (counts.warning > maxWarnings && !quiet) process.stderr.write(`more than ${maxWarnings} warning(s)\n`);
  return counts.error > 0 || counts.warning > maxWarnings ? 1 : 0;
}

declare const PACKAGE_VERSION: string;

try {
  const code = main(process.argv.slice(2));
  if (code !== undefined) process.exitCode = code;
} catch (error) {
  if (error instanceof UsageError || error instanceof SimulateUsageError) {
    process.stderr.write(`profile-policy: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (
    error instanceof FileArgumentError ||
    error instanceof UnreadableFileError ||
    error instanceof ConfigError ||
    error instanceof SimulationInputError
  ) {
    process.stderr.write(`profile-policy: ${error.message}\n`);
    process.exitCode = 2;
  } else throw error;
}
