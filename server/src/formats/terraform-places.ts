// Where a Terraform configuration keeps IAM policies: the arguments of the AWS provider's resources that
// take a policy document (`aws_iam_policy.policy`, `aws_iam_role.assume_role_policy`, an `inline_policy`
// block's `policy`, `aws_s3_bucket_policy.policy`, …), and what each says of the policy it holds.
import type { PolicyKind, PolicyTraits } from '../model/policy';

export interface Place {
  readonly kind: PolicyKind;
  readonly traits: PolicyTraits;
}

const MANAGED = { limit: 6144, what: 'a managed policy' };
const ROLE_INLINE = { limit: 10240, what: "a role's inline policies" };

const identity = (quota = MANAGED): Place => ({ kind: 'identity', traits: { quota } });
const resource = (traits: PolicyTraits = {}): Place => ({ kind: 'resource', traits });
const TRUST: Place = { kind: 'trust', traits: {} };
/** ECR applies a repository policy to its repository: the statements name no Resource. */
const REPOSITORY = resource({ impliedResource: true });
/** A VPC endpoint's policy filters the calls through it and grants nothing by itself. */
const ENDPOINT = resource({ filter: true });
/** A session policy narrows a role's session: identity-shaped, with a quota of its own (2,048 for AWS Transfer Family). */
const SESSION: Place = { kind: 'identity', traits: { quota: { limit: 2048, what: 'a session policy' } } };
/** API Gateway resource policies may write `execute-api:/stage/method/path`. */
const API = resource({ resourceShorthand: 'execute-api:/' });

/** Resource type → argument → the policy it holds. */
export const RESOURCE_PLACES: Readonly<Record<string, Readonly<Record<string, Place>>>> = {
  aws_iam_policy: { policy: identity() },
  aws_iam_role_policy: { policy: identity(ROLE_INLINE) },
  aws_iam_user_policy: { policy: identity({ limit: 2048, what: "a user's inline policies" }) },
  aws_iam_group_policy: { policy: identity({ limit: 5120, what: "a group's inline policies" }) },
  aws_iam_role: { assume_role_policy: TRUST },
  aws_ssoadmin_permission_set_inline_policy: { inline_policy: identity(ROLE_INLINE) },
  aws_iot_policy: { policy: identity({ limit: 2048, what: 'an AWS IoT policy' }) },
  aws_s3_bucket_policy: { policy: resource() },
  aws_s3_bucket: { policy: resource() },
  aws_s3_access_point: { policy: resource() },
  aws_s3control_access_point_policy: { policy: resource() },
  aws_sqs_queue_policy: { policy: resource() },
  aws_sqs_queue: { policy: resource() },
  aws_sns_topic_policy: { policy: resource() },
  aws_sns_topic: { policy: resource() },
  aws_kms_key: { policy: resource() },
  aws_kms_key_policy: { policy: resource() },
  aws_kms_replica_key: { policy: resource() },
  aws_secretsmanager_secret_policy: { policy: resource() },
  aws_secretsmanager_secret: { policy: resource() },
  aws_ecr_repository_policy: { policy: REPOSITORY },
  aws_ecrpublic_repository_policy: { policy: REPOSITORY },
  aws_ecr_registry_policy: { policy: resource() },
  aws_efs_file_system_policy: { policy: resource() },
  aws_vpc_endpoint: { policy: ENDPOINT },
  aws_vpc_endpoint_policy: { policy: ENDPOINT },
  aws_api_gateway_rest_api: { policy: API },
  aws_api_gateway_rest_api_policy: { policy: API },
  aws_opensearch_domain: { access_policies: resource() },
  aws_opensearch_domain_policy: { access_policies: resource() },
  aws_elasticsearch_domain: { access_policies: resource() },
  aws_elasticsearch_domain_policy: { access_policies: resource() },
  aws_backup_vault_policy: { policy: resource() },
  aws_codeartifact_domain_permissions_policy: { policy_document: resource() },
  aws_codeartifact_repository_permissions_policy: { policy_document: resource() },
  aws_cloudwatch_log_resource_policy: { policy_document: resource() },
  aws_glacier_vault: { access_policy: resource() },
  aws_dynamodb_resource_policy: { policy: resource() },
  aws_organizations_resource_policy: { content: resource() },
  aws_s3control_bucket_policy: { policy: resource() },
  aws_s3control_object_lambda_access_point_policy: { policy: resource() },
  aws_s3tables_table_bucket_policy: { resource_policy: resource() },
  aws_s3tables_table_policy: { resource_policy: resource() },
  aws_kms_external_key: { policy: resource() },
  aws_kms_replica_external_key: { policy: resource() },
  aws_ecr_repository_creation_template: { repository_policy: REPOSITORY },
  aws_cloudwatch_log_destination_policy: { access_policy: resource() },
  aws_cloudwatch_event_bus_policy: { policy: resource() },
  aws_schemas_registry_policy: { policy: resource() },
  aws_xray_resource_policy: { policy_document: resource() },
  aws_glacier_vault_lock: { policy: resource() },
  aws_media_store_container_policy: { policy: resource() },
  aws_glue_resource_policy: { policy: resource() },
  aws_kinesis_resource_policy: { policy: resource() },
  aws_redshift_resource_policy: { policy: resource() },
  aws_redshiftserverless_resource_policy: { policy: resource() },
  aws_msk_cluster_policy: { policy: resource() },
  aws_sagemaker_model_package_group_policy: { resource_policy: resource() },
  aws_networkfirewall_resource_policy: { policy: resource() },
  aws_vpclattice_auth_policy: { policy: resource() },
  aws_vpclattice_resource_policy: { policy: resource() },
  aws_ses_identity_policy: { policy: resource() },
  aws_sesv2_email_identity_policy: { policy: resource() },
  aws_acmpca_policy: { policy: resource() },
  aws_codebuild_resource_policy: { policy: resource() },
  aws_oam_sink_policy: { policy: resource() },
  aws_cloudsearch_domain_service_access_policy: { access_policy: resource() },
  // Session policies, which narrow what a role's session may do: identity policies in shape.
  aws_transfer_user: { policy: SESSION },
  aws_transfer_access: { policy: SESSION },
  aws_rolesanywhere_profile: { session_policy: SESSION },
};

/**
 * `aws_organizations_policy`'s `content` is an IAM policy for these `type`s only (a service control
 * policy when `type` is left out); tag, backup and the other policy types are JSON of their own. Both
 * filter what the accounts may do and grant nothing.
 */
export const ORGANIZATIONS_POLICY_TYPES: Readonly<Record<string, Place>> = {
  SERVICE_CONTROL_POLICY: { kind: 'identity', traits: { filter: true, quota: { limit: 5120, what: 'a service control policy' } } },
  RESOURCE_CONTROL_POLICY: { kind: 'resource', traits: { filter: true, quota: { limit: 5120, what: 'a resource control policy' } } },
};
export const ORGANIZATIONS_POLICY = {
  resourceType: 'aws_organizations_policy',
  argument: 'content',
  typeArgument: 'type',
  defaultType: 'SERVICE_CONTROL_POLICY',
};

/** `aws_iam_role`'s `inline_policy { name, policy }` blocks: inline policies of the role. */
export const INLINE_POLICY_BLOCKS: Readonly<Record<string, Place>> = { aws_iam_role: identity(ROLE_INLINE) };

/** A policy document data source that no argument of this file uses: a managed policy's quota, as for a policy file. */
export const UNUSED_DOCUMENT_QUOTA = MANAGED;
