import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getTools, repoRoot, Workbench } from './workbench';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { installExtension } = require('../../scripts/lib/codeServer');

suite('the packaged .vsix in the real VS Code UI', function () {
  this.timeout(180_000);
  let workbench: Workbench | undefined;
  let extensionsDir: string;

  suiteSetup(() => {
    extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-extensions-'));
  });
  suiteTeardown(async () => {
    await workbench?.close();
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  });

  test('installs with --install-extension, then activates on the sample', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const vsix = path.join(repoRoot, `analyst-briefings-${version}.vsix`);
    assert.ok(fs.existsSync(vsix), 'npm run package made the .vsix');
    const { NODE24, CODE_SERVER_ENTRY } = getTools();
    const output: string = installExtension({ node24: NODE24, entry: CODE_SERVER_ENTRY, vsix, extensionsDir });
    assert.match(output, /was successfully installed/);
    assert.ok(fs.readdirSync(extensionsDir).some((name) => name.startsWith('analyst-briefings.analyst-briefings-')));

    workbench = await Workbench.open({ development: false, extensionsDir });
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.languageStatus().filter({ hasText: 'Briefing' }).waitFor();
    await workbench.runCommand('Briefing: Show Model as JSON');
    await workbench.editorLines().filter({ hasText: '"title": "Kim Jong Un to meet Vladimir Putin in Vladivostok"' }).waitFor();
    await workbench.screenshot('vsix-installed');
  });

  test('after Reload Window it activates again, works, and logs no error of its own', async () => {
    assert.ok(workbench, 'the previous test opened the workbench');
    await workbench.runCommand('Developer: Reload Window');
    await workbench.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await workbench.page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
    await workbench.quickOpen('vladivostok-summit.briefing');
    // The command is offered in a briefing's editor: the language known, as before the reload.
    await workbench.languageStatus().filter({ hasText: 'Briefing' }).waitFor();
    await workbench.runCommand('Briefing: Show Model as JSON');
    await workbench.editorLines().filter({ hasText: '"classification": "UNCLASSIFIED"' }).waitFor();
    const ours = workbench
      .log()
      .split('\n')
      .filter((line) => /analyst-briefings/.test(line) && /error|exception|rejected|LEAK/i.test(line));
    assert.deepEqual(ours, []);
    await workbench.screenshot('vsix-restarted');
  });
  test("its page in the Extensions view shows the README with nothing broken: captions for the pictures, the docs' paths", async () => {
    assert.ok(workbench, 'the first test opened the workbench');
    const { page } = workbench;
    await workbench.runCommand('View: Close All Editors');
    // The Extensions view (Ctrl+Shift+X), its search box focused: the installed extensions.
    await page.keyboard.press('Control+Shift+X');
    await page.locator('.extensions-viewlet').waitFor();
    await page.keyboard.type('@installed Analyst');
    await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Analyst Briefings' }).first().click();
    // The README renders in a webview (the only one open), laid over the editor: its host frame, then its content.
    const readme = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await readme.locator('h2', { hasText: 'A short tour' }).waitFor();
    await readme.locator('em', { hasText: 'Picture: The hover card of Vladimir Putin' }).waitFor();
    await readme.locator('code', { hasText: 'docs/format.md' }).first().waitFor();
    // VS Code drops a relative picture's source and a relative link's target: none is left to drop.
    assert.equal(await readme.locator('img:not([src]), a:not([href])').count(), 0);
    await workbench.screenshot('vsix-readme');
  });
});
