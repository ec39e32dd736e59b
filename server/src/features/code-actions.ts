// Quick fixes for findings, and two refactorings on actions (expand a wildcard; collapse a complete
// group back into its wildcard). Edits come from edits.ts and keep the user's layout.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/catalog';
import { parseAction } from '../iam/action';
import { hasWildcard } from '../iam/wildcard';
import { statementAt, type PolicyDocument } from '../model/document';
import { elementValues } from '../model/policy';
import { locate, locateRange } from '../model/locate';
import type { ArrayNode, StringNode } from '../model/tree';
import { ruleMeta } from '../rules/index';
import type { Finding, Fix, FixTarget } from '../rules/rule';
import type { Analysis } from '../rules/analysis';
import { toDiagnostic } from './diagnostics';
import { removeListItem, replaceScalar, replaceWithItems, type OffsetEdit } from '../model/edits';

/** A code action request over a whole big document answers the first findings only: an editor shows a few. */
const MAX_FINDINGS = 200;

export function codeActions(analysis: Analysis, uri: string, range: { start: number; end: number }, catalog: Catalog): CodeAction[] {
  const { document } = analysis;
  const actions: CodeAction[] = [];
  const make = (title: string, edits: readonly OffsetEdit[], finding?: Finding, preferred = false): CodeAction => ({
    title,
    kind: finding ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
    ...(finding ? { diagnostics: [toDiagnostic(finding, document.lines) as Diagnostic] } : {}),
    ...(preferred ? { isPreferred: true } : {}),
    edit: { changes: { [uri]: edits.map((e) => toTextEdit(document, e)) } },
  });
  for (const finding of findingsIn(analysis.findings, range).slice(0, MAX_FINDINGS)) {
    const fix = ruleMeta(finding.ruleId)?.fix;
    if (!fix) continue;
    const target: FixTarget = { document, catalog, ...locateRange(document, finding.start, finding.end) };
    actions.push(...fix(finding, target).map((f, i) => make(f.title, f.edits, finding, i === 0 && f.preferred !== false)));
  }
  const slot = locate(document, range.start);
  if (slot?.node?.kind === 'string' && (slot.element === 'Action' || slot.element === 'NotAction')) {
    actions.push(...refactorings(document, slot.node, catalog).map((r) => make(r.title, r.edits)));
  }
  return actions;
}

/** The findings that touch the range; they are sorted by start, so the scan stops at the range's end. */
function findingsIn(findings: readonly Finding[], range: { start: number; end: number }): Finding[] {
  const found: Finding[] = [];
  for (const finding of findings) {
    if (finding.start > range.end) break;
    if (finding.end >= range.start) found.push(finding);
  }
  return found;
}

function toTextEdit(document: PolicyDocument, edit: OffsetEdit): TextEdit {
  return { range: { start: document.lines.positionAt(edit.start), end: document.lines.positionAt(edit.end) }, newText: edit.newText };
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
