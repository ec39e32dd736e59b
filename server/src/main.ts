// Entry point of dist/server.js. The transport (--node-ipc from VS Code, --stdio, --socket) is taken
// from the command line by createConnection.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
