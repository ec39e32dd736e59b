// Hover on a CloudFormation function in a policy value (`!Sub arn:${AWS::Partition}:…`, `!Ref`,
// `!Join`): what it stands for, each `${…}` as the value it takes from the template, or why only the
// deployment knows it.
import type { Catalog } from '../catalog/catalog';
import { readArnPattern } from '../iam/arn';
import { statementAt, type PolicyDocument } from '../model/document';
import { elementValues, type Policy, type Statement } from '../model/policy';
import { scalarText, type OpaqueNode, type ValueNode } from '../model/tree';
import { namesRead, preview, resolve, templateValues } from '../simulate/intrinsics';

const PSEUDO: Readonly<Record<string, string>> = {
  'AWS::Partition': "the stack's partition (`aws`, `aws-cn`, `aws-us-gov`, …)",
  'AWS::Region': "the stack's Region",
  'AWS::AccountId': "the stack's account",
  'AWS::URLSuffix': "the partition's domain (`amazonaws.com`)",
  'AWS::StackName': "the stack's name",
  'AWS::StackId': "the stack's ID",
};

/** The function value under the offset, in the statement there. */
export function intrinsicAt(document: PolicyDocument, offset: number): { node: OpaqueNode; statement: Statement } | undefined {
  const statement = statementAt(document, offset);
  if (!statement) return undefined;
  const values: ValueNode[] = [];
  for (const element of ['Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal'] as const)
    values.push(...elementValues(statement, element));
  for (const operator of statement.conditions) for (const entry of operator.keys) values.push(...entry.values);
  const node = values.find((v): v is OpaqueNode => v.kind === 'opaque' && offset >= v.start && offset <= v.end);
  return node ? { node, statement } : undefined;
}

export function intrinsicMarkdown(node: OpaqueNode, policy: Policy, catalog: Catalog): string | undefined {
  if (node.name !== 'Fn::Sub' && node.name !== 'Ref' && node.name !== 'Fn::Join') {
    return `**${node.name}**: decided by CloudFormation at deploy time; the checks and the simulator leave it open.`;
  }
  const names = templateValues(policy, { action: '', resource: '' });
  const shown = preview(node, names);
  const resolved = resolve(node, names);
  const lines = [`**${node.name}**, resolved by CloudFormation at deploy time${shown ? ':' : resolved.known ? '.' : `: ${resolved.reason}.`}`];
  if (shown) lines.push('', `\`${shown}\``);
  const read = [...namesRead(node)];
  if (read.length > 0) {
    lines.push('', '| name | value |', '| --- | --- |');
    for (const name of read) lines.push(`| \`\${${name}}\` | ${meaning(name, policy)} |`);
  }
  const arn = shown ? readArnPattern(shown) : undefined;
  if (arn && !shown!.includes('${')) {
    const types = catalog.resourceTypesOf(shown!).map((t) => `\`${t.name}\``);
    if (types.length) lines.push('', `A ${types.join(' or ')} resource of ${catalog.serviceName(arn.service) ?? arn.service}.`);
  }
  const text = scalarText(node.argument?.kind === 'array' ? node.argument.items[0] : node.argument) ?? '';
  if (node.name === 'Fn::Sub' && text.includes('${!'))
    lines.push('', '`${!Name}` is written as `${Name}`: how a template passes an IAM policy variable through.');
  return lines.join('\n');
}

function meaning(name: string, policy: Policy): string {
  if (PSEUDO[name]) return `${PSEUDO[name]}: decided at deploy time`;
  const parameter = policy.origin.format === 'cloudformation' ? policy.origin.parameters.get(name) : undefined;
  if (parameter) {
    const value = parameter.default;
    return value === undefined
      ? `parameter ${name}, with no default: given at deploy time`
      : `\`${typeof value === 'string' ? value : value.join(',')}\`, the default of parameter ${name}`;
  }
  return `the physical ID of resource ${name}: decided at deploy time`;
}
