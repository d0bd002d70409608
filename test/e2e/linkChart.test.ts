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

/** A briefing to type a relation in: the line `role: leader` is where it goes. */
const TYPED = `---
title: A relation typed
actors:
  - name: Kim Jong Un
    role: leader
  - name: Vladimir Putin
---
- 2023-09-13: Kim Jong Un meets Vladimir Putin
`;

function chartWorkspace(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-chart-'));
  fs.cpSync(samplesDir, folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'hostile.briefing'), HOSTILE);
  fs.writeFileSync(path.join(folder, 'typed.briefing'), TYPED);
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
    // Kim Jong Un tied to Vladimir Putin through the meeting in Vladivostok, the city tied to both.
    assert.match((await listed().filter({ hasText: 'Vladivostok' }).first().textContent()) ?? '', /4 mentions · 2 ties/);
    assert.match((await listed().filter({ hasText: 'Kim Jong Un' }).first().textContent()) ?? '', /9 mentions · 5 ties/);
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

  test('"at most" keeps the most mentioned; one left out, chosen in the list, comes with its neighbours', async () => {
    const note = chart().locator('.caption .note');
    const most = chart().getByRole('spinbutton', { name: /At most this many actors and places/ });
    await most.fill('3');
    await most.press('Enter');
    await workbench.waitFor('three drawn', async () =>
      /^3 of 12 actors and places \(the most mentioned/.test((await note.textContent()) ?? '') && (await drawn()) === 3 ? true : undefined,
    );
    await workbench.screenshot('link-chart-at-most');
    // Japan, mentioned once, is not drawn: chosen in the list, it is, with what it is tied to.
    await listed().filter({ hasText: 'Japan' }).first().click();
    await workbench.waitFor('Japan and its neighbours', async () => (/within 1 of Japan/.test((await note.textContent()) ?? '') ? true : undefined));
    assert.ok((await drawn()) >= 2);
    await chart().getByRole('button', { name: 'Show all' }).click();
    await most.fill('150');
    await most.press('Enter');
    await workbench.waitFor('all twelve again', async () => ((await drawn()) === 12 ? true : undefined));
  });

  test('names that are HTML show as text, and run nothing, posted or carried in the page', async () => {
    const shownAsText = async () => {
      await workbench.waitFor('the hostile briefing drawn', async () => ((await chart().locator('.caption .title').textContent()) === 'hostile.briefing' ? true : undefined));
      const names = (await listed().locator('.name').allTextContents()).map((text) => text.trim());
      assert.ok(names.includes('<img src=x onerror="document.body.dataset.pwned=1">'), names.join(' | '));
      assert.equal(await chart().locator('body').getAttribute('data-pwned'), null);
      assert.equal(await chart().locator('.nodes img, .nodes script, main img').count(), 0);
    };
    // Posted to the open chart.
    await workbench.quickOpen('hostile.briefing');
    await shownAsText();
    // The chart opened on it: its page is made with its data, drawn before the page says it is ready.
    await workbench.reopenPicture('hostile.briefing', 'Link Chart', 'Briefing: Show Link Chart');
    await shownAsText();
    const [data, ready] = await workbench.pageMarks(chart(), ['chart: data', 'chart: ready']);
    assert.ok(data < ready, `the data drawn at ${data} ms, the page ready at ${ready} ms`);
    await workbench.screenshot('link-chart-hostile');
  });

  test('a relation typed in the front matter appears as a labelled arrow', async () => {
    const { page } = workbench;
    const note = chart().locator('.caption .note');
    await workbench.quickOpen('typed.briefing');
    await workbench.waitFor('the typed briefing drawn', async () => ((await note.textContent()) === '2 actors and places, 1 tie' ? true : undefined));
    // In place of `role: leader` (no Enter: the line's indentation stays).
    await workbench.goToLine(5);
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('relations: [{ to: Vladimir Putin, type: hosts }', { delay: 10 });
    await page.keyboard.press('Escape');
    await workbench.waitFor('the arrow drawn', async () => ((await note.textContent()) === '2 actors and places, 2 ties' ? true : undefined));
    // The line as typed (the editor wraps it: its view lines are joined).
    assert.match((await workbench.editorTextLines()).join(' '), /relations: \[\{ to: Vladimir Putin, +type: hosts \}\]/);
    const kim = listed().filter({ hasText: 'Kim Jong Un' }).first();
    assert.match((await kim.textContent()) ?? '', /2 ties/);
    await workbench.screenshot('link-chart-typed-relation');
  });
});

for (const theme of ['Default Dark Modern', 'Default High Contrast']) {
  suite(`the link chart in ${theme}`, function () {
    this.timeout(180_000);
    let workbench: Workbench;
    workbenchForSuite(
      () => ({ settings: { 'workbench.colorTheme': theme } }),
      (opened) => (workbench = opened),
    );

    test("draws in the theme's colours", async () => {
      await workbench.quickOpen('vladivostok-summit.briefing');
      await workbench.runCommand('Briefing: Show Link Chart');
      const chart = workbench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await workbench.waitFor('the chart drawn', async () => (Number(await chart.locator('body').getAttribute('data-drawn')) >= 12 ? true : undefined));
      const colours = await chart.locator('body').evaluate((body) => {
        const style = (globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string; color: string } }).getComputedStyle(body);
        return { background: style.backgroundColor, text: style.color };
      });
      const luminance = (colour: string) => {
        const [r, g, b] = (colour.match(/\d+/g) ?? []).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      assert.ok(luminance(colours.background) < 80, colours.background);
      assert.ok(luminance(colours.text) > 150, colours.text);
      // No hover of the workbench over the chart's toolbar: the mouse on blank space of the editor, then the chart.
      await workbench.page.mouse.move(780, 250);
      await workbench.page.locator('.workbench-hover').first().waitFor({ state: 'hidden' });
      await workbench.page.mouse.move(1040, 520);
      await workbench.screenshot(`link-chart-${theme.split(' ')[1].toLowerCase()}`);
    });
  });
}
