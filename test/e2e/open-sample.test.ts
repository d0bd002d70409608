import * as assert from 'node:assert/strict';
import { type Workbench, workbenchForSuite } from './workbench';

suite('the sample in the real VS Code UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  workbenchForSuite(
    () => ({}),
    (opened) => (workbench = opened),
  );

  test('Quick Open opens the sample, the status bar says Briefing, the editor renders it', async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.languageStatus().filter({ hasText: 'Briefing' }).waitFor();
    assert.match((await workbench.languageStatus().textContent()) ?? '', /Briefing/);
    const lines = workbench.editorLines();
    await lines.filter({ hasText: 'title: Kim Jong Un to meet Vladimir Putin in Vladivostok' }).waitFor();
    assert.match((await lines.textContent()) ?? '', /classification:\s*UNCLASSIFIED/);
    await workbench.screenshot('open-sample');
  });

  test('"Briefing: Show Model as JSON" shows the model of the sample', async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.runCommand('Briefing: Show Model as JSON');
    await workbench.languageStatus().filter({ hasText: 'JSON' }).waitFor();
    await workbench.editorLines().filter({ hasText: '"classification": "UNCLASSIFIED"' }).waitFor();
    await workbench.screenshot('show-model');
  });

  test('the Get Started walkthrough lists its steps, and its first step opens the sample', async () => {
    const { page } = workbench;
    // With an editor open, the walkthrough opens beside it, too narrow to show its media.
    await workbench.runCommand('View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await workbench.runCommand('Welcome: Open Walkthrough');
    await page.locator('.quick-input-widget input').fill('Analyst Briefings');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Get Started with Analyst Briefings' }).waitFor();
    await page.keyboard.press('Enter');
    const titles = page.locator('.getting-started-step .step-title');
    await titles.first().waitFor();
    assert.deepEqual(
      (await titles.allTextContents()).map((title) => title.trim()),
      [
        'Open the sample briefing',
        'Hover a name',
        'Follow the events',
        'See the timeline',
        'See who is tied to whom',
        'See where',
        'Write your own',
        'Share actors across briefings',
        'Check briefings in CI',
      ],
    );
    // Without the side bar the page is wide enough to show each step's media beside the steps.
    await page.keyboard.press('Control+B');
    // The step's media, our Markdown, renders in a webview: its outer frame holds the active one.
    await page.frameLocator('.getting-started-media iframe').frameLocator('#active-frame').locator('h1', { hasText: 'A briefing' }).waitFor();
    await workbench.screenshot('walkthrough');
    await page.locator('.getting-started-step', { hasText: 'Open the sample briefing' }).getByText('Open Sample Briefing', { exact: true }).click();
    await page.locator('.tabs-container .tab', { hasText: 'vladivostok-summit.briefing' }).first().waitFor();
    // The names take the actor colour once the extension, started by the sample, has parsed it.
    await workbench.waitFor('the actor colour', async () => {
      const actor = await workbench.spanColor('Kim Jong Un');
      return actor !== undefined && actor !== (await workbench.spanColor('Leader')) ? actor : undefined;
    });
    await workbench.screenshot('walkthrough-sample');
    // Back on the walkthrough, the step is ticked: it completes when its command runs.
    await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().click();
    await page.locator('.getting-started-step[aria-checked="true"]', { hasText: 'Open the sample briefing' }).waitFor();
    await page.keyboard.press('Control+B');
  });
});
