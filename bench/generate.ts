// Deterministic benchmark inputs: a CloudFormation template of about 1 MiB with about a thousand
// roles and their Customer Profiles policies, in YAML and in JSON, from a fixed seed.
import { bundledCatalog } from '../server/src/catalog/bundled';

/** mulberry32: a tiny seeded PRNG, so every run measures the same text. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Template {
  readonly yaml: string;
  readonly json: string;
  readonly roles: number;
}

export function generateTemplate(targetBytes = 1024 * 1024, seed = 42): Template {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const actions = bundledCatalog()
    .service('profile')!
    .actions.map((a) => a.name);
  const types = bundledCatalog().service('profile')!.resourceTypes;
  const regions = ['us-east-1', 'us-west-2', 'eu-west-2', 'ap-southeast-2'];
  const resources: Record<string, unknown> = {};
  let roles = 0;
  let size = 0;
  while (size < targetBytes) {
    const statements = [];
    const count = 1 + Math.floor(next() * 2);
    for (let s = 0; s < count; s++) {
      const statementActions = Array.from({ length: 2 + Math.floor(next() * 3) }, () => `profile:${pick(actions)}`);
      if (next() < 0.2) statementActions.push(`profile:${pick(['Get', 'List', 'Put', 'Create'])}*`);
      const type = pick(types);
      const arn = type.arn
        .replace('${Partition}', 'aws')
        .replace('${Region}', pick(regions))
        .replace('${Account}', '111122223333')
        .replace(/\$\{[A-Za-z]+\}/g, () => `name${Math.floor(next() * 50)}`);
      const statement: Record<string, unknown> = {
        Sid: `Statement${roles}x${s}`,
        Effect: next() < 0.85 ? 'Allow' : 'Deny',
        Action: statementActions,
        Resource: next() < 0.3 ? '*' : [arn, `${arn}/*`],
      };
      if (next() < 0.3) statement.Condition = { StringEquals: { 'aws:ResourceTag/team': `team${Math.floor(next() * 9)}` } };
      statements.push(statement);
    }
    resources[`ProfileRole${roles}`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        Policies: [{ PolicyName: `Profiles${roles}`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
      },
    };
    roles++;
    size = roles * 1000; // about one role per KiB of YAML; checked below
    if (roles % 100 === 0) size = toYaml({ Resources: resources }).length;
  }
  const template = { AWSTemplateFormatVersion: '2010-09-09', Description: 'Benchmark template', Resources: resources };
  return { yaml: toYaml(template), json: JSON.stringify(template, null, 2), roles };
}

/** A small block-style YAML writer (the benchmark must not measure the library it compares against). */
function toYaml(value: unknown, indent = ''): string {
  const out: string[] = [];
  write(value, indent, out, false);
  return out.join('');
}

function scalar(value: unknown): string {
  const text = String(value);
  return /^[A-Za-z0-9_][A-Za-z0-9_:./${}-]*$/.test(text) && !/^\d+$/.test(text) && !/^(true|false|null)$/.test(text) && !text.endsWith(':')
    ? text
    : JSON.stringify(text);
}

function write(value: unknown, indent: string, out: string[], inline: boolean): void {
  if (Array.isArray(value)) {
    if (inline) out.push('\n');
    for (const item of value) {
      out.push(`${indent}- `);
      if (item && typeof item === 'object') {
        const entries = Object.entries(item as Record<string, unknown>);
        entries.forEach(([k, v], i) => {
          if (i > 0) out.push(`${indent}  `);
          writeEntry(k, v, `${indent}  `, out);
        });
      } else out.push(`${scalar(item)}\n`);
    }
    return;
  }
  if (value && typeof value === 'object') {
    if (inline) out.push('\n');
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out.push(indent);
      writeEntry(k, v, indent, out);
    }
    return;
  }
  out.push(`${scalar(value)}\n`);
}

function writeEntry(key: string, value: unknown, indent: string, out: string[]): void {
  out.push(`${scalar(key)}:`);
  if (value && typeof value === 'object') write(value, `${indent}  `, out, true);
  else out.push(` ${scalar(value)}\n`);
}

/** A standalone identity policy of about `targetBytes` of JSON, with conditions, from a fixed seed. */
export function generatePolicy(targetBytes = 6 * 1024, seed = 11): string {
  const next = random(seed);
  const actions = bundledCatalog()
    .service('profile')!
    .actions.map((a) => a.name);
  const statements: object[] = [];
  let text = '';
  while (text.length < targetBytes) {
    const i = statements.length;
    statements.push({
      Sid: `Statement${i}`,
      Effect: next() < 0.8 ? 'Allow' : 'Deny',
      Action: Array.from({ length: 3 }, () => `profile:${actions[Math.floor(next() * actions.length)]}`),
      Resource: [`arn:aws:profile:us-east-1:111122223333:domains/team${i}`, `arn:aws:profile:us-east-1:111122223333:domains/team${i}/*`],
      Condition: { StringEquals: { 'aws:ResourceTag/team': `team${i % 7}` }, Bool: { 'aws:SecureTransport': 'true' } },
    });
    text = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
  }
  return text;
}
