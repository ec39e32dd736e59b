// `profile-policy simulate`: one request against a policy file; --expect turns it into a CI assertion.
import { resolve } from 'node:path';
import { formatForFile } from '../formats/registry';
import { SimulationInputError, simulateText, validateContext } from '../simulate/run';
import type { Decision, SimulationResult, Span } from '../simulate/types';
import { conditionLine } from '../protocol';
import { checkRequest } from '../service';
import { readInputFile } from './read';

export class SimulateUsageError extends Error {}

const DECISIONS: readonly Decision[] = ['Allow', 'ExplicitDeny', 'ImplicitDeny', 'Undetermined'];

interface Options {
  policy?: string;
  action?: string;
  resource?: string;
  select?: string;
  statement?: number;
  expect?: Decision;
  json: boolean;
  context: Record<string, string | string[]>;
  parameters: Record<string, string>;
}

function parseArgs(args: readonly string[], cwd: string): Options {
  const options: Options = { json: false, context: {}, parameters: {} };
  const value = (i: number, flag: string) => {
    const v = args[i];
    if (v === undefined || v.startsWith('--')) throw new SimulateUsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    switch (arg) {
      case '--policy':
        options.policy = value(++i, arg);
        break;
      case '--action':
        options.action = value(++i, arg);
        break;
      case '--resource':
        options.resource = value(++i, arg);
        break;
      case '--select':
        options.select = value(++i, arg);
        break;
      case '--statement': {
        const n = value(++i, arg);
        if (!/^[1-9]\d*$/.test(n)) throw new SimulateUsageError('--statement takes a statement number from 1');
        options.statement = Number(n) - 1;
        break;
      }
      case '--context': {
        const pair = value(++i, arg);
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new SimulateUsageError(`--context takes KEY=VALUE, not "${pair}"`);
        const key = pair.slice(0, eq);
        const previous = options.context[key];
        const next = pair.slice(eq + 1);
        // Repeating a key makes a list, for multivalued keys such as aws:TagKeys.
        options.context[key] = previous === undefined ? next : [...(Array.isArray(previous) ? previous : [previous]), next];
        break;
      }
      case '--context-file': {
        const file = value(++i, arg);
        const text = readInputFile(resolve(cwd, file), file);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          throw new SimulationInputError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
        Object.assign(options.context, validateContext(parsed));
        break;
      }
      case '--parameter': {
        const pair = value(++i, arg);
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new SimulateUsageError(`--parameter takes Name=Value, not "${pair}"`);
        options.parameters[pair.slice(0, eq)] = pair.slice(eq + 1);
        break;
      }
      case '--json':
        options.json = true;
        break;
      case '--expect': {
        const expected = value(++i, arg);
        if (!DECISIONS.includes(expected as Decision)) throw new SimulateUsageError(`--expect takes ${DECISIONS.join(', ')}`);
        options.expect = expected as Decision;
        break;
      }
      default:
        throw new SimulateUsageError(`unknown option "${arg}"`);
    }
  }
  if (!options.policy || !options.action || !options.resource) throw new SimulateUsageError('simulate needs --policy FILE, --action ACTION and --resource ARN');
  return options;
}

/** write: the result, on standard output; warn: what is wrong with the request, on standard error. */
export function runSimulate(args: readonly string[], cwd: string, write: (text: string) => void, warn: (text: string) => void): number {
  const options = parseArgs(args, cwd);
  const text = readInputFile(resolve(cwd, options.policy!), options.policy!);
  const request = {
    action: options.action!,
    resource: options.resource!,
    context: options.context,
    ...(Object.keys(options.parameters).length ? { parameters: options.parameters } : {}),
  };
  for (const warning of checkRequest(request)) warn(`profile-policy: warning: ${warning}`);
  const selection = {
    ...(options.select !== undefined ? { policy: options.select } : {}),
    ...(options.statement !== undefined ? { statement: options.statement } : {}),
  };
  const { document, policy, result } = simulateText(text, formatForFile(options.policy!, text), request, selection);
  const position = (span: Span | undefined) => {
    if (!span) return undefined;
    const p = document.lines.positionAt(span.start);
    return { line: p.line + 1, column: p.character + 1 };
  };
  if (options.json) write(JSON.stringify(withPositions(result, position, policy.label), null, 2));
  else write(describe(result, position, policy.label, options.policy!));
  return options.expect && options.expect !== result.decision ? 1 : 0;
}

function withPositions(result: SimulationResult, position: (span: Span | undefined) => object | undefined, policy: string): object {
  return {
    decision: result.decision,
    reason: result.reason,
    policy,
    statements: result.statements.map((s) => ({
      ...s,
      span: undefined,
      at: position(s.span),
      action: { ...s.action, span: undefined, at: position(s.action.span) },
      resource: { ...s.resource, span: undefined, at: position(s.resource.span) },
      conditions: s.conditions.map((c) => ({ ...c, span: undefined, at: position(c.span) })),
    })),
  };
}

function describe(
  result: SimulationResult,
  position: (span: Span | undefined) => { line: number; column: number } | undefined,
  policy: string,
  file: string,
): string {
  const lines = [`${result.decision}: ${result.reason}`, `policy: ${policy} (${file})`];
  // ✔ matched, ✘ did not, ? depends on the deployment.
  const mark = (trace: { matched?: boolean; applies?: boolean; undetermined?: boolean }) =>
    trace.undetermined ? '?' : (trace.matched ?? trace.applies) ? '✔' : '✘';
  for (const s of result.statements) {
    const at = position(s.span);
    lines.push('', `${mark(s)} ${s.sid ? `"${s.sid}"` : `statement ${s.index + 1}`} (${s.effect}, line ${at?.line}): ${s.reason}`);
    lines.push(`    ${mark(s.action)} ${s.action.reason}`);
    lines.push(`    ${mark(s.resource)} ${s.resource.reason}`);
    for (const c of s.conditions) lines.push(`    ${mark(c)} ${conditionLine(c)}`);
  }
  return lines.join('\n');
}
