// docs/rules.md, rendered from the rule metadata: the single source of every rule's documentation.
import { ALL_RULES, RULE_GROUPS, ruleGroupOf } from './index';

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
