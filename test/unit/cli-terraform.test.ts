// `profile-policy lint` and `simulate` on Terraform: .tf files and directories of them, exit codes as
// for JSON and YAML, and --select by resource or data source name.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli } from '../cli-runner';
import { scratchDirectory } from '../helpers';

const MISTAKES = `resource "aws_iam_policy" "reader" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "profile:GetDomian", Resource = "*" }]
  })
}

data "aws_iam_policy_document" "writer" {
  statement {
    actions   = ["profile:PutProfileObject"]
    resources = ["*"]
    condition {
      test     = "StringEqual"
      variable = "aws:username"
      values   = ["ana"]
    }
  }
}
`;

describe('profile-policy on Terraform', () => {
  test('lint reads a clean .tf file: no output, exit 0', () => {
    const result = cli(['lint', 'examples/profiles.tf']);
    assert.equal(result.stdout, '');
    assert.equal(result.code, 0);
  });

  test('lint finds .tf files in directories and reports at the HCL that is wrong', () => {
    const dir = scratchDirectory('lint-tf-');
    mkdirSync(join(dir, 'modules'));
    writeFileSync(join(dir, 'modules', 'main.tf'), MISTAKES);
    writeFileSync(join(dir, 'variables.tf'), 'variable "region" {\n  default = "us-east-1"\n}\n');
    const result = cli(['lint', dir], dir);
    assert.equal(result.code, 1);
    assert.deepEqual(
      result.lines.map((line) => line.split(' ').slice(0, 3).join(' ')),
      ['modules/main.tf:4:47 error action-unknown', 'modules/main.tf:13:18 error condition-operator-unknown'],
    );
  });

  test('simulate --select picks a policy of a .tf file by its name', () => {
    const dir = scratchDirectory('simulate-tf-');
    const file = join(dir, 'main.tf');
    writeFileSync(file, MISTAKES.replace('GetDomian', 'GetDomain'));
    const request = ['--action', 'profile:PutProfileObject', '--resource', 'arn:aws:profile:us-east-1:111122223333:domains/retail'];
    const allowed = cli(['simulate', '--policy', file, '--select', 'writer', ...request, '--json']);
    // The condition's operator is misspelt: IAM would reject the policy; the simulator evaluates what it can.
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.equal(JSON.parse(allowed.stdout).decision, 'ImplicitDeny');
    const reader = cli([
      'simulate',
      '--policy',
      file,
      '--select',
      'aws_iam_policy.reader',
      '--action',
      'profile:GetDomain',
      '--resource',
      '*',
      '--expect',
      'Allow',
    ]);
    assert.equal(reader.code, 0, reader.stdout + reader.stderr);
    assert.match(reader.stdout, /^Allow: /);
    const unchosen = cli(['simulate', '--policy', file, ...request]);
    assert.equal(unchosen.code, 2);
    assert.match(unchosen.stderr, /choose one with --select: aws_iam_policy\.reader; data\.aws_iam_policy_document\.writer/);
  });
});
