// What an action is, as markdown: shared by completion (item documentation) and hover.
import type { Catalog } from '../catalog/catalog';
import type { ActionInfo } from '../catalog/types';
import { actionResourceType } from '../facts/statement-facts';

/** Keys listed before "… and N more". */
const MAX_KEYS = 24;

/**
 * The keys as markdown, a numbered family as one entry (KMS's decrypting actions take one key per
 * attestation register, `kms:RecipientAttestation:PCR0` to `PCR31`): one pass, first-seen order.
 */
function keyGroups(keys: Iterable<string>): string[] {
  const families = new Map<string, string[]>();
  for (const key of keys) {
    const stem = key.replace(/\d+$/, '');
    const family = families.get(stem);
    if (family) family.push(key);
    else families.set(stem, [key]);
  }
  return [...families].flatMap(([stem, members]) =>
    members.length > 2 && stem !== members[0] ? [`\`${stem}…\` (${members.length} keys)`] : members.map((k) => `\`${k}\``),
  );
}

export function actionMarkdown(action: ActionInfo, catalog: Catalog): string {
  const service = catalog.serviceName(action.service);
  const lines = [`**${action.service}:${action.name}** — ${action.accessLevel}${service ? ` · ${service}` : ''}`, '', `${action.description}.`];
  if (action.resourceTypes.length === 0) lines.push('', 'Resource: `"*"` only (no resource-level permissions).');
  else {
    lines.push('', 'Resource types:');
    for (const type of action.resourceTypes) {
      const arn = actionResourceType(action, type.name, catalog)?.arn ?? '';
      lines.push(`- \`${type.name}\`${type.required ? ' (required)' : ''}: \`${arn}\``);
    }
  }
  const keys = new Set([
    ...action.conditionKeys,
    ...action.resourceTypes.flatMap((t) => [...t.conditionKeys, ...(actionResourceType(action, t.name, catalog)?.conditionKeys ?? [])]),
  ]);
  const groups = keyGroups(keys);
  const shown = groups.slice(0, MAX_KEYS);
  if (groups.length > MAX_KEYS) shown.push(`… and ${groups.length - MAX_KEYS} more`);
  if (keys.size > 0) lines.push('', `Condition keys: ${shown.join(', ')}`);
  if (action.dependentActions.length > 0) lines.push('', `Also needs: ${action.dependentActions.map((a) => `\`${a}\``).join(', ')}`);
  if (action.permissionOnly) lines.push('', '_Permission only: no API operation of the same name._');
  if (action.docUrl) lines.push('', `[API reference](${action.docUrl})`);
  else lines.push('', `[Service Authorization Reference](${catalog.service(action.service)?.reference ?? ''})`);
  return lines.join('\n');
}
