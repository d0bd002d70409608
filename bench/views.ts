// `npm run bench -- --views`: the timeline picture of L in the real UI (code-server and Chromium,
// through the end-to-end harness): from the command to the picture drawn (at once after L
// opens, and again once settled), and from an edit that adds an event (pasted: one change) to
// the picture redrawn. Prints one JSON object on stdout.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectEvents, parseBriefing, pictureEvents, timelinePicture } from '../src/core';
import { Workbench } from '../test/e2e/workbench';
import { makeLarge } from './generate';

const REFRESH_DELAY_MS = 300;

async function main(): Promise<void> {
  const { text } = makeLarge();
  const drawn = timelinePicture(pictureEvents(collectEvents([{ source: 'l', label: 'l', briefing: parseBriefing(text) }])), 'none').items.length;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-views-'));
  fs.writeFileSync(path.join(folder, 'l.briefing'), text);
  const workbench = await Workbench.open({ folder });
  try {
    const frame = () => workbench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await workbench.quickOpen('l.briefing');
    await workbench.page.locator('[id="status.editor.selection"]').first().waitFor();
    /** When the page's steps first happened after `started`, in ms (its marks): its script run, the data come, the picture given, drawn, painted. */
    const steps = (started: number) =>
      frame()
        .locator('body')
        .evaluate((_body, since) => {
          const after: Record<string, number> = {};
          for (const mark of performance.getEntriesByType('mark')) {
            const at = Math.round(performance.timeOrigin + mark.startTime - since);
            const name = mark.name.replace('timeline: ', '');
            if (at >= 0 && after[name] === undefined) after[name] = at;
          }
          return after;
        }, started);
    /** The page's steps since `started`, once it has painted the picture after it (the harness's own look at the page lags behind it). */
    const painted = async (started: number) => {
      await frame()
        .locator('body')
        .evaluate(
          (_body, since) =>
            new Promise<void>((resolve) => {
              const check = () =>
                performance.getEntriesByName('timeline: painted').some((mark) => performance.timeOrigin + mark.startTime > since) ? resolve() : setTimeout(check, 10);
              check();
            }),
          started,
        );
      return steps(started);
    };
    const open = async () => {
      const started = Date.now();
      await workbench.page.keyboard.press('Control+K');
      await workbench.page.keyboard.press('t');
      await frame().locator(`body[data-drawn="${drawn}"]`).waitFor({ timeout: 120_000 });
      const opened = await painted(started);
      return { ms: opened.painted, steps: opened, lanes: await frame().locator('body').getAttribute('data-lanes') };
    };
    // At once after L opens, VS Code is still busy with the new document; then again, settled.
    const first = await open();
    await workbench.runCommand('View: Close Editors in Other Groups');
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Timeline' }).waitFor({ state: 'detached' });
    const settled = await open();

    await workbench.focusTab('l.briefing');
    await workbench.page.keyboard.press('Control+End');
    // One edit, as a paste: typed key by key, a pause in the keys would redraw it half written.
    await workbench.page.keyboard.insertText('\n- 2024-01-01: a new event at the end');
    const typed = Date.now();
    await frame()
      .locator(`body[data-drawn="${drawn + 1}"]`)
      .waitFor({ timeout: 60_000 });
    const editSteps = await painted(typed);
    const editMs = editSteps.painted;
    await workbench.screenshot('bench-timeline-L');
    // L has a thousand actors: it opens in one lane; lanes by actor are a choice.
    const chosen = Date.now();
    await frame().locator('select').selectOption('actor');
    await frame()
      .locator(`body[data-lanes="actor"][data-drawn="${drawn + 1}"]`)
      .waitFor({ timeout: 60_000 });
    const byActorMs = (await painted(chosen)).painted;
    await workbench.screenshot('bench-timeline-L-by-actor');
    process.stdout.write(
      JSON.stringify({
        drawn,
        firstOpenMs: first.ms,
        openMs: settled.ms,
        openSteps: settled.steps,
        lanes: settled.lanes,
        editMs,
        editSteps,
        byActorMs,
        redrawMs: editMs - REFRESH_DELAY_MS,
      }),
    );
  } finally {
    await workbench.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
