// What an action is, as markdown: shared by completion (item documentation) and hover.
import type { Catalog } from '../catalog/catalog';
import type { ActionInfo } from '../catalog/types';
import { actionResourceType } from '../facts/statement-facts';

/** Keys listed before "… and N more": KMS's decrypting actions take 70 (one per attestation register). */
const MAX_KEYS = 24;

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
  const shown = [...keys].slice(0, MAX_KEYS).map((k) => `\`${k}\``);
  if (keys.size > MAX_KEYS) shown.push(`… and ${keys.size - MAX_KEYS} more`);
  if (keys.size > 0) lines.push('', `Condition keys: ${shown.join(', ')}`);
  if (action.dependentActions.length > 0) lines.push('', `Also needs: ${action.dependentActions.map((a) => `\`${a}\``).join(', ')}`);
  if (action.permissionOnly) lines.push('', '_Permission only: no API operation of the same name._');
  if (action.docUrl) lines.push('', `[API reference](${action.docUrl})`);
  else lines.push('', `[Service Authorization Reference](${catalog.service(action.service)?.reference ?? ''})`);
  return lines.join('\n');
}
