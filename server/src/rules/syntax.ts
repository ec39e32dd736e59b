// Problems found by the readers: the text is not valid JSON/YAML, an object repeats a key, or a limit
// stopped the reading.
import { replaceScalar } from '../model/edits';
import { defineRules, type RuleSpecs } from './rule';

const rules = {
  'syntax-error': {
    severity: 'error',
    title: 'The document is not valid JSON or YAML',
    description:
      'IAM only accepts well-formed JSON. Fix the reported character; everything after it may be misread. A JSON value typed without its double quotes (`"Action": profile:GetDomain`) is read as the string it was meant to be, with a quick fix that adds them; a trailing comma is reported where it is, with a quick fix that removes it.',
    references: ['Access Analyzer JSON_SYNTAX_ERROR', 'parliament MALFORMED_JSON'],
    fix: (finding, { document, node }) => {
      switch (finding.data?.repair) {
        case 'remove':
          return [{ title: 'Remove the trailing comma', edits: [{ start: finding.start, end: finding.end, newText: '' }] }];
        case 'quote': {
          if (node?.kind !== 'string' || node.start !== finding.start || node.end !== finding.end) return [];
          const key = node.parent?.kind === 'property' && node.parent.key === node;
          return [{ title: `Put the ${key ? 'property name' : 'value'} in double quotes`, edits: [replaceScalar(document, node, node.value)] }];
        }
        default:
          return [];
      }
    },
  },
  'duplicate-key': {
    severity: 'error',
    title: 'An object repeats a key',
    description: 'IAM rejects policies with duplicate keys; other JSON tools silently keep one of them. Merge the two entries.',
    references: ['IAM JSON policy grammar'],
  },
  'nesting-too-deep': {
    severity: 'error',
    title: 'The document is nested too deeply to read',
    description:
      'Containers nested over a thousand levels deep are not read: no policy is that deep, and reading them would risk the stack. The diagnostic sits where the limit was hit; nothing in the document is analysed. Reported in any JSON or YAML file, policy or not, since what the file holds cannot be told.',
    anyDocument: true,
  },
  'document-too-large': {
    severity: 'warning',
    title: 'The document is larger than the size limit and is not analysed',
    description:
      'Documents over `profilePolicy.maxDocumentSize` MiB (4 by default; `maxDocumentSize` in `.profile-policy.json` for the CLI) are not read, so a huge file never stalls the editor. CloudFormation itself takes templates up to 1 MB, and IAM policies up to 10,240 characters. Raise the setting to analyse a larger file.',
    anyDocument: true,
  },
} as const satisfies RuleSpecs;

export const syntaxRules = defineRules({
  name: 'syntax',
  rules,
  checkDocument(context) {
    for (const problem of context.document.problems)
      context.report(problem.code, problem, problem.message, problem.repair ? { repair: problem.repair } : undefined);
  },
});
