// docs/rules.md and the schema of the profilePolicy.rules setting, rendered from the rule metadata: the
// single source of every rule's documentation. `npm run docs` writes both; a test fails when either is stale.
import { ALL_RULES, RULE_GROUPS, ruleGroupOf } from './index';
import { SEVERITIES } from './settings';

const GROUP_TITLES: Record<string, string> = {
  syntax: 'Syntax',
  structure: 'Policy structure',
  actions: 'Actions',
  resources: 'Resources',
  conditions: 'Conditions',
  variables: 'Policy variables',
  risk: 'Risk',
  size: 'Size',
};

export function renderRulesDoc(): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from the rule metadata by `npm run docs`; do not edit by hand. -->',
    '',
    'Every diagnostic of profile-policy has a stable rule id. Change a severity or turn a rule off with',
    '`profilePolicy.rules` in the editor, or `rules` in `.profile-policy.json` for the CLI:',
    '',
    '```json',
    '{ "rules": { "sid-duplicate": "off", "action-case": "warning" } }',
    '```',
    '',
    '| Rule | Default | Summary |',
    '| --- | --- | --- |',
  ];
  for (const rule of ALL_RULES) lines.push(`| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.title} |`);
  for (const group of RULE_GROUPS) {
    lines.push('', `## ${GROUP_TITLES[group.name] ?? group.name}`);
    for (const rule of ALL_RULES.filter((r) => ruleGroupOf(r.id) === group.name)) {
      lines.push('', `### ${rule.id}`, '', `**${rule.title}** — default severity: ${rule.severity}.`, '', rule.description);
      if (rule.references?.length) lines.push('', `Corresponds to: ${rule.references.join('; ')}.`);
      if (rule.corpus) lines.push('', `On AWS's managed policies: ${rule.corpus}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON schema of one rule's entry in profilePolicy.rules. */
interface RuleSettingSchema {
  readonly type: 'string';
  readonly enum: readonly string[];
  readonly default: string;
  readonly markdownDescription: string;
}

/**
 * The JSON schema of the profilePolicy.rules setting: every rule id as a property, so VS Code completes
 * the ids in settings.json, shows each rule's title, description and default on hover, and flags a
 * misspelt id (additionalProperties: false; the server itself ignores ids it does not know).
 */
export function ruleSettingsSchema(): Record<string, unknown> {
  const properties: Record<string, RuleSettingSchema> = {};
  for (const rule of ALL_RULES) {
    properties[rule.id] = {
      type: 'string',
      enum: SEVERITIES,
      default: rule.severity,
      markdownDescription: `**${rule.title}** (default: \`${rule.severity}\`). ${rule.description}`,
    };
  }
  return {
    type: 'object',
    default: {},
    markdownDescription:
      'Severity per rule id: `error`, `warning`, `info`, `hint` or `off`, for example `{ "action-unknown": "warning", "sid-duplicate": "off" }`. Rules left out keep their default severity. Every rule is documented in `docs/rules.md`, which ships with the extension; the link on each diagnostic opens its section.',
    properties,
    additionalProperties: false,
  };
}

/** package.json with the profilePolicy.rules schema written from the rule metadata; everything else as it was, laid out as prettier lays out package.json. */
export function withRuleSettingsSchema(manifestText: string): string {
  const manifest = JSON.parse(manifestText) as { contributes: { configuration: { properties: Record<string, unknown> } } };
  manifest.contributes.configuration.properties['profilePolicy.rules'] = ruleSettingsSchema();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
