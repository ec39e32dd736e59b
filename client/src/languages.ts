// The editor languages whose documents the server reads: JSON, JSON with comments, YAML, and Terraform
// (`terraform` from HashiCorp's extension or our own contribution for .tf files; `hcl` where a user maps .tf to it).
export const POLICY_LANGUAGES: readonly string[] = ['json', 'jsonc', 'yaml', 'terraform', 'hcl'];
