// Deterministic benchmark inputs: a CloudFormation template of about 1 MiB with about a thousand
// roles and their Customer Profiles policies, in YAML and in JSON, and a Terraform configuration of
// about 1 MiB with a thousand policy documents, from fixed seeds.
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

/** The statements of one role's Customer Profiles policy: actions, a wildcard now and then, ARNs of the service's resource types, a tag condition. */
function roleStatements(next: () => number, label: string, most = 2): Array<Record<string, unknown>> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const service = bundledCatalog().service('profile')!;
  const actions = service.actions.map((a) => a.name);
  const regions = ['us-east-1', 'us-west-2', 'eu-west-2', 'ap-southeast-2'];
  const statements = [];
  const count = 1 + Math.floor(next() * most);
  for (let s = 0; s < count; s++) {
    const statementActions = Array.from({ length: 2 + Math.floor(next() * 3) }, () => `profile:${pick(actions)}`);
    if (next() < 0.2) statementActions.push(`profile:${pick(['Get', 'List', 'Put', 'Create'])}*`);
    const type = pick(service.resourceTypes);
    const arn = type.arn
      .replace('${Partition}', 'aws')
      .replace('${Region}', pick(regions))
      .replace('${Account}', '111122223333')
      .replace(/\$\{[A-Za-z]+\}/g, () => `name${Math.floor(next() * 50)}`);
    const statement: Record<string, unknown> = {
      Sid: `Statement${label}x${s}`,
      Effect: next() < 0.85 ? 'Allow' : 'Deny',
      Action: statementActions,
      Resource: next() < 0.3 ? '*' : [arn, `${arn}/*`],
    };
    if (next() < 0.3) statement.Condition = { StringEquals: { 'aws:ResourceTag/team': `team${Math.floor(next() * 9)}` } };
    statements.push(statement);
  }
  return statements;
}

export function generateTemplate(targetBytes = 1024 * 1024, seed = 42): Template {
  const next = random(seed);
  const resources: Record<string, unknown> = {};
  let roles = 0;
  let size = 0;
  while (size < targetBytes) {
    const statements = roleStatements(next, String(roles));
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

export interface TerraformConfiguration {
  readonly text: string;
  readonly policies: number;
}

/**
 * A Terraform configuration of about 1 MiB with `policies` Customer Profiles policy documents, in turn
 * in each of the three places the format reads: jsonencode in an aws_iam_role_policy, a policy document
 * data source used by an aws_iam_policy, and a JSON heredoc in an aws_iam_policy. Each document has its
 * role, whose trust policy is one shared data source; ARNs in us-east-1 take the region from a variable.
 */
export function generateTerraform(policies = 1000, seed = 42): TerraformConfiguration {
  const next = random(seed);
  const out: string[] = [
    'variable "region" {\n  default = "us-east-1"\n}\n',
    '\ndata "aws_iam_policy_document" "lambda_trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n\n    principals {\n      type        = "Service"\n      identifiers = ["lambda.amazonaws.com"]\n    }\n  }\n}\n',
  ];
  for (let role = 0; role < policies; role++) {
    const statements = roleStatements(next, String(role), 3).map((s) => withRegionVariable(s));
    out.push(
      `\nresource "aws_iam_role" "profiles_${role}" {\n  name               = "profiles-${role}"\n  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json\n}\n`,
    );
    const policy = { Version: '2012-10-17', Statement: statements };
    if (role % 3 === 0)
      out.push(
        `\nresource "aws_iam_role_policy" "profiles_${role}" {\n  role   = aws_iam_role.profiles_${role}.id\n  policy = jsonencode(${hclValue(policy, '  ')})\n}\n`,
      );
    else if (role % 3 === 1)
      out.push(
        `\n${dataSource(`profiles_${role}`, statements)}\nresource "aws_iam_policy" "profiles_${role}" {\n  policy = data.aws_iam_policy_document.profiles_${role}.json\n}\n`,
      );
    else out.push(`\nresource "aws_iam_policy" "profiles_${role}" {\n  policy = <<-EOF\n${indentLines(JSON.stringify(policy, null, 2), '    ')}\n  EOF\n}\n`);
  }
  return { text: out.join(''), policies };
}

/** ARNs in us-east-1 take their region from var.region, as a configuration deployed to several regions does. */
function withRegionVariable(statement: Record<string, unknown>): Record<string, unknown> {
  const resource = statement.Resource;
  const regional = (arn: unknown) => (typeof arn === 'string' ? arn.replace(':us-east-1:', ':${var.region}:') : arn);
  return { ...statement, Resource: Array.isArray(resource) ? resource.map(regional) : regional(resource) };
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}

/** A small HCL writer for jsonencode arguments (the benchmark must not measure the writer it exercises). */
function hclValue(value: unknown, indent: string): string {
  const deeper = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => `${deeper}${hclValue(item, deeper)},`).join('\n')}\n${indent}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{\n${entries.map(([k, v]) => `${deeper}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k)} = ${hclValue(v, deeper)}`).join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** A policy document data source with the statements as blocks. */
function dataSource(name: string, statements: ReadonlyArray<Record<string, unknown>>): string {
  const list = (value: unknown) => JSON.stringify(Array.isArray(value) ? value : [value]);
  const blocks = statements.map((s) => {
    const lines = [
      `    sid       = ${JSON.stringify(s.Sid)}`,
      `    effect    = ${JSON.stringify(s.Effect)}`,
      `    actions   = ${list(s.Action)}`,
      `    resources = ${list(s.Resource)}`,
    ];
    const condition = s.Condition as Record<string, Record<string, string>> | undefined;
    for (const [test, keys] of Object.entries(condition ?? {}))
      for (const [variable, values] of Object.entries(keys))
        lines.push(
          `\n    condition {\n      test     = ${JSON.stringify(test)}\n      variable = ${JSON.stringify(variable)}\n      values   = ${list(values)}\n    }`,
        );
    return `  statement {\n${lines.join('\n')}\n  }`;
  });
  return `data "aws_iam_policy_document" "${name}" {\n${blocks.join('\n\n')}\n}\n`;
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
