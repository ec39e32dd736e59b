// The rule matrix in Terraform: what differs from the JSON and YAML cases (test/rule-cases.ts) when a
// case is written in `jsonencode({…})` or as a policy document data source, and why.

import { toDataSource, toTerraform } from './policy-text';
import { ARGUMENT_OF_ELEMENT } from '../server/src/formats/terraform-document';

export type TerraformForm = 'terraform' | 'datasource';

/** Per rule and form: text fixtures where the case is about syntax, another expected text, or the reason it cannot be written. */
export interface FormOverride {
  readonly fires?: string;
  readonly silent?: string;
  readonly at?: string;
  /** Replaces the case's extra firing inputs in this form. */
  readonly extraFires?: ReadonlyArray<{ readonly fires: string; readonly at: string }>;
  /** Why the form cannot express the case (it is then not run). */
  readonly skip?: string;
}

export const TERRAFORM_OVERRIDES: Readonly<Record<string, Partial<Record<TerraformForm, FormOverride>>>> = {
  'syntax-error': {
    terraform: { fires: identityPolicy('{ Version = "2012-10-17", Statement = [{ Effect = "Allow" Action = "profile:GetDomain" }] }'), at: 'Action' },
    datasource: { fires: document('effect = "Allow" actions = ["profile:GetDomain"]'), at: 'actions' },
  },
  'sid-empty': {
    datasource: { skip: 'the provider leaves an empty sid out of the JSON it makes: IAM sees no Sid (tested in terraform.test.ts)' },
  },
  'duplicate-key': {
    terraform: {
      fires: identityPolicy(
        '{ Version = "2012-10-17", Statement = { Effect = "Allow", Action = "profile:GetDomain", Resource = "*", Action = "profile:ListDomains" } }',
      ),
      at: 'Action',
    },
    datasource: { fires: document('actions = ["profile:GetDomain"]\n    resources = ["*"]\n    actions = ["profile:ListDomains"]'), at: 'actions' },
  },
  'nesting-too-deep': {
    // The bracket where the limit was hit; what follows it is not read.
    terraform: {
      fires: identityPolicy(`{ Version = "2012-10-17", Statement = ${deep(1001)} }`),
      at: '[',
      extraFires: [
        { fires: `x = ${deep(5000)}\n`, at: '[' },
        { fires: `x = ${deep(100_000)}\n`, at: '[' },
      ],
    },
    datasource: { fires: document(`actions = ${deep(1001)}`), at: '[', extraFires: [] },
  },
  'document-too-large': {
    terraform: { fires: `${identityPolicy('{ Version = "2012-10-17", Statement = [] }')}${' '.repeat(4 * 1024 * 1024)}`, at: 'r' },
    datasource: { fires: `${document('actions = ["profile:GetDomain"]')}${' '.repeat(4 * 1024 * 1024)}`, at: 'd' },
  },
  // A policy's anchor is the argument that holds it, as a template's is the key that holds it.
  'version-missing': {
    terraform: { at: 'policy' },
    datasource: { skip: 'the data source writes "Version": "2012-10-17" itself when version is left out' },
  },
  'policy-size': { terraform: { at: 'policy' }, datasource: { at: 'p_document' } },
  'statement-missing': {
    datasource: { fires: 'data "aws_iam_policy_document" "empty" {\n  version = "2012-10-17"\n}\n', at: 'empty' },
  },
  'element-unknown': {
    datasource: {
      fires: document('effect = "Allow"\n    actions = ["profile:GetDomain"]\n    resources = ["*"]\n    not_action = ["profile:ListDomains"]'),
      at: 'not_action',
    },
  },
  'element-type': { datasource: { skip: 'Terraform turns `sid = 7` into the string "7"' } },
  'effect-missing': { datasource: { skip: 'the data source writes "Effect": "Allow" itself when effect is left out' } },
  'principal-without-resource-policy': {
    terraform: { skip: 'only a guessed resource policy (a file on its own) is checked; a Terraform argument says what its policy is' },
    datasource: { skip: 'only a guessed resource policy (a file on its own) is checked; the argument that uses the document says what it is' },
  },
  'condition-key-duplicate-case': {
    datasource: { skip: 'each key is a condition block of its own, an operator of its own in the model, so that every block keeps its place for completion' },
  },
  'condition-empty': {
    // A condition block with nothing in it yet: no operator.
    datasource: {
      fires: document('effect = "Allow"\n    actions = ["profile:GetDomain"]\n    resources = ["*"]\n    condition {\n    }'),
      at: 'condition {\n    }',
    },
  },
  'variable-literal-version': {
    // The data source writes Version 2012-10-17 unless told otherwise: the mistake is an old version.
    datasource: {
      fires:
        'data "aws_iam_policy_document" "d" {\n  version = "2008-10-17"\n  statement {\n    actions   = ["profile:GetDomain"]\n    resources = ["arn:aws:profile:*:*:domains/&{aws:username}"]\n  }\n}\n',
      at: '&{aws:username}',
    },
  },
};

/** An aws_iam_policy whose policy argument is jsonencode of the given HCL. */
function identityPolicy(hcl: string): string {
  return `resource "aws_iam_policy" "p" {\n  policy = jsonencode(${hcl})\n}\n`;
}

/** A policy document data source with one statement holding the given lines. */
function document(lines: string): string {
  return `data "aws_iam_policy_document" "d" {\n  version = "2012-10-17"\n  statement {\n    ${lines}\n  }\n}\n`;
}

function deep(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const ATTRIBUTE_NAMES = ARGUMENT_OF_ELEMENT;

/** The source text a finding covers in the form: policy variables as written there, element names as the data source names them. */
export function expectedAt(at: string, form: TerraformForm): string {
  if (form === 'terraform') return at.replace(/\$\{/g, () => '$${');
  return ATTRIBUTE_NAMES[at] ?? at.replace(/\$\{/g, () => '&{');
}

export function render(fixture: object, form: TerraformForm): string | undefined {
  return form === 'terraform' ? toTerraform(fixture) : toDataSource(fixture);
}
