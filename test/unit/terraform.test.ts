// Terraform as a format: where policies are found and what their places say of them, Terraform's own
// expressions never reported, policy variables in both of Terraform's spellings, exact positions in
// heredocs, the data source's defaults, and the outline, lenses and simulation over what was found.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyse, completion, hoverAt, lenses, newPolicy, simulate, symbols } from '../../server/src/service';
import { expandSnippet } from '../cursor';
import { describeFinding, readRepoFile } from '../helpers';

import { simulatePolicy } from '../../server/src/simulate/engine';

const fixture = (name: string) => readRepoFile('test', 'fixtures', 'terraform', name);

const findings = (text: string) => analyse(text, 'terraform').findings.map((f) => describeFinding(text, f));

describe('Terraform: where policies are', () => {
  test('each argument that takes a policy, each inline_policy block, each data source, with the kind its place gives', () => {
    const { document } = analyse(fixture('places.tf'), 'terraform');
    assert.deepEqual(
      document.policies.map((p) => [p.label, p.kind, p.traits.quota?.limit, p.traits.impliedResource ?? p.traits.filter ?? false]),
      [
        ['aws_iam_role.agent › assume_role_policy', 'trust', undefined, false],
        ['aws_iam_role.agent › inline_policy "read"', 'identity', 10240, false],
        ['aws_kms_key.exports', 'resource', undefined, false],
        // A data source is what the argument that uses it makes it; one that no argument uses is read as a policy file would be.
        ['data.aws_iam_policy_document.inline', 'identity', 10240, false],
        ['data.aws_iam_policy_document.trust', 'trust', undefined, false],
        ['data.aws_iam_policy_document.pull', 'resource', undefined, true],
        ['data.aws_iam_policy_document.unused', 'identity', 6144, false],
        // Service and resource control policies filter what accounts may do: they grant nothing.
        ['aws_organizations_policy.deny_regions › content', 'identity', 5120, true],
        ['aws_organizations_policy.rcp › content', 'resource', 5120, true],
        ['aws_transfer_user.alice', 'identity', 2048, false],
        ['aws_vpclattice_auth_policy.service', 'resource', undefined, false],
      ],
    );
    assert.deepEqual(document.problems, []);
  });

  test('a repository policy with a Resource: ECR rejects it, and CloudFormation is not named', () => {
    const text =
      'resource "aws_ecr_repository_policy" "p" {\n  repository = "app"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "ecr:BatchGetImage", Resource = "*" }]\n  })\n}\n';
    assert.deepEqual(
      analyse(text, 'terraform').findings.map((f) => f.message),
      ['This policy applies to the resource it is attached to and takes no Resource: the service rejects it with one.'],
    );
  });

  test('a policy kept in locals is read where an argument takes it, and only there', () => {
    const text =
      'locals {\n  tags = { team = "blue" }\n  read = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "profile:GetDomian", Resource = "*" }]\n  })\n  trust     = local.trust_doc\n  trust_doc = data.aws_iam_policy_document.trust.json\n  unused    = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "x:Y", Resource = "*" }] })\n}\n\ndata "aws_iam_policy_document" "trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "Service"\n      identifiers = ["lambda.amazonaws.com"]\n    }\n  }\n}\n\nresource "aws_iam_role" "r" {\n  name               = "r"\n  assume_role_policy = local.trust\n}\n\nresource "aws_iam_role_policy" "p" {\n  role   = aws_iam_role.r.id\n  policy = local.read\n}\n';
    const { document } = analyse(text, 'terraform');
    assert.deepEqual(
      document.policies.map((p) => [p.label, p.kind, p.traits.quota?.limit]),
      [
        // As the role policy that takes it, with its quota; the data source through two locals, as the role's trust policy.
        ['local.read', 'identity', 10240],
        ['data.aws_iam_policy_document.trust', 'trust', undefined],
      ],
    );
    assert.deepEqual(findings(text), ['action-unknown @ "profile:GetDomian"']);
  });

  test("a module's argument is read when it holds a policy document, of the kind its statements say", () => {
    // terraform-aws-modules/iam's iam-policy example passes its policy as a heredoc; other modules take a trust policy.
    const text =
      'module "iam_policy" {\n  source = "terraform-aws-modules/iam/aws//modules/iam-policy"\n  name   = "example"\n  policy = <<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["ec2:Describe*", "profile:GetProfle"], "Resource": "*" }]\n}\nEOF\n}\n\nmodule "role" {\n  source = "./role"\n  trust = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]\n  })\n  inline    = local.read\n  tags      = jsonencode({ Statement = "none" })\n  settings  = jsonencode({ Name = "x", Version = 2 })\n  started   = jsonencode({ Statement = [] })\n  user_data = <<EOT\n#!/bin/bash\necho {\nEOT\n}\n\nlocals {\n  read = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:GetObject" }] })\n}\n';
    const { document } = analyse(text, 'terraform');
    assert.deepEqual(
      document.policies.map((p) => [p.label, p.kind]),
      [
        ['module.iam_policy › policy', 'identity'],
        ['module.role › trust', 'trust'],
        ['local.read', 'identity'],
      ],
    );
    assert.deepEqual(document.problems, []);
    assert.deepEqual(findings(text), ['action-unknown @ "profile:GetProfle"', 'version-missing @ read', 'resource-missing @ Effect']);
  });

  test('a service control policy filters and grants nothing: no finding says it grants', () => {
    // An allow-list SCP built by a data source (found on a real configuration: seven allow-all warnings).
    const text =
      'data "aws_iam_policy_document" "scp" {\n  statement {\n    actions   = ["ec2:*", "s3:*"]\n    resources = ["*"]\n  }\n  statement {\n    effect      = "Deny"\n    not_actions = ["iam:*"]\n    resources   = ["*"]\n  }\n}\n\nresource "aws_organizations_policy" "scp" {\n  name    = "allow-list"\n  content = data.aws_iam_policy_document.scp.json\n}\n';
    assert.deepEqual(findings(text), []);
    // The same document as an identity policy grants what it says.
    assert.deepEqual(findings(text.replace('aws_organizations_policy', 'aws_iam_policy').replace('content =', 'policy  =')), [
      'allow-all @ "ec2:*"',
      'broad-permissions-access @ "ec2:*"',
      'allow-all @ "s3:*"',
      'broad-permissions-access @ "s3:*"',
    ]);
  });

  test('the representative fixture: jsonencode, heredocs of both kinds and the data source', () => {
    const text = fixture('policies.tf');
    const { document } = analyse(text, 'terraform');
    assert.deepEqual(
      document.policies.map((p) => p.label),
      ['aws_iam_policy.reader', 'aws_iam_role_policy.heredoc', 'aws_s3_bucket_policy.exports', 'data.aws_iam_policy_document.agent'],
    );
    assert.deepEqual(findings(text), ['action-redundant @ "profile:GetDomain"']);
  });

  test('a file without a policy, or with HCL that is no Terraform policy, gets no diagnostics', () => {
    assert.deepEqual(findings('variable "region" {\n  default = "us-east-1"\n}\n\nlocals {\n  tags = { team = "blue" }\n}\n'), []);
    assert.deepEqual(findings(''), []);
  });
});

describe("Terraform's own expressions are never reported", () => {
  test('references, functions, templates, for, conditionals, computed keys, merged and dynamic documents', () => {
    const text = fixture('expressions.tf');
    const { document, findings: found } = analyse(text, 'terraform');
    assert.deepEqual(document.problems, []);
    assert.deepEqual(
      found.map((f) => describeFinding(text, f)),
      [],
    );
    // The heredoc built by %{for} is not read (what IAM receives is decided by the loop); the others are.
    assert.deepEqual(
      document.policies.map((p) => p.label),
      [
        'aws_iam_policy.computed',
        'aws_iam_role_policy.templated',
        'data.aws_iam_policy_document.merged',
        'data.aws_iam_policy_document.base',
        'data.aws_iam_policy_document.overrides',
        'data.aws_iam_policy_document.dynamic_trust',
      ],
    );
  });

  test('each expression on its own, in an element where a literal would be reported', () => {
    const cases = [
      'Resource = "arn:aws:s3:::${var.bucket}/*"',
      'Resource = "${aws_s3_bucket.exports.arn}/*"',
      'Resource = aws_s3_bucket.exports.arn',
      'Effect = var.effect',
      'Action = concat(local.read, ["profile:GetDomain"])',
      'Action = [for a in var.actions : "profile:${a}"]',
      'Effect = var.deny ? "Deny" : "Allow"',
      'Resource = data.aws_iam_policy_document.other.json',
    ];
    for (const line of cases) {
      const text = `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect = "Allow"\n      Action = "profile:GetDomain"\n      Resource = "*"\n      ${line}\n    }]\n  })\n}\n`;
      // The line sets an element a second time: that is the only thing reported.
      assert.deepEqual(
        findings(text).filter((f) => !f.startsWith('duplicate-key')),
        [],
        line,
      );
    }
  });
});

describe('Terraform: what the data source decides, as AWS receives it (found on real configurations)', () => {
  const dataSource = (...lines: string[]) =>
    `data "aws_iam_policy_document" "d" {\n  statement {\n    ${lines.join('\n    ')}\n  }\n}\n\nresource "aws_iam_policy" "p" {\n  policy = data.aws_iam_policy_document.d.json\n}\n`;

  test('a condition key named in part at apply time is a key, not an empty operator', () => {
    const text = dataSource(
      'actions   = ["ec2:TerminateInstances"]',
      'resources = ["*"]',
      'condition {',
      '  test     = "StringEquals"',
      '  variable = "aws:ResourceTag/kubernetes.io/cluster/${var.cluster_name}"',
      '  values   = ["owned"]',
      '}',
    );
    assert.deepEqual(findings(text), []);
    // The simulator takes the condition as neither met nor absent: Terraform decides its key.
    const policy = analyse(text, 'terraform').document.policies[0]!;
    const request = { action: 'ec2:TerminateInstances', resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', context: {} };
    const result = simulatePolicy(policy, request);
    assert.equal(result.decision, 'Undetermined');
    assert.match(
      result.statements[0]!.conditions[0]!.reason,
      /^Its keys depend on the deployment: "aws:ResourceTag\/kubernetes\.io\/cluster\/.*…" is a Terraform expression, decided at apply time\.$/,
    );
    // The same in jsonencode, where the key is computed, and for a Condition that is an expression as a whole.
    for (const condition of ['{ StringEquals = { "aws:ResourceTag/${var.tag}" = "owned" } }', 'var.conditions']) {
      const encoded = `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect = "Allow"\n      Action = "ec2:TerminateInstances"\n      Resource = "*"\n      Condition = ${condition}\n    }]\n  })\n}\n`;
      assert.deepEqual(findings(encoded), [], condition);
      assert.equal(simulatePolicy(analyse(encoded, 'terraform').document.policies[0]!, request).decision, 'Undetermined', condition);
    }
  });

  test('a data source passed to a module, with a principal and its action a variable, is read as the trust policy it likely is', () => {
    // cloudposse's iam-role module: the document reaches assume_role_policy through another module.
    const text =
      'data "aws_iam_policy_document" "assume_role" {\n  statement {\n    actions = [var.assume_role_action]\n\n    principals {\n      type        = "Service"\n      identifiers = ["ec2.amazonaws.com"]\n    }\n  }\n}\n\nmodule "aggregated" {\n  source           = "cloudposse/iam-policy-document-aggregator/aws"\n  source_documents = [data.aws_iam_policy_document.assume_role.json]\n}\n';
    assert.equal(analyse(text, 'terraform').document.policies[0]!.kind, 'trust');
    assert.deepEqual(findings(text), []);
    // With a literal action that is no sts: action it is a resource policy, which needs its Resource.
    assert.deepEqual(findings(text.replace('var.assume_role_action', '"s3:GetObject"')), ['resource-missing @ actions']);
  });

  test("a policy's size counts what an expression is known to hold, not its source", () => {
    const iotPolicy = (arn: (i: number) => string) =>
      `resource "aws_iot_policy" "p" {\n  name = "p"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "iot:Publish", Resource = [\n${Array.from({ length: 40 }, (_, i) => `      "${arn(i)}",`).join('\n')}\n    ] }]\n  })\n}\n`;
    // `${data.aws_caller_identity.current.account_id}` is 46 characters of source for 12 digits.
    const interpolated = iotPolicy((i) => `arn:aws:iot:\${var.region}:\${data.aws_caller_identity.current.account_id}:topic/things/t${i}`);
    assert.deepEqual(findings(interpolated), []);
    const literal = iotPolicy((i) => `arn:aws:iot:us-east-1:111122223333:topic/things/t${i}`);
    assert.deepEqual(
      analyse(literal, 'terraform').findings.map((f) => f.message),
      ['The policy has 2,243 characters without white space, over the 2,048 allowed for an AWS IoT policy.'],
    );
  });

  test('an empty sid is left out of the JSON the provider makes: no Sid, so no empty Sid', () => {
    const text = dataSource('sid       = ""', 'actions   = ["s3:ListBucket"]', 'resources = ["*"]');
    assert.deepEqual(findings(text), []);
    assert.equal(analyse(text, 'terraform').document.policies[0]!.statements[0]!.elements.Sid, undefined);
    // In jsonencode the empty string is what IAM receives.
    const encoded =
      'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid = ""\n      Effect = "Allow"\n      Action = "s3:ListBucket"\n      Resource = "*"\n    }]\n  })\n}\n';
    assert.deepEqual(findings(encoded), ['sid-empty @ ""']);
  });
});

describe('Terraform: an expression in hover and simulation', () => {
  const text =
    'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "profile:GetDomain"\n      Resource = var.domain_arn\n    }]\n  })\n}\n';

  test('hover says Terraform decides it at apply time', () => {
    const hover = hoverAt(analyse(text, 'terraform'), text.indexOf('domain_arn'));
    assert.deepEqual(hover?.contents, {
      kind: 'markdown',
      value: '`var.domain_arn`: a Terraform expression, decided at apply time; the checks and the simulator leave it open.',
    });
  });

  test('a simulation that depends on it is Undetermined, and says why', () => {
    const request = { action: 'profile:GetDomain', resource: 'arn:aws:profile:us-east-1:111122223333:domains/retail', context: {} };
    const result = simulate(analyse(text, 'terraform'), text.indexOf('GetDomain'), 'statement', request);
    assert.equal(result?.decision, 'Undetermined');
    assert.equal(
      result?.statements[0]?.resource.reason,
      'No known Resource entry matches the resource arn:aws:profile:us-east-1:111122223333:domains/retail, and var.domain_arn is a Terraform expression, decided at apply time.',
    );
  });
});

describe('Terraform: policy variables', () => {
  test('$${…} in jsonencode and heredocs, &{…} in the data source: reported on exactly the variable as written', () => {
    const jsonencode =
      'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "profile:GetDomain", Resource = "arn:aws:profile:*:*:domains/$${aws:usrname}" }]\n  })\n}\n';
    assert.deepEqual(findings(jsonencode), ['variable-unknown @ $${aws:usrname}']);
    const heredoc =
      'resource "aws_iam_role_policy" "p" {\n  policy = <<-EOT\n    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "profile:GetDomain", "Resource": "arn:aws:profile:*:*:domains/$${aws:usrname}"}]}\n  EOT\n}\n';
    assert.deepEqual(findings(heredoc), ['variable-unknown @ $${aws:usrname}']);
    const document =
      'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["profile:GetDomain"]\n    resources = ["arn:aws:profile:*:*:domains/&{aws:usrname}", "arn:aws:profile:*:*:domains/&{aws:username}"]\n  }\n}\n';
    assert.deepEqual(findings(document), ['variable-unknown @ &{aws:usrname}']);
  });

  test('hover on a variable written with $${ explains the variable', () => {
    const text =
      'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "profile:GetDomain", Resource = "arn:aws:profile:*:*:domains/$${aws:username}" }]\n  })\n}\n';
    const hover = hoverAt(analyse(text, 'terraform'), text.indexOf('aws:username'));
    assert.match(JSON.stringify(hover?.contents), /\$\{aws:username\}\*\* — policy variable/);
  });
});

describe('Terraform: positions', () => {
  test('findings in an indented heredoc land on the JSON as written, line and column', () => {
    const text =
      'resource "aws_iam_role_policy" "p" {\n  policy = <<-EOT\n    {\n      "Version": "2012-10-17",\n      "Statement": [{"Effect": "Allow", "Action": "profile:GetDomian", "Resource": "*"}]\n    }\n  EOT\n}\n';
    const analysis = analyse(text, 'terraform');
    const finding = analysis.findings.find((f) => f.ruleId === 'action-unknown')!;
    assert.equal(text.slice(finding.start, finding.end), '"profile:GetDomian"');
    assert.deepEqual(analysis.document.lines.positionAt(finding.start), { line: 4, character: 50 });
  });

  test('a JSON mistake inside a heredoc is reported where it is', () => {
    const text =
      'resource "aws_iam_role_policy" "p" {\n  policy = <<-EOT\n    {\n      "Version": "2012-10-17",\n      "Statement": [{"Effect": "Allow",}]\n    }\n  EOT\n}\n';
    const { problems } = analyse(text, 'terraform').document;
    // As in a JSON file: the trailing comma, once.
    assert.deepEqual(
      problems.map((p) => [p.message, p.start, p.end]),
      [['Trailing comma: JSON does not allow a comma before "}".', text.indexOf(',}]'), text.indexOf(',}]') + 1]],
    );
  });

  test('in the data source, a wrong operator is reported on test, a wrong key on variable, a wrong action on its string', () => {
    const text =
      'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["profile:GetDomian"]\n    resources = ["*"]\n    condition {\n      test     = "StringEqual"\n      variable = "aws:username"\n      values   = ["ana"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "aws:usernme"\n      values   = ["ana"]\n    }\n  }\n}\n';
    assert.deepEqual(findings(text), [
      'action-unknown @ "profile:GetDomian"',
      'condition-operator-unknown @ "StringEqual"',
      'condition-key-unknown @ "aws:usernme"',
    ]);
  });
});

describe('Terraform: the data source writes Version and Effect itself', () => {
  test('no version, no effect: nothing missing, and the statement allows', () => {
    const text = 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["profile:GetDomain"]\n    resources = ["*"]\n  }\n}\n';
    const analysis = analyse(text, 'terraform');
    assert.deepEqual(
      analysis.findings.map((f) => f.ruleId),
      [],
    );
    const result = simulate(analysis, text.indexOf('actions'), 'statement', { action: 'profile:GetDomain', resource: '*', context: {} });
    assert.equal(result?.decision, 'Allow');
  });

  test('an explicit effect = "Deny" denies, and a wrong one is reported on its value', () => {
    const deny =
      'data "aws_iam_policy_document" "d" {\n  statement {\n    effect    = "Deny"\n    actions   = ["profile:GetDomain"]\n    resources = ["*"]\n  }\n}\n';
    const analysis = analyse(deny, 'terraform');
    assert.equal(simulate(analysis, deny.indexOf('actions'), 'policy', { action: 'profile:GetDomain', resource: '*', context: {} })?.decision, 'ExplicitDeny');
    assert.deepEqual(findings(deny.replace('"Deny"', '"deny"')), ['effect-invalid @ "deny"']);
  });
});

describe('Terraform: outline and lenses', () => {
  test('each policy by its resource and argument, each statement by its Sid; lenses over identity policies and their statements', () => {
    const analysis = analyse(fixture('policies.tf'), 'terraform');
    assert.deepEqual(
      symbols(analysis).map((s) => [s.name, s.children?.map((c) => c.name)]),
      [
        ['aws_iam_policy.reader', ['ReadProfiles']],
        ['aws_iam_role_policy.heredoc', ['Allow profile:ListDomains']],
        ['aws_s3_bucket_policy.exports', ['Allow s3:GetObject']],
        ['data.aws_iam_policy_document.agent', ['TaggedDomains']],
      ],
    );
    assert.deepEqual(
      lenses(analysis, 'file:///main.tf').map((l) => `${l.range.start.line + 1} ${l.command?.title}`),
      ['6 ▷ Simulate policy', '9 ▷ Simulate statement', '22 ▷ Simulate policy', '24 ▷ Simulate statement'],
    );
  });
});

describe('Terraform: starting a document', () => {
  const labels = (text: string, offset: number) => completion(analyse(text, 'terraform'), offset).items.map((item) => item.label);

  test('an empty file, or one with comments only, is offered the Terraform documents; a file with blocks is not', () => {
    const terraform = ['Terraform: policy document', 'Terraform: managed policy', 'Terraform: role with a policy'];
    assert.deepEqual(labels('', 0), terraform);
    assert.deepEqual(labels('# roles\n\n', 9), terraform);
    assert.deepEqual(labels('resource "aws_s3_bucket" "exports" {\n  \n}\n', 39), []);
  });

  test('each holds its policies, of the kind its place gives, with nothing to report once its tab stops take their defaults', () => {
    const found = (['policy', 'managed-policy', 'role'] as const).map((kind) => {
      const text = expandSnippet(newPolicy({ kind, format: 'terraform' }).snippet);
      const analysis = analyse(text, 'terraform');
      return [kind, analysis.document.policies.map((p) => `${p.label} (${p.kind})`), analysis.findings.map((f) => describeFinding(text, f))];
    });
    assert.deepEqual(found, [
      ['policy', ['data.aws_iam_policy_document.profiles (identity)'], []],
      ['managed-policy', ['aws_iam_policy.profiles (identity)'], []],
      ['role', ['aws_iam_role.profiles › assume_role_policy (trust)', 'aws_iam_role_policy.profiles (identity)'], []],
    ]);
  });
});
