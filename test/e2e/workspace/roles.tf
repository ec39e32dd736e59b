# A role's policy in jsonencode: one action misspelt, one list still empty.

resource "aws_iam_role_policy" "agent" {
  role = aws_iam_role.agent.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadDomains"
        Effect   = "Allow"
        Action   = ["profile:GetDomian", "profile:SearchProfiles"]
        Resource = "arn:aws:profile:${var.region}:111122223333:domains/retail"
      },
      {
        Sid      = "ListDomains"
        Effect   = "Allow"
        Action   = []
        Resource = "*"
      },
    ]
  })
}
