// "What is at this position?": one typed answer, from the cached model, that completion and hover
// dispatch on. It says which IAM slot a position is in (a statement key, an Action value, a condition
// key under an operator, …), what was typed so far, and which source range a completion replaces.
import { policyAt, type PolicyDocument } from './document';
import type { BlankLineTarget } from './format';
import { buildPolicy, type Policy, type Statement } from './policy';
import { valueIndexAt, type ObjectNode, type PropertyNode, type StringNode, type ValueNode } from './tree';
import { indentUnit } from './lines';

export type SlotKind = 'policy-key' | 'statement-key' | 'value' | 'condition-operator' | 'condition-key' | 'condition-value';

export interface Slot {
  readonly kind: SlotKind;
  readonly policy: Policy;
  readonly statement: Statement | undefined;
  /** For values: the element the value belongs to (Version, Effect, Action, Resource, …). */
  readonly element: string | undefined;
  /** For condition keys and values: the operator, as written. */
  readonly operator: string | undefined;
  /** For condition values: the key, as written. */
  readonly conditionKey: string | undefined;
  /** The scalar or key under the position, if there is one. */
  readonly node: ValueNode | StringNode | undefined;
  /** The property the position is a key or value of. */
  readonly property: PropertyNode | undefined;
  /** What was typed in the token before the position (quotes excluded), as its value reads (Terraform's `$${` is `${`). */
  readonly prefix: string;
  /** The source range a completion replaces: the whole token, quotes included. */
  readonly replace: { readonly start: number; readonly end: number };
  /** The quote the token is written with, if any. */
  readonly quote: '"' | "'" | undefined;
  /** Keys already present in the object the slot is a key of (the one being typed excluded). */
  readonly siblings: readonly string[];
  /** The value sits in a list (`[…]` or `- …`). */
  readonly inList: boolean;
  /** Text an insertion must start with, where the replaced range starts before the cursor (the blanks of a YAML line, re-indented). */
  readonly lead: string;
}

interface Step {
  readonly property: PropertyNode;
  /** The object entered inside this property's value (through a list if need be), if any. */
  object: ObjectNode | undefined;
}

interface Descent {
  /** YAML read `aws:‸` or `- profile:‸` as a key with an empty value: the colon is part of what is typed. */
  readonly colonTyped?: boolean;
  readonly trail: Step[];
  /** The scalar (or key) at the position, or the container when the position is between entries. */
  readonly node: ValueNode | StringNode | undefined;
  readonly onKey: boolean;
  readonly inList: boolean;
}

export function locate(document: PolicyDocument, offset: number): Slot | undefined {
  const target = document.format.blankLineTarget?.(document.text, offset);
  if (target) return atBlankLine(document, offset, target);
  const policy = policyAt(document, offset);
  if (!policy) return beforeAnyPolicy(document, offset) ?? wordStartingPolicy(document, offset);
  const descent = descend(policy.node, offset, document.format.colonEndsPlainKey);
  if (betweenKeyAndValue(descent, offset, document.text)) return undefined;
  return classify(policy, descent, offset, document.text, document.format.keysStartObjects);
}

/**
 * Between a key's separator and its value on the same line (`"Action":‸ "profile:GetDomain"`): no key
 * goes there, and a value would be written beside the one there is.
 */
function betweenKeyAndValue(descent: Descent, offset: number, text: string): boolean {
  const object = descent.node;
  if (object?.kind !== 'object') return false;
  return object.properties.some((p) => {
    // YAML records no colon: past the key's end is past its colon. An empty value (YAML `profile:` at a
    // line end, a key being typed) is no value to write beside.
    if (p.value === undefined || p.value.kind === 'null' || offset <= p.key.end || offset > p.value.start) return false;
    return (p.colon === undefined || offset >= p.colon) && !text.slice(offset, p.value.start).includes('\n');
  });
}

/** A document with nothing in it yet (blanks and comments at most): the place for a whole policy. */
export function isEmptyDocument(document: PolicyDocument): boolean {
  return document.roots.length === 0 && document.policies.length === 0 && !document.spliced && !document.otherContent;
}

/**
 * A document that holds no policy yet, where one is being started: its root object (`{‸}`), or the
 * first word of a YAML document (`Ver‸`), is where a policy's keys go. Read as a policy in the making.
 */
function beforeAnyPolicy(document: PolicyDocument, offset: number): Slot | undefined {
  if (document.policies.length > 0 || document.isTemplate || document.spliced || document.roots.length !== 1) return undefined;
  const root = document.roots[0]!;
  const standalone = { format: 'standalone' } as const;
  if (root.kind === 'object') {
    if (!inside(root, offset)) return undefined;
    return classify(buildPolicy(root, 'identity', standalone, 'Policy'), descend(root, offset, document.format.colonEndsPlainKey), offset, document.text);
  }
  // A plain word on its own: YAML reads `Ver` as a string until the colon comes.
  if (root.kind !== 'string' || root.quote || offset < root.start || offset > root.end || root.value.includes('\n')) return undefined;
  const empty: ObjectNode = { kind: 'object', style: 'block', properties: [], start: root.start, end: root.end, parent: undefined };
  const policy = buildPolicy(empty, 'identity', standalone, 'Policy');
  return {
    ...keySlot('policy-key', policy, empty, { trail: [], node: undefined, onKey: false, inList: false }, offset, document.text, {}),
    ...tokenOf(root, offset, document.text),
    node: root,
  };
}

/**
 * A template's place that takes a policy and holds none yet, read as an empty policy so its keys are
 * offered: `PolicyDocument:` with nothing after it, the position at its line's end (a blank line below).
 */
function emptyPolicyAt(document: PolicyDocument, offset: number): Policy | undefined {
  if (document.spliced) return undefined;
  const line = document.lines.positionAt(offset).line;
  const pending = document.format
    .pendingPolicies?.(document.roots)
    .find(
      (p) =>
        (p.holder.value === undefined || p.holder.value.kind === 'null') &&
        offset >= p.holder.key.start &&
        document.lines.positionAt(p.holder.key.start).line === line,
    );
  if (!pending) return undefined;
  const empty: ObjectNode = { kind: 'object', style: 'block', properties: [], start: offset, end: offset, parent: undefined };
  return buildPolicy(empty, pending.kind, pending.origin, pending.label, pending.traits);
}

/** The same place with a word typed on the line below its key (`PolicyDocument:` then `  Ver`): the first key of the policy. */
function wordStartingPolicy(document: PolicyDocument, offset: number): Slot | undefined {
  if (document.spliced || !document.isTemplate) return undefined;
  const pending = document.format.pendingPolicies?.(document.roots).find((p) => {
    const word = p.holder.value;
    return (
      word?.kind === 'string' &&
      offset >= word.start &&
      offset <= word.end &&
      document.lines.positionAt(word.start).line > document.lines.positionAt(p.holder.key.start).line
    );
  });
  if (!pending) return undefined;
  const word = pending.holder.value as StringNode;
  const empty: ObjectNode = { kind: 'object', style: 'block', properties: [], start: word.start, end: word.end, parent: undefined };
  const policy = buildPolicy(empty, pending.kind, pending.origin, pending.label, pending.traits);
  return {
    ...keySlot('policy-key', policy, empty, { trail: [], node: undefined, onKey: false, inList: false }, offset, document.text, {}),
    ...tokenOf(word, offset, document.text),
    node: word,
  };
}

/** A blank YAML line: classify the node the indentation points at, then aim the edit at the cursor. */
function atBlankLine(document: PolicyDocument, offset: number, blank: BlankLineTarget): Slot | undefined {
  let target = blank;
  let policy = policyAt(document, target.offset);
  if (!policy && target.relation === 'child') policy = emptyPolicyAt(document, target.offset);
  else if (!policy && target.word === undefined && !target.column) {
    // The line right under an empty `PolicyDocument:`, at its column (where Enter leaves the cursor when
    // the editor does not indent after a colon): its value goes there, one level in.
    const keyLine = document.lines.positionAt(target.offset).line;
    policy = keyLine + 1 === document.lines.positionAt(offset).line ? emptyPolicyAt(document, target.offset) : undefined;
    const column = target.offset - document.lines.offsetAt({ line: keyLine, character: 0 }) + indentUnit(document.text).length;
    if (policy) target = { offset: policy.node.start, relation: 'child', column };
  }
  if (!policy) return undefined;
  const slot = classify(policy, descend(policy.node, target.offset, false), target.offset, document.text);
  if (!slot) return undefined;
  // A key that belongs at another column than the cursor's: the edit covers the line's blanks and re-indents.
  const lineStart = offset - document.lines.positionAt(offset).character;
  const typed = target.word ?? offset;
  const moved = target.column !== undefined && target.column !== typed - lineStart;
  const here = {
    prefix: document.text.slice(typed, offset),
    replace: { start: moved ? lineStart : typed, end: offset },
    lead: moved ? ' '.repeat(target.column!) : '',
    quote: undefined,
    node: undefined,
  };
  if (target.relation === 'sibling') {
    if (!slot.node || slot.kind === 'value' || slot.kind === 'condition-value') return undefined;
    return { ...slot, ...here, property: undefined, siblings: [...slot.siblings, (slot.node as StringNode).value] };
  }
  // A child of a key with an empty value: Condition → operators, an operator → keys; a list element's
  // value on the next line is written as a list item.
  if (slot.kind === 'value' && slot.element !== undefined && ['Action', 'NotAction', 'Resource', 'NotResource'].includes(slot.element))
    return { ...slot, ...here };
  return slot.kind === 'value' || slot.kind === 'condition-value' ? undefined : { ...slot, ...here };
}

/** Is offset inside node as a cursor sees it: between a string's quotes; inside a flow container's brackets. */
function inside(node: ValueNode | StringNode, offset: number): boolean {
  if (node.kind === 'string' && node.quote) return offset > node.start && (offset < node.end || (!node.closed && offset <= node.end));
  if ((node.kind === 'object' || node.kind === 'array') && node.style === 'flow') return offset > node.start && offset < node.end;
  return offset >= node.start && offset <= node.end;
}

function descend(root: ObjectNode, offset: number, colonTyping: boolean): Descent {
  const trail: Step[] = [];
  let node: ValueNode = root;
  let inList = false;
  for (;;) {
    if (node.kind === 'object') {
      if (trail.length > 0) trail[trail.length - 1]!.object ??= node;
      const hit: PropertyNode | undefined = node.properties.find(
        (p) => inside(p.key, offset) || (p.value !== undefined && inside(p.value, offset) && offset >= p.value.start),
      );
      if (!hit) {
        const pending = node.properties.find((p, i) => awaitsValue(p, offset, node.kind === 'object' ? node.properties[i + 1] : undefined));
        if (pending) {
          trail.push({ property: pending, object: undefined });
          return { trail, node: undefined, onKey: false, inList: false };
        }
        return { trail, node, onKey: false, inList: false };
      }
      trail.push({ property: hit, object: undefined });
      if (inside(hit.key, offset) && !(hit.value && offset >= hit.value.start && inside(hit.value, offset))) {
        return { trail, node: hit.key, onKey: true, inList: false };
      }
      if (
        colonTyping &&
        offset === hit.key.end + 1 &&
        !hit.key.quote &&
        (hit.value === undefined || (hit.value.kind === 'null' && hit.value.start >= offset - 1))
      ) {
        return { trail, node: hit.key, onKey: true, inList, colonTyped: true };
      }
      node = hit.value!;
      inList = false;
    } else if (node.kind === 'array') {
      const item: ValueNode | undefined = node.items.find((i) => inside(i, offset));
      if (!item) return { trail, node, onKey: false, inList: true };
      node = item;
      inList = true;
    } else {
      return { trail, node, onKey: false, inList };
    }
  }
}

/** `"Action": |` in JSON: the key and colon are there, the value is not yet. */
function awaitsValue(property: PropertyNode, offset: number, next: PropertyNode | undefined): boolean {
  if (property.value !== undefined || property.colon === undefined || offset < property.colon) return false;
  return next === undefined || offset <= next.start;
}

/** keysStartObjects: a word typed as a list's item may be the first key of an object it starts (YAML's `- Eff`). */
function classify(policy: Policy, descent: Descent, offset: number, text: string, keysStartObjects = false): Slot | undefined {
  const { trail, onKey } = descent;
  const names = trail.map((s) => s.property.key.value);
  const keyOf = (kind: SlotKind, object: ObjectNode | undefined, extra: Partial<Slot> = {}) => keySlot(kind, policy, object, descent, offset, text, extra);
  const statementOf = (node: ObjectNode | undefined) => (node ? policy.statements.find((s) => s.node === node) : undefined);

  // The policy object itself: its keys, and the values of Version and Id.
  if (trail.length === 0) return keyOf('policy-key', policy.node);
  if (trail.length === 1 && onKey) return keyOf('policy-key', policy.node);
  if (names[0] !== 'Statement') return trail.length === 1 ? valueSlot(policy, undefined, names[0]!, descent, offset, text) : undefined;

  // Statement → statement object: its keys and element values.
  const statementNode = trail[0]!.object;
  // `Statement: [‸]` or a fresh `- ‸` item: a new statement starts here.
  if (!statementNode) {
    if (trail.length !== 1) return undefined;
    if (descent.node === undefined || descent.node.kind === 'array' || descent.node.kind === 'null') return keyOf('statement-key', undefined);
    // `- Eff‸`: a plain word after the dash, the first key of a new statement being typed; accepted, it replaces the word.
    const word = descent.node;
    if (keysStartObjects && descent.inList && word.kind === 'string' && word.quote === undefined)
      return { ...keyOf('statement-key', undefined), node: word, ...tokenOf(word, offset, text) };
    return undefined;
  }
  const statement = statementOf(statementNode);
  if (trail.length === 1)
    return descent.node?.kind === 'object' || descent.node === undefined ? keyOf('statement-key', statementNode, { statement }) : undefined;
  if (trail.length === 2 && onKey) return keyOf('statement-key', statementNode, { statement });
  if (names[1] !== 'Condition') {
    if (trail.length === 2) return valueSlot(policy, statement, names[1]!, descent, offset, text);
    // `- profile:‸` under Action: the value being typed, which YAML took for a key.
    if (trail.length === 3 && descent.colonTyped)
      return { ...valueSlot(policy, statement, names[1]!, { ...descent, node: undefined }, offset, text)!, ...colonToken(descent, offset, text) };
    return undefined;
  }

  // Condition → operator → key → values.
  const conditionBlock = trail[1]!.object;
  if (trail.length === 2) return keyOf('condition-operator', conditionBlock, { statement });
  const operator = names[2]!;
  if (trail.length === 3 && onKey) return keyOf('condition-operator', conditionBlock, { statement });
  if (trail.length === 3) return keyOf('condition-key', trail[2]!.object, { statement, operator });
  if (trail.length === 4 && onKey) return keyOf('condition-key', trail[2]!.object, { statement, operator });
  if (trail.length === 4)
    return valueSlot(policy, statement, 'Condition', descent, offset, text, { kind: 'condition-value', operator, conditionKey: names[3]! });
  return undefined;
}

function colonToken(descent: Descent, offset: number, text: string): Partial<Slot> {
  const key = descent.node as StringNode;
  return { node: key, prefix: text.slice(key.start, offset), replace: { start: key.start, end: offset }, quote: undefined };
}

function keySlot(kind: SlotKind, policy: Policy, object: ObjectNode | undefined, descent: Descent, offset: number, text: string, extra: Partial<Slot>): Slot {
  const property = descent.onKey ? descent.trail[descent.trail.length - 1]!.property : undefined;
  const keyNode = property?.key;
  const siblings = (object?.properties ?? []).filter((p) => p !== property).map((p) => p.key.value);
  return {
    kind,
    policy,
    statement: undefined,
    element: undefined,
    operator: undefined,
    conditionKey: undefined,
    node: keyNode,
    property,
    siblings,
    inList: false,
    lead: '',
    ...tokenOf(keyNode, offset, text),
    ...(descent.colonTyped ? colonToken(descent, offset, text) : {}),
    ...extra,
  };
}

function valueSlot(
  policy: Policy,
  statement: Statement | undefined,
  element: string,
  descent: Descent,
  offset: number,
  text: string,
  extra: Partial<Slot> = {},
): Slot | undefined {
  const node = descent.node;
  if (node?.kind === 'object' || node?.kind === 'opaque') return undefined;
  const scalar = node?.kind === 'array' ? undefined : node;
  return {
    kind: 'value',
    policy,
    statement,
    element,
    operator: undefined,
    conditionKey: undefined,
    node: scalar,
    property: descent.trail[descent.trail.length - 1]?.property,
    siblings: [],
    inList: descent.inList,
    lead: '',
    ...tokenOf(scalar, offset, text),
    ...extra,
  };
}

function tokenOf(node: ValueNode | StringNode | undefined, offset: number, text: string): Pick<Slot, 'prefix' | 'replace' | 'quote'> {
  if (!node || node.kind === 'null') return { prefix: '', replace: { start: offset, end: offset }, quote: undefined };
  const quote = node.kind === 'string' ? node.quote : undefined;
  const contentStart = quote ? node.start + 1 : node.start;
  // An unterminated string runs on over what the user typed after the cursor: replace only up to it.
  const closed = node.kind !== 'string' || node.closed;
  // The value up to the cursor where the source maps onto it; the source text where escapes hide that.
  const index =
    node.kind === 'string' && (node.offsets || node.value !== text.slice(contentStart, contentStart + node.value.length))
      ? valueIndexAt(node, offset)
      : undefined;
  const prefix = index !== undefined && node.kind === 'string' ? node.value.slice(0, index) : text.slice(contentStart, Math.max(contentStart, offset));
  return { prefix, replace: { start: node.start, end: closed ? node.end : offset }, quote };
}

/** What a reported range (a finding) is: its slot, the string it covers exactly (if one does), its policy and statement. */
export interface RangeTarget {
  readonly slot: Slot | undefined;
  readonly node: StringNode | undefined;
  readonly policy: Policy | undefined;
  readonly statement: Statement | undefined;
}

export function locateRange(document: PolicyDocument, start: number, end: number): RangeTarget {
  // Just inside the start: between a string's quotes, within a plain scalar.
  const slot = locate(document, Math.min(start + 1, end)) ?? locate(document, start);
  const node = slot?.node?.kind === 'string' && slot.node.start === start && slot.node.end === end ? slot.node : undefined;
  const policy = slot?.policy ?? policyAt(document, start) ?? policyHeldAt(document, start);
  const statement = slot?.statement ?? policy?.statements.find((s) => start >= s.node.start && start <= s.node.end);
  return { slot, node, policy, statement };
}

/** The policy whose holding key (`PolicyDocument:`, Terraform's `policy =`) is at the offset: where a missing element is reported. */
function policyHeldAt(document: PolicyDocument, offset: number): Policy | undefined {
  return document.policies.find((p) => p.node.parent?.kind === 'property' && offset >= p.node.parent.key.start && offset <= p.node.parent.key.end);
}
