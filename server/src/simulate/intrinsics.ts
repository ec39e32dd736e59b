// CloudFormation's functions in a policy, as far as a simulation can know them: Fn::Sub, Ref and
// Fn::Join from the values the user gives, the template's parameter defaults and the pseudo parameters
// (taken from the request's resource ARN unless given). What only the deployment decides (Fn::GetAtt,
// Fn::ImportValue, a resource's Ref, a condition's Fn::If) stays unknown, with the reason.
import { readArn } from '../iam/arn';
import type { Policy, TemplateParameter } from '../model/policy';
import { scalarText, type ValueNode } from '../model/tree';
import type { SimulationRequest } from './types';

export type Resolved = { readonly known: true; readonly values: readonly string[] } | { readonly known: false; readonly reason: string };

export interface TemplateValues {
  /** What a Ref or `${Name}` gives, by name, when it is known. */
  value(name: string): string | readonly string[] | undefined;
  /** Why a name has no value here. */
  missing(name: string): string;
}

const URL_SUFFIXES: Readonly<Record<string, string>> = { 'aws-cn': 'amazonaws.com.cn' };

/** The values a policy's template gives its names, for one request. */
export function templateValues(policy: Policy, request: SimulationRequest): TemplateValues {
  const given = new Map(Object.entries(request.parameters ?? {}));
  const parameters: ReadonlyMap<string, TemplateParameter> = policy.origin.format === 'cloudformation' ? policy.origin.parameters : new Map();
  const arn = readArn(request.resource);
  const pseudo: Record<string, string | undefined> = {
    'AWS::Partition': arn?.partition,
    'AWS::Region': arn?.region || undefined,
    'AWS::AccountId': arn?.account || undefined,
    'AWS::URLSuffix': arn ? (URL_SUFFIXES[arn.partition] ?? 'amazonaws.com') : undefined,
  };
  const isList = (name: string) => {
    const type = parameters.get(name)?.type ?? '';
    return type.startsWith('CommaDelimitedList') || type.startsWith('List<');
  };
  return {
    value: (name) => {
      const value = given.get(name);
      if (value !== undefined) return isList(name) ? value.split(',').map((v) => v.trim()) : value;
      return parameters.get(name)?.default ?? pseudo[name];
    },
    missing: (name) =>
      parameters.has(name)
        ? `parameter ${name} has no default and no value was given`
        : name.startsWith('AWS::')
          ? `${name} is not known for this request (give it as a parameter)`
          : `Ref ${name} is the physical ID of a resource, decided at deploy time`,
  };
}

const unknown = (reason: string): Resolved => ({ known: false, reason });
const known = (...values: string[]): Resolved => ({ known: true, values });

/** The values a node stands for: a string is itself; a function is resolved where it can be. */
export function resolve(node: ValueNode | undefined, names: TemplateValues): Resolved {
  if (!node) return unknown('a value is missing');
  const text = scalarText(node);
  if (text !== undefined) return known(text);
  if (node.kind === 'array') return all(node.items.map((item) => resolve(item, names)));
  if (node.kind !== 'opaque') return unknown(`${node.kind === 'object' ? 'an object' : 'a null'} is not a string`);
  const argument = node.argument;
  switch (node.name) {
    case 'Ref': {
      const name = scalarText(argument);
      if (name === undefined) return unknown('Ref needs a name');
      const value = names.value(name);
      if (value === undefined) return unknown(names.missing(name));
      return typeof value === 'string' ? known(value) : known(...value);
    }
    case 'Fn::Sub':
      return substitute(argument, names);
    case 'Fn::Join': {
      if (argument?.kind !== 'array' || argument.items.length !== 2) return unknown('Fn::Join takes a delimiter and a list');
      const delimiter = scalarText(argument.items[0]);
      const parts = resolve(argument.items[1], names);
      if (delimiter === undefined) return unknown('the Fn::Join delimiter is not a string');
      return parts.known ? known(parts.values.join(delimiter)) : parts;
    }
    case 'Fn::Select': {
      if (argument?.kind !== 'array' || argument.items.length !== 2) return unknown('Fn::Select takes an index and a list');
      const index = Number(scalarText(argument.items[0]));
      const list = resolve(argument.items[1], names);
      if (!list.known) return list;
      const chosen = Number.isInteger(index) ? list.values[index] : undefined;
      return chosen === undefined ? unknown('the Fn::Select index is out of the list') : known(chosen);
    }
    case 'Fn::GetAtt':
      return unknown(`Fn::GetAtt ${attributeName(argument)} is decided at deploy time`);
    case 'Fn::ImportValue':
      return unknown("Fn::ImportValue reads another stack's output, decided at deploy time");
    case 'Fn::If':
      return unknown('Fn::If depends on a template condition, decided at deploy time');
    default:
      return unknown(`${node.name} is decided at deploy time`);
  }
}

function attributeName(argument: ValueNode | undefined): string {
  if (argument?.kind === 'array') return argument.items.map((item) => scalarText(item) ?? '…').join('.');
  return scalarText(argument) ?? '…';
}

function all(parts: readonly Resolved[]): Resolved {
  const values: string[] = [];
  for (const part of parts) {
    if (!part.known) return part;
    values.push(...part.values);
  }
  return known(...values);
}

/**
 * Fn::Sub: `${Name}` from its own variable map, then parameters and pseudo parameters; `${!Literal}` is
 * the literal `${Literal}` (how a template writes an IAM policy variable); `${Resource.Attribute}` is a
 * Fn::GetAtt, unknown here.
 */
function substitute(argument: ValueNode | undefined, names: TemplateValues): Resolved {
  const template = argument?.kind === 'array' ? argument.items[0] : argument;
  const own = argument?.kind === 'array' ? argument.items[1] : undefined;
  const text = scalarText(template);
  if (text === undefined) return unknown('Fn::Sub needs a string');
  let out = '';
  let position = 0;
  for (;;) {
    const open = text.indexOf('${', position);
    if (open < 0) break;
    const close = text.indexOf('}', open + 2);
    if (close < 0) break;
    out += text.slice(position, open);
    const name = text.slice(open + 2, close);
    position = close + 1;
    if (name.startsWith('!')) {
      out += `\${${name.slice(1)}}`;
      continue;
    }
    const local = own?.kind === 'object' ? own.properties.find((p) => p.key.value === name) : undefined;
    if (local) {
      const value = resolve(local.value, names);
      if (!value.known) return value;
      out += value.values.join(',');
      continue;
    }
    if (name.includes('.') && !name.startsWith('AWS::')) return unknown(`\${${name}} (an attribute of a resource) is decided at deploy time`);
    // `${aws:username}` in Fn::Sub is read by CloudFormation, which has no such name; IAM never sees it.
    if (name.includes(':') && !name.includes('::'))
      return unknown(`Fn::Sub reads \${${name}} itself and fails: write \${!${name}} for the IAM policy variable`);
    const value = names.value(name);
    if (value === undefined) return unknown(names.missing(name));
    out += typeof value === 'string' ? value : value.join(',');
  }
  return known(out + text.slice(position));
}

/** The template names (parameters, pseudo parameters) a value reads through Ref and Fn::Sub. */
export function namesRead(node: ValueNode | undefined, found = new Set<string>()): Set<string> {
  if (node?.kind === 'array') for (const item of node.items) namesRead(item, found);
  if (node?.kind !== 'opaque') return found;
  if (node.name === 'Ref') {
    const name = scalarText(node.argument);
    if (name) found.add(name);
  } else if (node.name === 'Fn::Sub') {
    const text = scalarText(node.argument?.kind === 'array' ? node.argument.items[0] : node.argument) ?? '';
    for (const name of subNames(text)) if (!name.startsWith('!') && !name.includes('.') && (name.includes('::') || !name.includes(':'))) found.add(name);
  } else namesRead(node.argument, found);
  return found;
}

/** The `${…}` names of a Fn::Sub string, in order. */
function subNames(text: string): string[] {
  const names: string[] = [];
  let position = 0;
  for (;;) {
    const open = text.indexOf('${', position);
    const close = open < 0 ? -1 : text.indexOf('}', open + 2);
    if (close < 0) return names;
    names.push(text.slice(open + 2, close));
    position = close + 1;
  }
}

/**
 * A function's value as far as it is known, for showing and prefilling: the names with a value put in,
 * the others left as `${Name}` for the user to fill in. Undefined where nothing useful can be shown.
 */
export function preview(node: ValueNode | undefined, names: TemplateValues): string | undefined {
  const resolved = resolve(node, names);
  if (resolved.known) return resolved.values.length === 1 ? resolved.values[0] : undefined;
  if (node?.kind !== 'opaque') return undefined;
  if (node.name === 'Ref') {
    const name = scalarText(node.argument);
    return name ? `\${${name}}` : undefined;
  }
  if (node.name !== 'Fn::Sub') return undefined;
  // Every name without a value stands as itself; attributes and the like too.
  const open: TemplateValues = { value: (name) => names.value(name) ?? `\${${name}}`, missing: names.missing };
  const text = scalarText(node.argument?.kind === 'array' ? node.argument.items[0] : node.argument);
  if (text === undefined) return undefined;
  let out = '';
  let position = 0;
  for (const name of subNames(text)) {
    const start = text.indexOf(`\${${name}}`, position);
    out += text.slice(position, start);
    const local =
      node.argument?.kind === 'array' && node.argument.items[1]?.kind === 'object'
        ? node.argument.items[1].properties.find((p) => p.key.value === name)
        : undefined;
    const value = name.startsWith('!') ? `\${${name.slice(1)}}` : local ? (preview(local.value, names) ?? `\${${name}}`) : open.value(name);
    out += typeof value === 'string' ? value : (value ?? []).join(',');
    position = start + name.length + 3;
  }
  return out + text.slice(position);
}
