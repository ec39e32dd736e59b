// Condition key names: `prefix:name`, the global tag keys (`aws:RequestTag/<tag>`, `aws:ResourceTag/<tag>`,
// `aws:PrincipalTag/<tag>`, `aws:TagKeys`), and service keys written with a placeholder in the data
// (`s3:ExistingObjectTag/${TagKey}`). The one place that reads a key's text; the catalogue adds what the
// data says of it (type, multivalued, global or service).

/** Which tags a global tag key is about. */
export type TagKeyKind = 'request' | 'resource' | 'principal' | 'keys';

const TAG_STEMS: ReadonlyArray<readonly [string, TagKeyKind]> = [
  ['aws:requesttag/', 'request'],
  ['aws:resourcetag/', 'resource'],
  ['aws:principaltag/', 'principal'],
];

export interface ConditionKeyName {
  readonly text: string;
  /** Lower-case prefix before the colon (`aws` for global keys); empty when there is no colon. */
  readonly prefix: string;
  /** The tag kind for aws:RequestTag/…, aws:ResourceTag/…, aws:PrincipalTag/… and aws:TagKeys. */
  readonly tag: TagKeyKind | undefined;
  /** The tag name after the slash, for the three tag stems. */
  readonly tagName: string | undefined;
  /** The name as the data writes it: `aws:RequestTag/${TagKey}` for a tag key, the text otherwise. */
  readonly pattern: string;
  /** Why the text is not a condition key, if it is not one. */
  readonly malformed: string | undefined;
}

export function readConditionKey(text: string): ConditionKeyName {
  const colon = text.indexOf(':');
  const prefix = colon > 0 ? text.slice(0, colon).toLowerCase() : '';
  const lower = text.toLowerCase();
  if (colon <= 0 || colon === text.length - 1) {
    return {
      text,
      prefix,
      tag: undefined,
      tagName: undefined,
      pattern: text,
      malformed: `"${text}" is not a condition key: write prefix:name, for example aws:ResourceTag/team.`,
    };
  }
  if (lower === 'aws:tagkeys') return { text, prefix, tag: 'keys', tagName: undefined, pattern: 'aws:TagKeys', malformed: undefined };
  for (const [stem, tag] of TAG_STEMS) {
    if (!lower.startsWith(stem)) continue;
    const tagName = text.slice(stem.length);
    const pattern = `${text.slice(0, stem.length)}\${TagKey}`;
    const malformed = tagName === '' ? `"${text}" needs a tag name after the slash, for example ${text}team.` : undefined;
    return { text, prefix, tag, tagName, pattern, malformed };
  }
  return { text, prefix, tag: undefined, tagName: undefined, pattern: text, malformed: undefined };
}

/**
 * Does a key written in a policy fit a key name of the data, which may hold `${Placeholder}`s that
 * stand for one or more characters? Names ignore case, as IAM does.
 */
export function keyFitsName(key: string, name: string): boolean {
  const placeholder = name.indexOf('${');
  if (placeholder < 0) return key.toLowerCase() === name.toLowerCase();
  const close = name.indexOf('}', placeholder);
  if (close < 0) return key.toLowerCase() === name.toLowerCase();
  const head = name.slice(0, placeholder).toLowerCase();
  const tail = name.slice(close + 1).toLowerCase();
  const lower = key.toLowerCase();
  // One placeholder per name in the data; what it stands for holds no further structure.
  return lower.length > head.length + tail.length && lower.startsWith(head) && lower.endsWith(tail);
}
