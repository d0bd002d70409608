import * as assert from 'node:assert/strict';
import { type Workbench, workbenchForSuite } from './workbench';

suite('Restricted Mode (an untrusted workspace) in the real UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  workbenchForSuite(
    () => ({ workspaceTrust: true, settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' } }),
    (opened) => (workbench = opened),
  );

  test('the workspace is restricted, and colours, hovers and the Events view still work', async () => {
    await workbench.page
      .locator('[id="status.workspaceTrust"], .statusbar-item', { hasText: /Restricted Mode/ })
      .first()
      .waitFor();
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.goToLine(90);
    const actor = await workbench.waitFor('the actor colour', async () => workbench.spanColor('Vladimir Putin'));
    const plain = await workbench.spanColor(' is reported set to travel to ');
    assert.notEqual(actor, plain);
    const widget = await workbench.hover('Vladimir Putin', 'President · Russia');
    assert.match((await widget.textContent()) ?? '', /Events \(3\)/);
    await workbench.page.keyboard.press('Escape');
    await workbench.page.locator('.activitybar .action-item a[aria-label^="Briefings"]').click();
    const rows = workbench.page
      .locator('.pane', { has: workbench.page.locator('.pane-header', { hasText: 'Events' }) })
      .first()
      .locator('.monaco-list-row');
    await workbench.waitFor('event rows', async () => ((await rows.count()) === 5 ? true : undefined));
    await workbench.screenshot('restricted-mode');
  });

  test('the timeline draws there too: its page runs nothing from the workspace', async () => {
    await workbench.focusTab('vladivostok-summit.briefing');
    await workbench.showTimeline(5);
    await workbench.screenshot('restricted-mode-timeline');
  });
});
