// Condition operators: names, families, how they treat missing keys and several values, which key
// types they fit; the ForAllValues:/ForAnyValue: and …IfExists forms; which values can ever match.
import { addressIn, parseCidr } from './ip';
import { TextMemo } from './text-memo';
import { hasVariables } from './variables';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

export interface OperatorInfo {
  readonly name: string;
  readonly family: OperatorFamily;
  readonly negated: boolean;
  readonly summary: string;
}

const op = (name: string, family: OperatorFamily, summary: string, negated = false): OperatorInfo => ({ name, family, negated, summary });

export const OPERATORS: readonly OperatorInfo[] = [
  op('StringEquals', 'String', 'Exact match, case-sensitive.'),
  op('StringNotEquals', 'String', 'Negated exact match, case-sensitive.', true),
  op('StringEqualsIgnoreCase', 'String', 'Exact match, ignoring case.'),
  op('StringNotEqualsIgnoreCase', 'String', 'Negated exact match, ignoring case.', true),
  op('StringLike', 'String', 'Case-sensitive match where `*` matches any run of characters and `?` one character.'),
  op('StringNotLike', 'String', 'Negated case-sensitive match with `*` and `?` wildcards.', true),
  op('NumericEquals', 'Numeric', 'The number equals the value.'),
  op('NumericNotEquals', 'Numeric', 'The number differs from the value.', true),
  op('NumericLessThan', 'Numeric', 'The number is less than the value.'),
  op('NumericLessThanEquals', 'Numeric', 'The number is less than or equal to the value.'),
  op('NumericGreaterThan', 'Numeric', 'The number is greater than the value.'),
  op('NumericGreaterThanEquals', 'Numeric', 'The number is greater than or equal to the value.'),
  op('DateEquals', 'Date', 'The date equals the value (ISO 8601 or epoch seconds).'),
  op('DateNotEquals', 'Date', 'The date differs from the value.', true),
  op('DateLessThan', 'Date', 'The date is before the value.'),
  op('DateLessThanEquals', 'Date', 'The date is at or before the value.'),
  op('DateGreaterThan', 'Date', 'The date is after the value.'),
  op('DateGreaterThanEquals', 'Date', 'The date is at or after the value.'),
  op('Bool', 'Bool', 'The boolean key is `true` or `false` as given.'),
  op('BinaryEquals', 'Binary', 'The binary key equals the base64-encoded value.'),
  op('IpAddress', 'IpAddress', 'The IP address is in the CIDR range (a bare address means /32; IPv6 allowed).'),
  op('NotIpAddress', 'IpAddress', 'The IP address is outside every CIDR range given.', true),
  op('ArnEquals', 'Arn', 'The ARN matches, part by part; `*` and `?` work within each part (same as ArnLike).'),
  op('ArnLike', 'Arn', 'The ARN matches, part by part, with `*` and `?` wildcards within each part.'),
  op('ArnNotEquals', 'Arn', 'Negated ARN match (same as ArnNotLike).', true),
  op('ArnNotLike', 'Arn', 'Negated ARN match with wildcards.', true),
  op('Null', 'Null', '`true`: the key is absent from the request; `false`: the key is present.'),
];

const BY_LOWER = new Map(OPERATORS.map((o) => [o.name.toLowerCase(), o]));

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export interface ParsedOperator {
  readonly qualifier: SetQualifier | undefined;
  readonly base: OperatorInfo | undefined;
  readonly baseName: string;
  readonly ifExists: boolean;
}

const parsedCache = new TextMemo<ParsedOperator>(1000, (text) => parseOperatorText(text));

/** `ForAnyValue:StringLikeIfExists` → qualifier, base operator, IfExists. Names are case-sensitive in IAM. */
export function parseOperator(text: string): ParsedOperator {
  return parsedCache.get(text);
}

function parseOperatorText(text: string): ParsedOperator {
  let rest = text;
  let qualifier: SetQualifier | undefined;
  for (const q of ['ForAllValues', 'ForAnyValue'] as const) {
    if (rest.startsWith(`${q}:`)) {
      qualifier = q;
      rest = rest.slice(q.length + 1);
    }
  }
  const ifExists = rest.endsWith('IfExists') && rest !== 'IfExists';
  const baseName = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  const base = OPERATORS.find((o) => o.name === baseName);
  return { qualifier, base, baseName, ifExists };
}

/**
 * The operator of another family that asks what this one asks (StringEquals → IpAddress for an IP
 * address, StringNotEquals → NotIpAddress, StringLike → ArnLike); undefined where the family has none.
 */
export function sameRelationIn(base: OperatorInfo, family: OperatorFamily): OperatorInfo | undefined {
  const relation =
    base.family === 'IpAddress' ? (base.negated ? 'NotEquals' : 'Equals') : base.family === 'Bool' ? 'Equals' : base.name.slice(base.family.length);
  if (family === 'IpAddress') return relation === 'Equals' ? BY_LOWER.get('ipaddress') : relation === 'NotEquals' ? BY_LOWER.get('notipaddress') : undefined;
  if (family === 'Bool') return relation === 'Equals' ? BY_LOWER.get('bool') : undefined;
  if (family === 'Null') return undefined;
  return BY_LOWER.get(`${family}${relation}`.toLowerCase());
}

export function operatorByName(name: string): OperatorInfo | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

/** Which operator families fit a condition key type (String, ArrayOfString, ARN, Bool, …). */
export function familiesForType(type: string): readonly OperatorFamily[] {
  const base = type.replace(/^ArrayOf/, '');
  switch (base) {
    case 'String':
      return ['String'];
    case 'ARN':
    case 'Arn':
      return ['Arn', 'String'];
    case 'Numeric':
    case 'Long':
    case 'Integer':
      return ['Numeric'];
    case 'Date':
      return ['Date'];
    case 'Bool':
    case 'Boolean':
      return ['Bool'];
    case 'IPAddress':
    case 'IpAddress':
      return ['IpAddress'];
    case 'Binary':
      return ['Binary'];
    default:
      return ['String'];
  }
}

export const QUALIFIER_DOCS: Record<SetQualifier, string> = {
  ForAllValues:
    'True when **every** value in the request matches at least one policy value — and also when the key is missing or its list is empty. In an Allow, pair it with a `Null: {key: "false"}` guard.',
  ForAnyValue: 'True when **at least one** value in the request matches a policy value; false when the key is missing.',
};

const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH = /^\d{1,11}$/;

/**
 * Why a policy value can never match under an operator family, or undefined when it can: numbers for
 * Numeric operators, ISO 8601 or epoch seconds for Date, true/false for Bool and Null, an address or
 * CIDR range (IPv4 up to /32, IPv6 up to /128) for IpAddress, an ARN (or a wildcard) for the Arn
 * operators. Values with policy variables are decided when the variables are.
 */
export function valueProblem(family: OperatorFamily, text: string): string | undefined {
  if (hasVariables(text)) return undefined;
  switch (family) {
    case 'Numeric':
      return NUMBER.test(text) ? undefined : `"${text}" is not a number.`;
    case 'Date':
      return ISO_DATE.test(text) || EPOCH.test(text) ? undefined : `"${text}" is not a date: use ISO 8601 (2026-01-31T00:00:00Z) or epoch seconds.`;
    case 'Bool':
    case 'Null':
      return /^(true|false)$/i.test(text) ? undefined : `"${text}" is not true or false.`;
    case 'IpAddress':
      return parseCidr(text) ? undefined : `"${text}" is not an IP address or CIDR range (203.0.113.0/24, 2001:db8::/32).`;
    case 'Arn':
      return text.startsWith('arn:') || /^[*?]+$/.test(text)
        ? undefined
        : `"${text}" is not an ARN: ARN operators compare ARNs (arn:partition:service:region:account:resource).`;
    default:
      return undefined;
  }
}

const DAY_MS = 86_400_000;

/**
 * A value a request could carry for a condition to hold, made from one the policy compares the key
 * with, to offer when asking for the request: the policy's value itself for most operators, but an
 * address inside a CIDR range, a date or number on the right side of an order, a pattern's wildcards
 * filled, and for Null none where it asks for the key's absence (`true`), any where for its presence. A
 * negated operator gets the value its positive form would match: the request a Deny with it spares.
 */
export function requestExample(operatorName: string, value: string): string | undefined {
  const base = parseOperator(operatorName).base;
  if (!base) return value;
  const name = base.name;
  switch (base.family) {
    case 'Null':
      // `true` asks for the key's absence: no value; `false` for its presence: any value will do.
      return /^false$/i.test(value) ? 'true' : undefined;
    case 'IpAddress': {
      const cidr = parseCidr(value);
      return cidr ? addressIn(cidr) : value;
    }
    case 'Numeric': {
      const number = Number(value);
      if (!NUMBER.test(value) || !Number.isFinite(number)) return value;
      const step = name.endsWith('LessThan') ? -1 : name.endsWith('GreaterThan') ? 1 : 0;
      return step === 0 ? value : (number + step).toFixed(value.split('.')[1]?.length ?? 0);
    }
    case 'Date': {
      const step = name.endsWith('LessThan') ? -1 : name.endsWith('GreaterThan') ? 1 : 0;
      if (step === 0) return value;
      if (EPOCH.test(value)) return String(Number(value) + (step * DAY_MS) / 1000);
      const time = ISO_DATE.test(value) ? Date.parse(value) : Number.NaN;
      return Number.isNaN(time) ? value : new Date(time + step * DAY_MS).toISOString().replace(/\.000Z$/, 'Z');
    }
    case 'String':
    case 'Arn': {
      // Only the …Like operators and the ARN ones read wildcards; `*` alone stays (an empty answer means "no key").
      if (base.family === 'String' && !name.includes('Like')) return value;
      const filled = value.replace(/\*/g, '').replace(/\?/g, 'x');
      return filled === '' ? value : filled;
    }
    default:
      return value;
  }
}
