// Policy variables: ${aws:username}, ${aws:PrincipalTag/team, 'default'}, and the escapes ${*} ${?} ${$}.

export const SPECIAL_VARIABLES: ReadonlyArray<{ readonly name: string; readonly doc: string }> = [
  { name: '*', doc: 'A literal `*`, where a plain `*` would be a wildcard.' },
  { name: '?', doc: 'A literal `?`, where a plain `?` would be a wildcard.' },
  { name: '$', doc: 'A literal `$`.' },
];

export const VARIABLES_DOC_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';

export interface VariableUse {
  /** Offsets relative to the string's content. */
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly defaultValue: string | undefined;
}

/** The `${…}` uses in a string value, with their keys and defaults. */
export function findVariables(text: string): VariableUse[] {
  const uses: VariableUse[] = [];
  let i = text.indexOf('${');
  while (i >= 0) {
    const close = text.indexOf('}', i + 2);
    if (close < 0) break;
    const inner = text.slice(i + 2, close);
    const comma = inner.indexOf(',');
    const key = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const rawDefault = comma < 0 ? undefined : inner.slice(comma + 1).trim();
    const defaultValue = rawDefault && rawDefault.startsWith("'") && rawDefault.endsWith("'") ? rawDefault.slice(1, -1) : rawDefault;
    uses.push({ start: i, end: close + 1, key, defaultValue });
    i = text.indexOf('${', close + 1);
  }
  return uses;
}
