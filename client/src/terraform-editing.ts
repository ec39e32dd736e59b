// Editing help for .tf files when no Terraform extension gives it: the extension declares the
// `terraform` language so that it runs with or without HashiCorp's, but a language alone has no
// comments, brackets or indentation. HashiCorp's extension brings its own; ours would compete with it,
// so it is set only in its absence.
import * as vscode from 'vscode';

const HASHICORP_TERRAFORM = 'hashicorp.terraform';

/** HCL's comments, brackets and quotes; a line after an opening bracket is indented, a closing one outdented. */
export const TERRAFORM_EDITING: vscode.LanguageConfiguration = {
  comments: { lineComment: '#', blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: [vscode.SyntaxTokenType.String, vscode.SyntaxTokenType.Comment] },
  ],
  indentationRules: {
    increaseIndentPattern: /[{[(]\s*(#.*|\/\/.*)?$/,
    decreaseIndentPattern: /^\s*[}\])]/,
  },
};

export function registerTerraformEditing(context: vscode.ExtensionContext): void {
  if (vscode.extensions.getExtension(HASHICORP_TERRAFORM)) return;
  context.subscriptions.push(vscode.languages.setLanguageConfiguration('terraform', TERRAFORM_EDITING));
}
