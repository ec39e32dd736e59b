// Reading again only the edited policy (model/splice.ts) must give the model a full parse gives: every
// policy, node, range and value, after edits of every kind inside policies, in both formats. Where it
// cannot be sure (an edit outside policies, one that moves a policy's bounds) it must decline.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateTemplate, generateTerraform, random } from '../../bench/generate';
import { DocumentStore } from '../../server/src/documents';
import { formatById } from '../../server/src/formats/registry';
import { parseDocument, type PolicyDocument } from '../../server/src/model/document';
import { spliceDocument, textChange } from '../../server/src/model/splice';
import { analyseDocument } from '../../server/src/rules/analysis';
import { completion } from '../../server/src/service';
import { bundledCatalog } from '../../server/src/catalog/bundled';
import type { ValueNode } from '../../server/src/model/tree';
import { FORMATS, readRepoFile } from '../helpers';

/** Every node with its kind, range and value, in order: two models are the same when these are. */
function shape(node: ValueNode | undefined): unknown {
  if (!node) return null;
  const range = `${node.kind}@${node.start}-${node.end}`;
  switch (node.kind) {
    case 'object':
      return [
        range,
        node.style,
        node.commas ?? [],
        ...node.properties.map((p) => [`${p.key.value}@${p.key.start}-${p.start}-${p.end}:${p.colon ?? ''}`, shape(p.value)]),
      ];
    case 'array':
      return [range, node.style, node.commas ?? [], ...node.items.map(shape)];
    case 'string':
      return [range, node.value, node.quote ?? '', node.closed];
    case 'number':
      return [range, node.raw];
    case 'boolean':
      return [range, node.value];
    case 'null':
      return range;
    case 'opaque':
      return [range, node.name, shape(node.argument)];
  }
}

function policiesOf(document: PolicyDocument): unknown {
  return document.policies.map((p) => ({
    label: p.label,
    kind: p.kind,
    statements: p.statements.map((s) => [s.index, s.node.start, Object.keys(s.elements).join(',')]),
    key: p.node.parent?.kind === 'property' ? [p.node.parent.key.value, p.node.parent.key.start] : null,
    node: shape(p.node),
  }));
}

/** What diagnostics show: every finding with its range and message, and the document's syntax problems. */
function findingsOf(document: PolicyDocument): unknown {
  return [analyseDocument(document, bundledCatalog()).findings, document.problems];
}

const SAMPLES = {
  json: [readRepoFile('examples', 'cloudformation-roles.json'), generateTemplate(24 * 1024, 5).json],
  yaml: [readRepoFile('examples', 'cloudformation-roles.yaml'), generateTemplate(24 * 1024, 5).yaml],
  // jsonencode objects and data sources are read again; JSON heredocs are not (see the test below).
  terraform: [readRepoFile('examples', 'profiles.tf'), generateTerraform(40, 5).text],
} as const;

/** The formats with a fragment reader. */
const SPLICED = [...FORMATS, 'terraform'] as const;

/** Edits a person makes inside a policy: typing, deleting, pasting a line, breaking a string. */
const EDITS: ReadonlyArray<readonly [string, (text: string, at: number) => string]> = [
  ['type a letter', (t, at) => `${t.slice(0, at)}x${t.slice(at)}`],
  ['delete a character', (t, at) => `${t.slice(0, at)}${t.slice(at + 1)}`],
  ['type a word with a colon', (t, at) => `${t.slice(0, at)}profile:Get${t.slice(at)}`],
  ['type a quote', (t, at) => `${t.slice(0, at)}"${t.slice(at)}`],
  ['break the line', (t, at) => `${t.slice(0, at)}\n${t.slice(at)}`],
  ['delete four characters', (t, at) => `${t.slice(0, at)}${t.slice(at + 4)}`],
  ['type a closing bracket', (t, at) => `${t.slice(0, at)}}${t.slice(at)}`],
];

describe('splice: the edited policy read again', () => {
  test('textChange finds the one range two texts differ in, across whole chunks', () => {
    const base = 'a'.repeat(10_000);
    assert.equal(textChange(base, base), undefined);
    assert.deepEqual(textChange(base, `${base.slice(0, 5000)}b${base.slice(5000)}`), { start: 5000, oldEnd: 5000, newEnd: 5001 });
    assert.deepEqual(textChange('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
    // A repeated character: the change is placed at the first position that explains it.
    assert.deepEqual(textChange('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    assert.deepEqual(textChange('abc', ''), { start: 0, oldEnd: 3, newEnd: 0 });
  });

  for (const format of SPLICED) {
    test(`every splice equals a full parse, after ${EDITS.length} kinds of edit at 150 places in policies [${format}]`, () => {
      const next = random(17);
      let spliced = 0;
      let clean = 0;
      let tried = 0;
      for (const text of SAMPLES[format]) {
        const before = parseDocument(text, formatById(format)!);
        for (let i = 0; i < 150; i++) {
          const policy = before.policies[Math.floor(next() * before.policies.length)]!;
          const at = policy.node.start + 1 + Math.floor(next() * (policy.node.end - policy.node.start - 2));
          for (const [name, edit] of EDITS) {
            const after = edit(text, at);
            const splice = spliceDocument(before, after);
            tried++;
            if (!splice) continue;
            spliced++;
            const full = parseDocument(after, formatById(format)!);
            assert.deepEqual(policiesOf(splice), policiesOf(full), `${name} at ${at}: ${JSON.stringify(after.slice(at - 30, at + 30))}`);
            // A clean splice is what diagnostics are made from: the same findings and problems as a full parse's.
            if (splice.spliced?.clean) {
              clean++;
              assert.deepEqual(findingsOf(splice), findingsOf(full), `${name} at ${at}: findings`);
            }
            assert.equal(splice.isTemplate, full.isTemplate);
            assert.equal(splice.text, after);
          }
        }
      }
      // Most edits inside a policy are read by a splice; the rest (a closing bracket typed, a YAML line
      // broken at its start) fall back to a full parse. Without this the test could pass splicing nothing.
      assert.ok(spliced / tried > 0.6, `${spliced} of ${tried} edits spliced`);
      // Typing into a policy that reads without a problem leaves most of them clean: diagnostics read them too.
      assert.ok(clean / spliced > 0.5, `${clean} of ${spliced} splices clean`);
    });
  }

  for (const format of SPLICED) {
    test(`random edits anywhere, of characters that open and close things: a splice, when made, equals a full parse [${format}]`, () => {
      const pieces = ['"', "'", '[', ']', '{', '}', ':', '-', '#', '\n', ' ', 'a', '*', '${', ',', '!Sub ', '|', '&a', '*a', '?', '\t', '\r\n'];
      const next = random(29);
      const original = SAMPLES[format][0];
      let text = original;
      let model = parseDocument(text, formatById(format)!);
      let spliced = 0;
      let clean = 0;
      for (let i = 0; i < 1500; i++) {
        const at = Math.floor(next() * text.length);
        const removed = next() < 0.3 ? Math.floor(next() * 5) : 0;
        const after = text.slice(0, at) + (next() < 0.8 ? pieces[Math.floor(next() * pieces.length)]! : '') + text.slice(at + removed);
        const splice = spliceDocument(model, after);
        const full = parseDocument(after, formatById(format)!);
        if (splice && splice !== model) {
          spliced++;
          assert.deepEqual(policiesOf(splice), policiesOf(full), JSON.stringify(after.slice(at - 40, at + 40)));
          if (splice.spliced?.clean) {
            clean++;
            assert.deepEqual(findingsOf(splice), findingsOf(full), `findings: ${JSON.stringify(after.slice(at - 40, at + 40))}`);
          }
        }
        // Edits pile up for a while (splices of splices), then the text starts over.
        if (next() < 0.5) [text, model] = [after, splice ?? full];
        if (next() < 0.1) [text, model] = [original, parseDocument(original, formatById(format)!)];
      }
      assert.ok(spliced > 300, `${spliced} splices`);
      assert.ok(clean > 100, `${clean} clean splices`);
    });
  }

  test('typing a string value: each keystroke is a splice of the previous splice, and the last one equals a full parse', () => {
    for (const format of SPLICED) {
      const text = SAMPLES[format][1];
      let model = parseDocument(text, formatById(format)!);
      // In Terraform, an action in jsonencode: heredocs are read by a full parse.
      const from = format === 'terraform' ? text.indexOf('jsonencode(', text.length >> 1) : text.length >> 1;
      const at = text.indexOf('profile:', from) + 'profile:'.length;
      let current = text;
      for (const letter of 'ListDomains') {
        const offset = at + current.length - text.length;
        current = `${current.slice(0, offset)}${letter}${current.slice(offset)}`;
        const next = spliceDocument(model, current);
        assert.ok(next?.spliced, `${format}: "${letter}" was not spliced`);
        model = next;
      }
      assert.deepEqual(policiesOf(model), policiesOf(parseDocument(current, formatById(format)!)), format);
    }
  });

  test('a position outside every policy of a spliced model is answered from the whole text: an empty PolicyDocument elsewhere', () => {
    const store = new DocumentStore();
    const uri = 'file:///roles.yaml';
    const format = formatById('yaml')!;
    const text = `${SAMPLES.yaml[1]}  Empty:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        \n`;
    store.analysis(uri, text, format);
    const at = text.indexOf('profile:') + 'profile:'.length;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const analysis = store.analysis(uri, edited, format);
    assert.ok(analysis.document.spliced?.clean);
    const blank = edited.length - 1;
    // Inside a policy: the splice and the findings, as they are.
    assert.equal(store.snapshot(uri, edited, format, at), analysis);
    // At the empty PolicyDocument's blank line: the whole text, read once, with the same findings.
    const snapshot = store.snapshot(uri, edited, format, blank);
    assert.equal(snapshot.document.spliced, undefined);
    assert.equal(snapshot.findings, analysis.findings);
    assert.deepEqual(
      completion(snapshot, blank).items.map((i) => i.label),
      ['New policy', 'Version', 'Statement'],
    );
    const parsed = store.counts.parsed;
    assert.equal(store.snapshot(uri, edited, format, blank).document, snapshot.document);
    assert.equal(store.counts.parsed, parsed);
  });

  test('declines where the bounds of a policy may have moved, or the edit is outside every policy', () => {
    const json = readRepoFile('examples', 'cloudformation-roles.json');
    const yaml = readRepoFile('examples', 'cloudformation-roles.yaml');
    const jsonModel = parseDocument(json, formatById('json')!);
    const yamlModel = parseDocument(yaml, formatById('yaml')!);
    const firstJson = jsonModel.policies[0]!.node;
    const firstYaml = yamlModel.policies[0]!.node;
    const declines: Array<[string, PolicyDocument, string]> = [
      ['JSON: the closing brace of a policy deleted', jsonModel, `${json.slice(0, firstJson.end - 1)}${json.slice(firstJson.end)}`],
      ['JSON: a brace typed that closes the policy early', jsonModel, `${json.slice(0, firstJson.start + 1)}}${json.slice(firstJson.start + 1)}`],
      ['JSON: an edit before the first policy', jsonModel, `x${json}`],
      ['YAML: an edit before the first policy', yamlModel, `# note\n${yaml}`],
      ['YAML: a line of the policy moved left of its keys', yamlModel, dedentLineAfter(yaml, firstYaml.start)],
    ];
    for (const [name, model, text] of declines) assert.equal(spliceDocument(model, text), undefined, name);
    // A root policy is the whole document: a full parse, never a splice.
    const standalone = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "*"}}';
    assert.equal(spliceDocument(parseDocument(standalone, formatById('json')!), standalone.replace('Get', 'GetX')), undefined);
  });

  test('the store answers requests and diagnostics from a clean splice, from a full parse after one that is not; entries are keyed by the text', () => {
    const store = new DocumentStore();
    const uri = 'file:///t.yaml';
    const format = formatById('yaml')!;
    const text = SAMPLES.yaml[1];
    const first = store.analysis(uri, text, format);
    assert.deepEqual(store.counts, { spliced: 0, parsed: 1, analysed: 1 });
    const at = text.indexOf('profile:', text.length >> 1) + 'profile:'.length;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const snapshot = store.snapshot(uri, edited, format);
    assert.equal(store.counts.spliced, 1);
    assert.ok(snapshot.document.spliced);
    // Findings belong to a text: none until the analysis of this one is done.
    assert.deepEqual(snapshot.findings, []);
    assert.equal(store.model(uri, edited, format), snapshot.document);
    const second = store.analysis(uri, edited, format);
    // The same model: the rules run again on the edited policy alone, with the findings a full parse gives.
    assert.equal(second.document, snapshot.document);
    assert.deepEqual(store.counts, { spliced: 1, parsed: 1, analysed: 2 });
    assert.deepEqual(second.findings, analyseDocument(parseDocument(edited, format), bundledCatalog()).findings);
    assert.notEqual(second, first);
    assert.equal(store.snapshot(uri, edited, format), second);
    // The same text again is the same answer; another text of the same length is not.
    assert.equal(store.analysis(uri, edited, format), second);
    const sameLength = `${text.slice(0, at)}y${text.slice(at)}`;
    assert.notEqual(store.analysis(uri, sameLength, format), second);
    assert.equal(store.analysis(uri, sameLength, format).document.text, sameLength);
    // A quote left open in the policy: a splice for completion, but not clean, so diagnostics take a full parse.
    const broken = `${sameLength.slice(0, at)}"${sameLength.slice(at)}`;
    assert.equal(store.model(uri, broken, format).spliced?.clean, false);
    assert.equal(store.analysis(uri, broken, format).document.spliced, undefined);
  });
});

/** The text with the first line after offset moved to column 0. */
function dedentLineAfter(text: string, offset: number): string {
  const lineStart = text.indexOf('\n', offset) + 1;
  let end = lineStart;
  while (text[end] === ' ') end++;
  return `${text.slice(0, lineStart)}${text.slice(end)}`;
}

describe('splice: Terraform', () => {
  test('an edit in jsonencode or a used data source is read again alone; one in a JSON heredoc or an unused data source by a full parse', () => {
    const format = formatById('terraform')!;
    const text = readRepoFile('examples', 'profiles.tf');
    const typed = (after: string) => {
      const at = text.indexOf(after) + after.length;
      return `${text.slice(0, at)}x${text.slice(at)}`;
    };
    const before = parseDocument(text, format);
    const splices: Array<[string, string]> = [
      ['jsonencode', typed('"profile:SearchProfiles')],
      ['a data source a role uses', typed('"sts:AssumeRole')],
      ['a data source a policy uses', typed('"profile:DeleteDomain')],
    ];
    for (const [where, after] of splices) {
      const splice = spliceDocument(before, after);
      assert.ok(splice?.spliced, where);
      assert.deepEqual(policiesOf(splice), policiesOf(parseDocument(after, format)), where);
    }
    // A heredoc's text is a template whose `<<-` indentation the whole heredoc decides.
    assert.equal(spliceDocument(before, typed('"profile:CreateDomain')), undefined);
    // An unused data source is a trust policy or not by what it says: an edit may change that.
    const unused = text.replace('assume_role_policy = data.aws_iam_policy_document.agent_trust.json', 'assume_role_policy = var.trust');
    const unusedModel = parseDocument(unused, format);
    assert.equal(unusedModel.policies[0]!.kind, 'trust');
    const notSts = unused.replace('"sts:AssumeRole"', '"profile:GetDomain"');
    assert.equal(spliceDocument(unusedModel, notSts), undefined);
    assert.equal(parseDocument(notSts, format).policies[0]!.kind, 'resource');
  });

  test('the store answers requests from a splice; the analysis of the edited text reads the same splice', () => {
    const store = new DocumentStore();
    const uri = 'file:///main.tf';
    const format = formatById('terraform')!;
    const text = readRepoFile('examples', 'profiles.tf');
    store.analysis(uri, text, format);
    const at = text.indexOf('profile:') + 'profile:'.length;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const model = store.model(uri, edited, format);
    assert.deepEqual(store.counts, { spliced: 1, parsed: 1, analysed: 1 });
    assert.ok(model.spliced);
    assert.deepEqual(policiesOf(model), policiesOf(parseDocument(edited, format)));
    assert.equal(store.analysis(uri, edited, format).document, model);
    assert.deepEqual(store.counts, { spliced: 1, parsed: 1, analysed: 2 });
  });
});
