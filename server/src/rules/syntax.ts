// Problems found by the readers: the text is not valid JSON/YAML, or an object repeats a key.
import { defineRules, type RuleSpecs } from './rule';

const rules = {
  'syntax-error': {
    severity: 'error',
    title: 'The document is not valid JSON or YAML',
    description: 'IAM only accepts well-formed JSON. Fix the reported character; everything after it may be misread.',
    references: ['Access Analyzer JSON_SYNTAX_ERROR', 'parliament MALFORMED_JSON'],
  },
  'duplicate-key': {
    severity: 'error',
    title: 'An object repeats a key',
    description: 'IAM rejects policies with duplicate keys; other JSON tools silently keep one of them. Merge the two entries.',
    references: ['IAM JSON policy grammar'],
  },
} as const satisfies RuleSpecs;

export const syntaxRules = defineRules({
  name: 'syntax',
  rules,
  checkDocument(context) {
    for (const problem of context.document.problems) context.report(problem.code, problem, problem.message);
  },
});
