// `npm run bench -- --views`: the timeline picture of L in the real UI (code-server and Chromium,
// through the end-to-end harness): from the command to the picture drawn (at once after L
// opens, and again once settled), and from the last keystroke of an edit that adds an event to
// the picture redrawn. Prints one JSON object on stdout.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectEvents, parseBriefing, timelinePicture } from '../src/core';
import { Workbench } from '../test/e2e/workbench';
import { makeLarge } from './generate';

const REFRESH_DELAY_MS = 300;

async function main(): Promise<void> {
  const { text } = makeLarge();
  const drawn = timelinePicture(collectEvents([{ source: 'l', label: 'l', briefing: parseBriefing(text) }]), { lanes: 'actor' }).items.length;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-views-'));
  fs.writeFileSync(path.join(folder, 'l.briefing'), text);
  const workbench = await Workbench.open({ folder });
  try {
    const frame = () => workbench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await workbench.quickOpen('l.briefing');
    await workbench.page.locator('[id="status.editor.selection"]').first().waitFor();
    const open = async () => {
      const started = Date.now();
      await workbench.page.keyboard.press('Control+K');
      await workbench.page.keyboard.press('t');
      await frame().locator(`body[data-drawn="${drawn}"]`).waitFor({ timeout: 120_000 });
      return Date.now() - started;
    };
    // At once after L opens, VS Code is still busy with the new document; then again, settled.
    const firstOpenMs = await open();
    await workbench.runCommand('View: Close Editors in Other Groups');
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Timeline' }).waitFor({ state: 'detached' });
    const openMs = await open();

    await workbench.focusTab('l.briefing');
    await workbench.page.keyboard.press('Control+End');
    await workbench.page.keyboard.type('\n- 2024-01-01: a new event at the end');
    const typed = Date.now();
    await frame()
      .locator(`body[data-drawn="${drawn + 1}"]`)
      .waitFor({ timeout: 60_000 });
    const editMs = Date.now() - typed;
    await workbench.screenshot('bench-timeline-L');
    process.stdout.write(JSON.stringify({ drawn, firstOpenMs, openMs, editMs, redrawMs: editMs - REFRESH_DELAY_MS }));
  } finally {
    await workbench.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
