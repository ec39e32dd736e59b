// Quick fixes for findings, and two refactorings on actions (expand a wildcard; collapse a complete
// group back into its wildcard). Edits come from edits.ts and keep the user's layout.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/catalog';
import { parseAction } from '../iam/action';
import { hasWildcard } from '../iam/wildcard';
import { policyAt, statementAt, type PolicyDocument } from '../model/document';
import { elementString, elementValues, type Statement } from '../model/policy';
import type { ArrayNode, ObjectNode, PropertyNode, StringNode, ValueNode } from '../model/tree';
import type { Finding } from '../rules/rule';
import type { Analysis } from '../service';
import { toDiagnostic } from './diagnostics';
import { addProperty, insertListItemAfter, removeListItem, removeProperty, render, replaceScalar, replaceWithItems, type OffsetEdit } from '../model/edits';

/** Rules whose suggestions replace the reported string itself. */
const REPLACING_RULES = new Set([
  'action-unknown',
  'action-unknown-service',
  'action-case',
  'effect-invalid',
  'version-invalid',
  'version-old',
  'sid-invalid',
  'condition-operator-unknown',
  'condition-null-ifexists',
  'condition-key-unknown',
  'element-unknown',
]);

export function codeActions(analysis: Analysis, uri: string, range: { start: number; end: number }, catalog: Catalog): CodeAction[] {
  const { document } = analysis;
  const actions: CodeAction[] = [];
  const make = (title: string, edits: OffsetEdit[], finding?: Finding, preferred = false): CodeAction => ({
    title,
    kind: finding ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
    ...(finding ? { diagnostics: [toDiagnostic(finding, document.lines) as Diagnostic] } : {}),
    ...(preferred ? { isPreferred: true } : {}),
    edit: { changes: { [uri]: edits.map((e) => toTextEdit(document, e)) } },
  });
  for (const finding of analysis.findings) {
    if (finding.end < range.start || finding.start > range.end) continue;
    actions.push(...fixesFor(document, finding).map((fix, i) => make(fix.title, fix.edits, finding, i === 0 && fix.preferred !== false)));
  }
  const node = stringAt(document, range.start);
  if (node) actions.push(...refactorings(document, node, catalog).map((r) => make(r.title, r.edits)));
  return actions;
}

function toTextEdit(document: PolicyDocument, edit: OffsetEdit): TextEdit {
  return { range: { start: document.lines.positionAt(edit.start), end: document.lines.positionAt(edit.end) }, newText: edit.newText };
}

interface Fix {
  readonly title: string;
  readonly edits: OffsetEdit[];
  readonly preferred?: boolean;
}

function fixesFor(document: PolicyDocument, finding: Finding): Fix[] {
  const node = stringAt(document, finding.start, finding.end);
  const statement = statementAt(document, finding.start);
  const policy = policyAt(document, finding.start);
  switch (finding.ruleId) {
    case 'version-missing':
      return policy ? [{ title: 'Add "Version": "2012-10-17"', edits: [addProperty(document, policy.node, 'Version', '2012-10-17', 'first')] }] : [];
    case 'action-redundant':
    case 'resource-star-needed':
    case 'principal-in-identity-policy':
      break;
    case 'condition-missing-qualifier':
      return qualifierFixes(document, finding, statement);
    case 'condition-forallvalues-without-null':
      return statement && node ? nullGuardFix(document, statement, node) : [];
    default:
      if (REPLACING_RULES.has(finding.ruleId) && node) {
        return (finding.data?.suggestions ?? []).map((s) => ({ title: `Change to "${s}"`, edits: [replaceScalar(document, node, s)] }));
      }
      return [];
  }
  if (finding.ruleId === 'principal-in-identity-policy' && statement) {
    const property = statement.elements.Principal?.key.start === finding.start ? statement.elements.Principal : statement.elements.NotPrincipal;
    return property
      ? [
          {
            title: `Remove ${property.key.value} (identity policies apply to whoever they are attached to)`,
            edits: [removeProperty(document, statement.node, property)],
          },
        ]
      : [];
  }
  if (!node || !statement || node.parent?.kind !== 'array') {
    return finding.ruleId === 'resource-star-needed' && node && statement ? moveToOwnStatement(document, statement, node) : [];
  }
  if (finding.ruleId === 'action-redundant') return [{ title: `Remove the redundant "${node.value}"`, edits: [removeListItem(document, node.parent, node)] }];
  return moveToOwnStatement(document, statement, node);
}

/** resource-star-needed: take the action out, and add a statement with the same Effect on "*". */
function moveToOwnStatement(document: PolicyDocument, statement: Statement, node: StringNode): Fix[] {
  const list = statement.node.parent;
  if (list?.kind !== 'array') return [];
  const effect = elementString(statement, 'Effect') ?? 'Allow';
  const removal = node.parent?.kind === 'array' && node.parent.items.length > 1 ? removeListItem(document, node.parent, node) : undefined;
  if (!removal) return [];
  const fresh = render(document, { Effect: effect, Action: node.value, Resource: '*' });
  return [
    { title: `Move ${node.value} into its own statement with "Resource": "*"`, edits: [removal, insertListItemAfter(document, list, statement.node, fresh)] },
  ];
}

function qualifierFixes(document: PolicyDocument, finding: Finding, statement: Statement | undefined): Fix[] {
  const entry = statement?.conditions.find((c) => c.keys.some((k) => k.key.start === finding.start));
  if (!entry || entry.keys.length !== 1) return [];
  return (finding.data?.suggestions ?? []).map((s) => ({ title: `Use ${s}`, edits: [replaceScalar(document, entry.operator, s)] }));
}

/** Adds `"Null": { key: "false" }` beside a ForAllValues condition in an Allow. */
function nullGuardFix(document: PolicyDocument, statement: Statement, keyNode: StringNode): Fix[] {
  const block = statement.elements.Condition?.value;
  if (block?.kind !== 'object') return [];
  const key = keyNode.value;
  const existing = statement.conditions.find((c) => c.operator.value === 'Null');
  const edit =
    existing?.property.value?.kind === 'object'
      ? addProperty(document, existing.property.value, key, 'false', 'last')
      : addProperty(document, block, 'Null', { [key]: 'false' }, 'last');
  return [{ title: `Add "Null": { "${key}": "false" } so the Allow needs the key`, edits: [edit] }];
}

// ── refactorings ──────────────────────────────────────────────────────────────────────────────

function refactorings(document: PolicyDocument, node: StringNode, catalog: Catalog): Fix[] {
  const statement = statementAt(document, node.start);
  if (!statement) return [];
  const inAction = [...elementValues(statement, 'Action'), ...elementValues(statement, 'NotAction')].includes(node);
  if (!inAction) return [];
  const fixes: Fix[] = [];
  const parsed = parseAction(node.value);
  if (parsed.kind === 'action' && parsed.wildcard) {
    const matches = catalog.matchActions(parsed.service, parsed.name);
    if (matches.length > 0 && matches.length <= 200) {
      fixes.push({
        title: `Expand "${node.value}" into its ${matches.length} action${matches.length === 1 ? '' : 's'}`,
        edits: [
          replaceWithItems(
            document,
            node,
            matches.map((m) => `${m.service}:${m.action}`),
          ),
        ],
      });
    }
  }
  const collapse = collapseFix(document, node, catalog);
  if (collapse) fixes.push(collapse);
  return fixes;
}

/** When a list holds every action of a verb group (all profile:Get… actions), offer the wildcard instead. */
function collapseFix(document: PolicyDocument, node: StringNode, catalog: Catalog): Fix | undefined {
  const list = node.parent;
  if (list?.kind !== 'array') return undefined;
  const parsed = parseAction(node.value);
  if (parsed.kind !== 'action' || parsed.wildcard) return undefined;
  const verb = /^[A-Z][a-z]+/.exec(catalog.canonicalAction(parsed.service, parsed.name) ?? '')?.[0];
  if (!verb) return undefined;
  const group = catalog.matchActions(parsed.service, `${verb}*`).map((m) => `${m.service}:${m.action}`.toLowerCase());
  const members = (list as ArrayNode).items.filter(
    (i): i is StringNode => i.kind === 'string' && !hasWildcard(i.value) && group.includes(i.value.toLowerCase()),
  );
  if (group.length < 2 || new Set(members.map((m) => m.value.toLowerCase())).size !== group.length) return undefined;
  const wildcard = `${parsed.service.toLowerCase()}:${verb}*`;
  const [first, ...rest] = members;
  const edits = [replaceScalar(document, first!, wildcard), ...rest.map((m) => removeListItem(document, list as ArrayNode, m))];
  return { title: `Replace the ${group.length} ${verb} actions with "${wildcard}"`, edits: mergeRemovals(edits) };
}

/** Removals of neighbouring items may overlap at their separators: keep them disjoint. */
function mergeRemovals(edits: OffsetEdit[]): OffsetEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const out: OffsetEdit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    if (last && edit.start < last.end) out.push({ ...edit, start: last.end });
    else out.push(edit);
  }
  return out;
}

// ── finding the model at a position ──────────────────────────────────────────────────────────

/** The string (value or key) starting at offset, found by descending through the containers. */
export function stringAt(document: PolicyDocument, offset: number, end?: number): StringNode | undefined {
  let nodes: Array<ValueNode | PropertyNode> = [...document.roots];
  for (let depth = 0; depth < 2000; depth++) {
    const next = nodes.find((n) => offset >= n.start && offset <= n.end);
    if (!next) return undefined;
    if (next.kind === 'property') {
      if (offset >= next.key.start && offset < next.key.end && (end === undefined || end === next.key.end)) return next.key;
      if (!next.value) return undefined;
      nodes = [next.value];
    } else if (next.kind === 'object') nodes = (next as ObjectNode).properties;
    else if (next.kind === 'array') nodes = next.items;
    else if (next.kind === 'opaque') nodes = next.argument ? [next.argument] : [];
    else return next.kind === 'string' && (end === undefined || end === next.end) ? next : undefined;
  }
  return undefined;
}
