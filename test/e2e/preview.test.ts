import * as assert from 'node:assert/strict';
import { makeTestWorkspace, type Workbench, workbenchForSuite } from './workbench';

suite('the preview in the real UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  workbenchForSuite(
    () => ({ folder: makeTestWorkspace() }),
    (opened) => (workbench = opened),
  );

  test("the editor title's preview button renders the briefing beside it, and the preview follows edits", async () => {
    const { page } = workbench;
    await workbench.quickOpen('vladivostok-summit.briefing');
    await page.locator('.editor-group-container.active .editor-actions [aria-label^="Open Preview to the Side"]').click();
    await page.locator('.tabs-container .tab', { hasText: 'Preview vladivostok-summit.briefing' }).waitFor();

    // The preview's document lives two frames down: the webview's host frame, then its content.
    const preview = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await preview.locator('h1', { hasText: 'Kim Jong Un to meet Vladimir Putin in Vladivostok' }).waitFor();
    await preview.locator('h2', { hasText: 'Key Judgments' }).waitFor();
    const event = preview.locator('li', { hasText: '2023-11-14..2023-11-30: Expected window for the meeting' });
    await event.waitFor();
    assert.match((await event.textContent()) ?? '', /#summit/, 'an event renders as the list item it is');
    await workbench.screenshot('preview-sample');

    // An edit in the briefing shows in the preview. The preview took the focus, as Markdown's
    // does: back to the briefing's tab (a key pressed while the preview loads can go astray).
    await workbench.focusTab('vladivostok-summit.briefing');
    await workbench.goToLine(64);
    await page.keyboard.press('End');
    await page.keyboard.type(' (revised)');
    await preview.locator('h2', { hasText: 'Bottom Line (revised)' }).waitFor();
    await page.keyboard.press('Control+Z');
  });

  test('Ctrl+Shift+V and Ctrl+K V, the keys of the Markdown preview, preview a briefing', async () => {
    const { page } = workbench;
    await workbench.runCommand('View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await workbench.quickOpen('second.briefing');
    await page.keyboard.press('Control+Shift+V');
    const tabs = page.locator('.tabs-container');
    await tabs.locator('.tab', { hasText: 'Preview second.briefing' }).waitFor();
    assert.equal(await tabs.count(), 1, 'Ctrl+Shift+V: in the same group');

    await workbench.focusTab('second.briefing');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('V');
    await tabs.nth(1).locator('.tab', { hasText: 'Preview second.briefing' }).waitFor();
    const sidePreview = page.frameLocator('iframe.webview >> nth=-1').frameLocator('iframe#active-frame');
    await sidePreview.locator('li', { hasText: '2023-10-18: Sergei Lavrov visits Pyongyang' }).waitFor();
    await workbench.screenshot('preview-keys');
  });
});
