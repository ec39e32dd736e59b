// Descriptions of the global condition keys, for hover and completion: the data package gives none for
// these. Written for this project from the IAM User Guide, "AWS global condition context keys"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html), as it reads in
// November 2026: what the key holds, and when a request has it. aws:SourceOwner is not on that page: the
// SNS Developer Guide ("aws:SourceAccount versus aws:SourceOwner") describes it.
export const GLOBAL_KEY_DESCRIPTIONS = {
  'aws:AssumedRoot':
    'Whether the request is signed with credentials from sts:AssumeRoot, i.e. a short privileged root-user session in an Organizations member account. Present only for such sessions, so a Null test tells them apart from root long-term credentials.',
  'aws:CalledVia':
    "Ordered list of service principals (e.g. cloudformation.amazonaws.com) that forwarded this request with the principal's credentials. Multivalued. Absent for direct calls and for calls a service makes with a service role or service-linked role.",
  'aws:CalledViaAWSMCP':
    "Service principal of the AWS MCP server (e.g. aws-mcp.amazonaws.com) that sent this request to an AWS service using the principal's credentials. Present only when an AWS MCP service forwards the call; absent for direct calls.",
  'aws:CalledViaFirst':
    'Service principal of the first service in the aws:CalledVia chain, the one the principal called that then used its credentials for further requests. Absent for direct calls and for calls made with a service role or service-linked role.',
  'aws:CalledViaLast':
    "Service principal of the last service in the aws:CalledVia chain: the one that sent this request with the principal's credentials. Absent for direct calls and for calls made with a service role or service-linked role.",
  'aws:ChatbotSourceArn':
    'ARN of the Amazon Q Developer in chat applications (formerly AWS Chatbot) channel configuration behind the role session, e.g. arn:aws:chatbot::111122223333:chat-configuration/slack-channel/name. Set only on role sessions that service assumes.',
  'aws:CurrentTime': 'Date and time of the request, compared with date operators. Always present.',
  'aws:Ec2InstanceSourcePrivateIPv4':
    'Private IPv4 address of the primary network interface of the EC2 instance the role credentials were delivered to. Present whenever EC2 instance role credentials sign the request; not unique, so always pair it with aws:Ec2InstanceSourceVpc.',
  'aws:Ec2InstanceSourceVpc':
    'ID of the VPC the signing EC2 instance role credentials were delivered to. Present whenever EC2 instance role credentials sign the request; usually compared with aws:SourceVpc to keep the credentials in their own VPC.',
  'aws:EpochTime': 'Date and time of the request as Unix epoch time (seconds since 1970-01-01 UTC); works with date or numeric operators. Always present.',
  'aws:FederatedProvider':
    "IdP that issued the web identity behind a role session from AssumeRoleWithWebIdentity: a name like cognito-identity.amazonaws.com for AWS IdPs, otherwise the OIDC provider ARN. Present only in OIDC role sessions and that call's trust policy.",
  'aws:IsMcpServiceAction':
    'True when the action being authorized is an action of the AWS MCP service itself, not a call the MCP server makes to other AWS services for the principal. Present, and true, only when the MCP service authorizes one of its own actions.',
  'aws:MultiFactorAuthAge':
    'Seconds since the requesting principal authenticated with MFA. Present only for temporary credentials obtained with MFA; absent for long-term access keys, for federated identities, and when MFA was not used.',
  'aws:MultiFactorAuthPresent':
    'Whether MFA was used to obtain the temporary credentials that signed the request. Present only for temporary credentials: absent for long-term access keys and federated identities, so test false with BoolIfExists.',
  'aws:PrincipalAccount': 'ID of the AWS account the requesting principal belongs to. Always present; for anonymous requests the value is "anonymous".',
  'aws:PrincipalArn':
    "ARN of the requesting IAM user, IAM role, STS federated user principal or account root user; for a role session it is the role's ARN, not the assumed-role session ARN. Absent for anonymous requests.",
  'aws:PrincipalIsAWSService':
    'True when an AWS service principal (e.g. cloudtrail.amazonaws.com) calls your resource directly; false for IAM principals, including calls a service forwards with their credentials or makes with a service role. Absent for anonymous requests.',
  'aws:PrincipalOrgID':
    "ID (o-...) of the AWS Organizations organization that the requesting principal's account belongs to, the management account included. Present only when that account is in an organization; absent for anonymous requests.",
  'aws:PrincipalOrgPaths':
    "Organizations path of the requesting principal's account, like o-id/r-root/ou-id/, for matching a root or OU subtree. Multivalued. Present only when that account is in an organization; absent for anonymous requests.",
  'aws:PrincipalServiceName':
    'Name of the AWS service principal calling your resource directly, e.g. cloudtrail.amazonaws.com. Present only for service-principal calls: absent for IAM principals, forwarded calls, service-role calls and anonymous requests.',
  'aws:PrincipalServiceNamesList':
    'Unordered list of every service principal name, Regional ones included, of the service calling your resource directly; lets you limit access to one Regional instance. Multivalued; present only for service-principal calls.',
  'aws:PrincipalTag/${TagKey}':
    'Value of the named tag on the requesting IAM user or role, or of a session tag passed when the role was assumed. One key per tag; absent when the principal has no such tag and for anonymous requests.',
  'aws:PrincipalType':
    'Kind of requesting principal: Account (root user), User, FederatedUser, AssumedRole or Anonymous. Always present, anonymous requests included.',
  'aws:RequestedRegion':
    'AWS Region whose endpoint the request was sent to, e.g. eu-west-1. Always present. Single-endpoint global services such as IAM report us-east-1; it limits which endpoint is called, not where the effects land.',
  'aws:ResourceAccount':
    'ID of the AWS account that owns the resource being accessed, even when its ARN has no account (e.g. S3 buckets). Present for most actions; absent for all EBS actions and a few cross-account accept or peering actions.',
  'aws:ResourceOrgID':
    'ID of the AWS Organizations organization of the account that owns the resource being accessed. Present only when that account is in an organization; not supported for all EBS actions and a few cross-account accept or peering actions.',
  'aws:ResourceOrgPaths':
    'Organizations path of the account that owns the resource being accessed, like o-id/r-root/ou-id/, for matching a root or OU subtree. Multivalued; present only when that account is in an organization (same action exceptions as aws:ResourceOrgID).',
  'aws:SecureTransport': 'Whether the request was sent over TLS (HTTPS): true or false. Always present; commonly used to deny plain-HTTP requests.',
  'aws:SourceAccount':
    'Account ID of the resource on whose behalf an AWS service principal calls your resource, e.g. the bucket owner when S3 publishes to SNS. Present only for such direct service-principal calls; used to guard against confused deputies.',
  'aws:SourceArn':
    "ARN of the resource on whose behalf an AWS service principal calls your resource, e.g. the S3 bucket whose event triggers sns:Publish. Present only for such service-principal calls. Not the caller's ARN: use aws:PrincipalArn for that.",
  'aws:SourceIdentity':
    "Source identity set with sts:SetSourceIdentity when the role was assumed, e.g. the user's name. Present in every request of a session that has one; it cannot be changed and carries over into chained role sessions.",
  'aws:SourceIp':
    'Public IP address (IPv4 or IPv6) the request came from. Absent when the request arrives through a VPC endpoint (see aws:VpcSourceIp); network context may be redacted on calls AWS services make to other services for you.',
  'aws:SourceOrgID':
    'Organization ID of the account that owns the resource on whose behalf an AWS service principal calls your resource. Present only for such service-principal calls, and only when that account is in an organization.',
  'aws:SourceOrgPaths':
    'Organizations path of the account that owns the resource on whose behalf an AWS service principal calls your resource. Multivalued. Present only for such service-principal calls, and only when that account is in an organization.',
  'aws:SourceOwner':
    'Legacy key: account ID of the owner of the resource on whose behalf an AWS service (e.g. Amazon SES) publishes to an SNS topic; used in SNS console default topic policies. Not in the IAM global key reference; AWS prefers aws:SourceAccount.',
  'aws:SourceVpc':
    "ID (vpc-...) of the VPC whose VPC endpoint the request travelled through. Present only for requests made through a VPC endpoint; not kept when a service forwards the request on the principal's behalf.",
  'aws:SourceVpcArn':
    'ARN of the VPC that the VPC endpoint carrying the request is attached to. Present only for requests through a VPC endpoint, and only for services that support the key (e.g. S3, KMS, Lambda, IAM); absent on public endpoints.',
  'aws:SourceVpce':
    "ID (vpce-...) of the VPC endpoint the request came through. Present only for requests made through a VPC endpoint; not kept when a service forwards the request on the principal's behalf.",
  'aws:TokenIssueTime':
    'Date and time the temporary security credentials signing the request were issued. Present only for requests signed with temporary credentials; absent for long-term access keys.',
  'aws:UserAgent':
    "Client application string from the request's User-Agent HTTP header. Always present, but supplied by the caller and easy to forge, so do not rely on it to keep out unauthorized callers.",
  'aws:ViaAWSMCPService':
    "True when an AWS MCP server forwards this request to an AWS service with the principal's credentials (forward access sessions); false when the principal calls the service directly.",
  'aws:ViaAWSService':
    "True when an AWS service sends this request with the calling principal's credentials (forward access sessions); false when the principal calls directly. Always present.",
  'aws:VpcSourceIp':
    'IP address (IPv4 or IPv6) the request came from inside a VPC. Present only for requests through a VPC endpoint; pair it with aws:SourceVpc, aws:SourceVpce or aws:SourceVpcArn, since CIDRs of different VPCs can overlap.',
  'aws:VpceAccount':
    'ID of the AWS account that owns the VPC endpoint the request came through. Present only for requests through a VPC endpoint, and only for services that support the key; absent on public endpoints.',
  'aws:VpceOrgID':
    'ID of the AWS Organizations organization of the account owning the VPC endpoint the request came through. Present only for requests through a VPC endpoint whose owner is in an organization, for services that support the key.',
  'aws:VpceOrgPaths':
    'Organizations path of the account owning the VPC endpoint the request came through. Multivalued. Present only for requests through a VPC endpoint whose owner is in an organization, for services that support the key.',
  'aws:referer':
    "URL from the request's HTTP Referer header: the web page whose link led to the resource. Present only when a browser follows such a link; absent for API or SDK calls and typed URLs. Caller-supplied and easily forged.",
  'aws:userid':
    'Unique ID of the requester: the unique ID for IAM users, role-id:session-name for role sessions, account:name for STS federated users, the account ID for the root user. Present for all requests, anonymous ones included.',
  'aws:username':
    'Friendly name of the requesting IAM user. Present only for IAM users; absent for the root user, IAM roles and their sessions, IAM Identity Center users and anonymous requests.',
};
