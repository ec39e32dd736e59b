// A full garbage collection must not throw away the optimised code of the analysis (iam/shapes.ts):
// V8 deoptimises every function compiled against a hidden class that no living object has, so a reader
// or a tree that dies between documents once sent each analysis after a collection back to slow code.
// The file runs itself in a child with V8's deoptimisation trace and maps dropped at the first
// collection, so the test does not depend on how many collections the engine would wait.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generatePolicy, generateTemplate, generateTerraform } from '../../bench/generate';
import { simulate } from '../../server/src/api';
import { lintFile } from '../../server/src/cli/lint';
import { DEFAULT_SETTINGS } from '../../server/src/rules/settings';
import { analyse } from '../../server/src/service';
import { repoRoot } from '../helpers';

const CHILD = 'PROFILE_POLICY_SHAPES_CHILD';
const START = '--- collections from here';
const END = '--- end';

if (process.env[CHILD]) runChild();
else
  test('a full collection between analyses deoptimises nothing (JSON, YAML, Terraform, the CLI reading files, the library simulating)', () => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--trace-deopt', '--retain-maps-for-n-gc=0', __filename], {
      env: { ...process.env, [CHILD]: '1' },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 120_000,
    });
    assert.equal(child.status, 0, child.stderr);
    const output = child.stdout;
    const measured = output.slice(output.indexOf(START), output.indexOf(END));
    assert.ok(measured.length > 0, 'the child printed its markers');
    // "[marking dependent code … (… <SharedFunctionInfo name>) … for deoptimization, reason: weak objects]"
    const dropped = measured
      .split('\n')
      .filter((line) => line.includes('reason: weak objects'))
      .map((line) => line.slice(line.indexOf('<SharedFunctionInfo') + 20, line.indexOf('>', line.indexOf('<SharedFunctionInfo'))));
    assert.deepEqual(dropped, []);
  });

function runChild(): void {
  const collect = (globalThis as { gc?: () => void }).gc!;
  const template = generateTemplate(128 * 1024);
  const terraform = generateTerraform(100).text;
  const examples = join(repoRoot, 'examples');
  const files = readdirSync(examples)
    .filter((name) => !name.endsWith('.md'))
    .map((name) => join(examples, name));
  const policy = generatePolicy();
  const yamlPolicy = 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: profile:*\n    Resource: "*"\n';
  const request = {
    action: 'profile:GetDomain',
    resource: 'arn:aws:profile:us-east-1:111122223333:domains/team3',
    context: { 'aws:ResourceTag/team': 'team3', 'aws:SecureTransport': 'true' },
  };
  const work = () => {
    for (let i = 0; i < 20; i++) simulate(policy, request);
    simulate(yamlPolicy, request);
    analyse(template.json, 'json');
    analyse(template.yaml, 'yaml');
    analyse(terraform, 'terraform');
    for (const file of files) lintFile(file, file, DEFAULT_SETTINGS);
  };
  // Long enough for the engine to optimise, and past the first collections, which may drop classes
  // once for good (a field's type widened).
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 8; i++) work();
    collect();
  }
  work();
  console.log(START);
  for (let round = 0; round < 3; round++) {
    collect();
    work();
  }
  console.log(END);
}
