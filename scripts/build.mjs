#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI into dist/ (what ships), and each
// test file into out/ (what `npm test` runs). esbuild only strips types: `npm run typecheck` checks them.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function files(dir, suffix) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...files(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}

const shipped = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  // jsonc-parser's UMD build hides its requires from bundlers; its ES module build does not.
  mainFields: ['module', 'main'],
};

/** Tests, bench and tools: bundled for node from the repository, with inline source maps; they read the service files where the generator writes them. */
const unshipped = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  absWorkingDir: root,
  define: { PACKAGE_VERSION: JSON.stringify(version), SERVICE_DATA_DIRECTORY: JSON.stringify(join(root, 'server', 'data', 'services')) },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
rmSync(join(root, 'out'), { recursive: true, force: true });
await Promise.all([
  build({ ...shipped, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...shipped, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  build({ ...shipped, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...shipped, entryPoints: ['server/src/api.ts'], outfile: 'dist/api.js' }),
  build({
    ...unshipped,
    packages: 'external',
    entryPoints: [
      ...files(join(root, 'test'), '.test.ts').filter((f) => !f.includes(`${join('test', 'vscode')}`)),
      join(root, 'bench', 'run.ts'),
      join(root, 'scripts', 'rules-doc.ts'),
    ].map((f) => relative(root, f)),
    outbase: '.',
    outdir: 'out',
  }),
]);
// The VS Code API suite runs inside the extension host: vscode and mocha come from there and from node_modules.
await build({
  ...unshipped,
  external: ['vscode', 'mocha'],
  entryPoints: files(join(root, 'test', 'vscode', 'suite'), '.ts').map((f) => relative(root, f)),
  outbase: 'test/vscode',
  outdir: 'out/vscode',
});
chmodSync(join(root, 'dist', 'cli.js'), 0o755);
// The services in depth ship beside the bundles, without the generator's line breaks, read on first use.
const services = join(root, 'server', 'data', 'services');
mkdirSync(join(root, 'dist', 'data'), { recursive: true });
for (const name of readdirSync(services).filter((f) => f.endsWith('.json'))) {
  writeFileSync(join(root, 'dist', 'data', name), JSON.stringify(JSON.parse(readFileSync(join(services, name), 'utf8'))));
}
