// npm run docs: writes docs/rules.md from the rule metadata.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesDoc } from '../server/src/rules/docs';
import { repoRoot } from '../test/helpers';

writeFileSync(join(repoRoot, 'docs', 'rules.md'), renderRulesDoc());
console.log('docs/rules.md written');
