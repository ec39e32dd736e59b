// The extension in a real VS Code (code-server 1.139, headless Chromium): diagnostics, completion,
// hover, a quick fix (in JSON and in a Terraform file), and "Simulate statement" from the palette and
// from the CodeLens. Each step leaves a screenshot in test-results/e2e/.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { acceptSuggestion, command, frameText, goTo, launch, openFile, problems, shot } from './harness.mjs';

describe('VS Code with profile-policy', { timeout: 600_000 }, () => {
  let page;
  let stop;
  before(async () => {
    ({ page, stop } = await launch());
  });
  after(async () => stop?.());
  afterEach(async (context) => {
    // A failed step leaves its screen behind, to see what the editor showed.
    if (context.passed === false || context.error) await shot(page, `failed-${context.name.replace(/\W+/g, '-').slice(0, 40)}.png`).catch(() => {});
  });

  test('a JSON policy: the diagnostics are in the Problems panel', async () => {
    await openFile(page, 'policy.json');
    const text = await problems(page, /duplicate-key/);
    for (const rule of ['version-invalid', 'action-unknown', 'principal-in-identity-policy', 'duplicate-key'])
      assert.match(text, new RegExp(`profile-policy\\W+${rule}`));
    await shot(page, '01-json-problems.png');
  });

  test('a rule id in the Problems panel opens that rule, rendered', async () => {
    await problems(page, /action-unknown/);
    await page.locator('.markers-panel .monaco-list-row a.monaco-link', { hasText: 'action-unknown' }).first().click();
    const text = await frameText(page, ['action-unknown', 'The service has no action of this name']);
    assert.doesNotMatch(text, /^### /m); // a preview, not the Markdown source
    await shot(page, '01b-rule-docs.png');
    await command(page, 'View: Close All Editors');
  });

  test('a YAML policy: the misspelt action is reported with its suggestion', async () => {
    await openFile(page, 'analyst.yaml');
    const text = await problems(page, /GetProfileObjectTyp/);
    assert.match(text, /profile:GetProfileObjectTyp.*Did you mean profile:GetProfileObjectType/);
    await shot(page, '02-yaml-problems.png');
  });

  test('a CloudFormation template: policies inside it are checked', async () => {
    await openFile(page, 'template.yaml');
    const text = await problems(page, /template\.yaml/);
    assert.match(text, /profile:SearchProfile" is not an action/);
    assert.match(text, /profile-policy\W+principal-in-identity-policy/);
    await shot(page, '03-template-problems.png');
  });

  test('typing "profile:Get lists GetDomain with its description', async () => {
    await openFile(page, 'typing.json');
    await goTo(page, 6, 18);
    await page.keyboard.type('"profile:GetDom', { delay: 40 });
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'profile:GetDomain' }).first();
    await row.waitFor({ timeout: 20_000 });
    // The row carries the description and the access level.
    assert.match(await row.innerText(), /profile:GetDomain\s*get a specific domain in an account\s*Read/);
    // The documentation beside it arrives by completionItem/resolve.
    await page.locator('.suggest-details', { hasText: 'Grants permission to get a specific domain in an account' }).waitFor({ timeout: 10_000 });
    await shot(page, '04-completion.png');
    await page.keyboard.press('Enter');
    const line = (await page.locator('.view-line', { hasText: 'profile:GetDomain' }).first().innerText()).replace(/\u00a0/g, ' ');
    assert.match(line, /"Action": \["profile:GetDomain"\]/);
  });

  test('hovering an action shows its documentation', async () => {
    await goTo(page, 6, 25);
    await command(page, 'Show or Focus Hover');
    const hover = page.locator('.monaco-hover-content').first();
    await hover.waitFor({ timeout: 15_000 });
    const text = await hover.innerText();
    assert.match(text, /profile:GetDomain/);
    assert.match(text, /Grants permission to get a specific domain in an account/);
    await shot(page, '05-hover.png');
    await page.keyboard.press('Escape');
  });

  test('a quick fix replaces a misspelt action', async () => {
    await openFile(page, 'policy.json');
    // The fix belongs to a diagnostic: wait until the squiggles are drawn.
    await page.locator('.squiggly-error').first().waitFor({ timeout: 20_000 });
    await goTo(page, 7, 24); // on "profile:GetDomian"
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to "profile:GetDomain"' }).first();
    for (let attempt = 0; attempt < 3 && !(await fix.isVisible()); attempt++) {
      await page.keyboard.press('Control+.');
      await fix.waitFor({ timeout: 5_000 }).catch(() => {});
    }
    await fix.waitFor({ timeout: 5_000 });
    await shot(page, '06-quick-fix.png');
    await fix.click();
    await page.locator('.view-line', { hasText: '"profile:GetDomain",' }).first().waitFor({ timeout: 10_000 });
  });

  test('a Terraform file: the diagnostic, an action completed and a quick fix, in jsonencode, with no other extension', async () => {
    await openFile(page, 'roles.tf');
    const found = await problems(page, /GetDomian/);
    assert.match(found, /"profile:GetDomian" is not an action of Amazon Connect Customer Profiles\. Did you mean profile:GetDomain\?/);
    assert.match(found, /profile-policy\W+action-list-empty/);
    await command(page, 'View: Focus Active Editor Group');
    // The empty list of the second statement: type the quotes, then the start of the action, inside them.
    await goTo(page, 17, 21);
    await page.keyboard.type('""', { delay: 40 });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('profile:ListDom', { delay: 40 });
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'profile:ListDomains' }).first().waitFor({ timeout: 20_000 });
    await shot(page, '11-terraform-completion.png');
    await acceptSuggestion(page, 'profile:ListDomains'); // not the first row: profile:ListDomainLayouts sorts before it
    await page.locator('.view-line', { hasText: 'Action   = ["profile:ListDomains"]' }).first().waitFor({ timeout: 10_000 });
    // The misspelt action: its quick fix writes the suggestion in place.
    await page.locator('.squiggly-error').first().waitFor({ timeout: 20_000 });
    await goTo(page, 11, 25);
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Change to "profile:GetDomain"' }).first();
    for (let attempt = 0; attempt < 3 && !(await fix.isVisible()); attempt++) {
      await page.keyboard.press('Control+.');
      await fix.waitFor({ timeout: 5_000 }).catch(() => {});
    }
    await fix.waitFor({ timeout: 5_000 });
    await shot(page, '12-terraform-quick-fix.png');
    await fix.click();
    await page.locator('.view-line', { hasText: 'Action   = ["profile:GetDomain", "profile:SearchProfiles"]' }).first().waitFor({ timeout: 10_000 });
    // Both mistakes gone: nothing left to report in the file.
    await page.waitForTimeout(1500);
    assert.doesNotMatch(await problems(page, /^$/), /roles\.tf/);
    await shot(page, '13-terraform-clean.png');
  });

  test('a Terraform file with no Terraform extension: brackets close and indent, a line comments out', async () => {
    await openFile(page, 'roles.tf');
    await command(page, 'View: Focus Active Editor Group');
    // At the end of the file: brackets close themselves before blanks only, as in any language.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('locals {', { delay: 40 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('team = "blue', { delay: 40 });
    // The brace and the quote closed themselves, and the line inside the block is indented.
    await page
      .locator('.view-line', { hasText: /^\s+team\s=\s"blue"$/ })
      .first()
      .waitFor({ timeout: 10_000 });
    await page.locator('.view-line', { hasText: /^}$/ }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+/');
    await page
      .locator('.view-line', { hasText: /^\s+#\steam\s=\s"blue"$/ })
      .first()
      .waitFor({ timeout: 10_000 });
    await shot(page, '13b-terraform-editing.png');
    await command(page, 'File: Revert File');
  });

  test('"Simulate statement" from the command palette: the action under the cursor preselected, both team tags asked, Allow', async () => {
    await openFile(page, 'agent.json');
    await goTo(page, 8, 10); // on "profile:SearchProfiles"
    await command(page, 'Profile Policy: Simulate statement');
    const active = page.locator('.quick-input-list .monaco-list-row.focused');
    await active.filter({ hasText: 'profile:SearchProfiles' }).waitFor({ timeout: 15_000 });
    assert.match(await active.innerText(), /profile:SearchProfiles[\s\S]*Read[\s\S]*Search|profile:SearchProfiles[\s\S]*Search[\s\S]*Read/);
    await page.keyboard.press('Enter');
    // The resource, prefilled from the statement with the wildcard selected: type over it.
    await page.waitForTimeout(500);
    await page.keyboard.type('retail');
    await page.keyboard.press('Enter');
    const input = page.locator('.quick-input-widget input');
    for (const key of ['aws:ResourceTag/team', 'aws:PrincipalTag/team']) {
      await page.locator('.quick-input-widget', { hasText: key }).waitFor({ timeout: 10_000 });
      await input.fill('blue');
      await page.keyboard.press('Enter');
    }
    const text = await frameText(page, ['Statement by statement', 'Allow']);
    assert.match(text, /Allowed by statement "WorkWithProfilesInTheirTeamsDomains"/);
    await shot(page, '07-simulate-palette.png');
  });

  test('"Simulate statement" in a CloudFormation template: !Sub resolved from the parameter default, Allow', async () => {
    await openFile(page, 'roles.yaml');
    await goTo(page, 77, 20); // inside the "ReadProfiles" statement
    await command(page, 'Profile Policy: Simulate statement');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'profile:SearchProfiles' }).first().waitFor({ timeout: 15_000 });
    await input.fill('profile:SearchProfiles');
    await page.keyboard.press('Enter');
    // Prefilled from the !Sub with the default put in; the pseudo parameters are for the user to fill.
    await page.locator('.quick-input-widget', { hasText: 'resource' }).waitFor({ timeout: 10_000 });
    assert.match(await input.inputValue(), /^arn:\$\{AWS::Partition\}:profile:\$\{AWS::Region\}:\$\{AWS::AccountId\}:domains\/retail-customers$/);
    await input.fill('arn:aws:profile:us-east-1:111122223333:domains/retail-customers');
    await page.keyboard.press('Enter');
    const text = await frameText(page, ['Statement by statement', 'Allow']);
    assert.match(text, /Allowed by statement "ReadProfiles"/);
    await shot(page, '09-simulate-template.png');
  });

  test('a policy typed into an empty file with completion alone ends with no diagnostics', async () => {
    await openFile(page, 'empty.json');
    await page.keyboard.press('Control+Space');
    const skeleton = page.locator('.suggest-widget .monaco-list-row', { hasText: 'IAM policy' }).first();
    await skeleton.waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    // Tab stops: Sid, Effect, Action (typed over, completed), Resource.
    await page.keyboard.type('ReadDomains');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('profile:ListDomains'); // the exact name: the list is focused on it
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'profile:ListDomains' }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await page.locator('.view-line', { hasText: '"Action": ["profile:ListDomains"]' }).first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
    const text = await problems(page, /^$/);
    assert.doesNotMatch(text, /empty\.json/);
    await shot(page, '10-typed-policy.png');
  });

  test('a condition written with completion alone: Condition, its operator, then its key, each list opening by itself', async () => {
    await openFile(page, 'condition.json');
    await goTo(page, 7, 22); // after "Resource": "*"
    await page.keyboard.type(',', { delay: 40 });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    await acceptSuggestion(page, 'Condition');
    // The operators open at the snippet's first stop; the keys at its next, once the operator is in.
    await acceptSuggestion(page, 'StringEquals');
    // The keys the statement's action supports first, then the global ones: the list is open at the key's stop.
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'aws:ResourceTag/' }).first().waitFor({ timeout: 20_000 });
    await shot(page, '10b-condition-keys.png');
    await page.keyboard.type('aws:usern', { delay: 40 });
    await acceptSuggestion(page, 'aws:username');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ana', { delay: 40 });
    await page.keyboard.press('Escape');
    await page.locator('.view-line', { hasText: '"StringEquals": {' }).first().waitFor({ timeout: 10_000 });
    await page.locator('.view-line', { hasText: '"aws:username": "ana"' }).first().waitFor({ timeout: 10_000 });
  });

  test('"Simulate statement" from the CodeLens shows the decision', async () => {
    await openFile(page, 'agent.json');
    await goTo(page, 30, 1);
    const lens = page.locator('.codelens-decoration a', { hasText: 'Simulate statement' }).last();
    await lens.waitFor({ timeout: 15_000 });
    await lens.click();
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'profile:DeleteProfile' }).first().waitFor({ timeout: 15_000 });
    await input.fill('profile:DeleteProfile');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter'); // the resource remembered from the last run
    const text = await frameText(page, ['Statement by statement', 'ExplicitDeny']);
    assert.match(text, /Denied explicitly by statement "NeverDeleteOrMerge"/);
    await shot(page, '08-simulate-codelens.png');
  });
});
