# Customer Profiles access in Terraform: a role for the contact-centre agents, with its trust policy from
# a policy document data source, an inline read policy in jsonencode, and a managed policy for the
# administrators written as a heredoc.

data "aws_iam_policy_document" "agent_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["connect.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "agent" {
  name               = "contact-centre-agent"
  assume_role_policy = data.aws_iam_policy_document.agent_trust.json

  inline_policy {
    name = "read-profiles"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Sid      = "ReadProfiles"
          Effect   = "Allow"
          Action   = ["profile:SearchProfiles", "profile:ListProfileObjects", "profile:GetMatches"]
          Resource = "arn:aws:profile:${var.region}:${data.aws_caller_identity.current.account_id}:domains/${var.domain}"
        },
        {
          Sid      = "OwnTaggedObjects"
          Effect   = "Allow"
          Action   = "profile:PutProfileObject"
          Resource = "arn:aws:profile:*:*:domains/${var.domain}/object-types/*"
          Condition = {
            StringEquals = { "aws:ResourceTag/owner" = "$${aws:username}" }
          }
        },
      ]
    })
  }
}

data "aws_iam_policy_document" "no_deletes" {
  statement {
    sid       = "NeverDeleteDomains"
    effect    = "Deny"
    actions   = ["profile:DeleteDomain", "profile:DeleteProfile"]
    resources = ["*"]

    condition {
      test     = "StringNotEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["&{aws:ResourceTag/team}"]
    }
  }
}

resource "aws_iam_policy" "no_deletes" {
  name   = "profile-no-deletes"
  policy = data.aws_iam_policy_document.no_deletes.json
}

resource "aws_iam_policy" "administrators" {
  name   = "profile-administrators"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "AdministerDomains",
          "Effect": "Allow",
          "Action": ["profile:CreateDomain", "profile:UpdateDomain", "profile:GetDomain", "profile:ListDomains"],
          "Resource": "*"
        }
      ]
    }
  EOT
}
