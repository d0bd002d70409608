import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { samplesDir, type Workbench, workbenchForSuite } from './workbench';

/** A briefing whose names are HTML: the chart must show them as text. */
const HOSTILE = `---
title: Hostile names
actors:
  - name: <img src=x onerror="document.body.dataset.pwned=1">
    aliases: [Evil Corp]
    relations: [{ to: Kim, type: "<script>document.body.dataset.pwned=2</script>" }]
  - name: Kim
---
- 2023-11-13: Evil Corp meets Kim
`;

function chartWorkspace(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-chart-'));
  fs.cpSync(samplesDir, folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'hostile.briefing'), HOSTILE);
  process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

suite('the link chart in the real UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  workbenchForSuite(
    () => ({ folder: chartWorkspace() }),
    (opened) => (workbench = opened),
  );

  const chart = () => workbench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const drawn = async () =>
    Number(
      await chart()
        .locator('body')
        .getAttribute('data-drawn')
        .catch(() => null),
    );
  const listed = () => chart().locator('.nodes li');

  test("Show Link Chart draws the sample's actors and places beside it, with a list of them", async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.runCommand('Briefing: Show Link Chart');
    await workbench.waitFor('the chart drawn', async () => ((await drawn()) >= 12 ? true : undefined));
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Link Chart' }).waitFor();
    const names = (await listed().locator('.name').allTextContents()).map((text) => text.trim());
    for (const name of ['Kim Jong Un', 'Vladimir Putin', 'Vladivostok']) assert.ok(names.includes(name), names.join(' | '));
    assert.match((await chart().locator('.caption').textContent()) ?? '', /vladivostok-summit\.briefing.*actors and places/);
    // The canvas is drawn: cytoscape's layers are there, and not empty.
    assert.ok((await chart().locator('.chart canvas').count()) > 0);
    await workbench.screenshot('link-chart-sample');
  });

  test('a node chosen in the list selects its entry in the editor', async () => {
    await listed().filter({ hasText: 'Vladimir Putin' }).first().click();
    // The chart keeps the focus: the editor shows its line as current (its number lit), the name selected.
    await workbench.page.locator('.line-numbers.active-line-number', { hasText: /^14$/ }).first().waitFor();
    await workbench.page.locator('.editor-instance .selected-text').first().waitFor();
    await workbench.screenshot('link-chart-open');
    await workbench.screenshot('link-chart-open');
  });

  test('Expand neighbours shows the selection and its neighbours only; Show all brings the rest back', async () => {
    const note = chart().locator('.caption .note');
    await chart().getByRole('button', { name: 'Expand neighbours' }).click();
    await workbench.waitFor('the neighbours only', async () => (/within 1 of Vladimir Putin/.test((await note.textContent()) ?? '') ? true : undefined));
    const [shown, total] = /^(\d+) of (\d+) actors/
      .exec((await note.textContent()) ?? '')!
      .slice(1)
      .map(Number);
    assert.ok(shown > 1 && shown < total, `${shown} of ${total}`);
    await workbench.screenshot('link-chart-neighbours');
    await chart().getByRole('button', { name: 'Show all' }).click();
    await workbench.waitFor('everything again', async () => (/^\d+ actors and places/.test((await note.textContent()) ?? '') ? true : undefined));
  });

  test('names that are HTML show as text, and run nothing', async () => {
    await workbench.quickOpen('hostile.briefing');
    await workbench.waitFor('the hostile briefing drawn', async () => ((await chart().locator('.caption .title').textContent()) === 'hostile.briefing' ? true : undefined));
    const names = (await listed().locator('.name').allTextContents()).map((text) => text.trim());
    assert.ok(names.includes('<img src=x onerror="document.body.dataset.pwned=1">'), names.join(' | '));
    assert.equal(await chart().locator('body').getAttribute('data-pwned'), null);
    assert.equal(await chart().locator('.nodes img, .nodes script, main img').count(), 0);
    await workbench.screenshot('link-chart-hostile');
  });
});
