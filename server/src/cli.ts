// The profile-policy command: runs cli/run.ts on the process's arguments and streams, or starts the
// language server over stdio for `lsp --stdio`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { runCli } from './cli/run';
import { startServer } from './server';

const outcome = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
// createConnection reads --stdio from the arguments, and then exits when standard input closes.
if (outcome === 'lsp') startServer(createConnection(ProposedFeatures.all));
else process.exitCode = outcome;
