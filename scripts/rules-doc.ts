// npm run docs: writes docs/rules.md and the profilePolicy.rules schema in package.json from the rule metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesDoc, withRuleSettingsSchema } from '../server/src/rules/docs';
import { repoRoot } from '../test/helpers';

writeFileSync(join(repoRoot, 'docs', 'rules.md'), renderRulesDoc());
console.log('docs/rules.md written');
const manifestPath = join(repoRoot, 'package.json');
writeFileSync(manifestPath, withRuleSettingsSchema(readFileSync(manifestPath, 'utf8')));
console.log('package.json: profilePolicy.rules schema written');
