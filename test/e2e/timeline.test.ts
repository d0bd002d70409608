import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { samplesDir, type Workbench, workbenchForSuite, writtenWhole } from './workbench';

/** A briefing whose names and texts are HTML: the timeline must show them as text. */
const HOSTILE = `---
title: Hostile names
actors:
  - name: <img src=x onerror="document.body.dataset.pwned=1">
    aliases: [Evil Corp]
  - name: Kim
---
# Events

- 2023-11-13: Evil Corp meets Kim <img src=x onerror="document.body.dataset.pwned=1"> <script>document.body.dataset.pwned=2</script>
- 2023-11-20: Kim <b>bold</b> returns
`;

/** The page's globals used in evaluate (the tests' TypeScript has no DOM library); written inside each function, which runs in the page. */
type PageGlobals = { document: { activeElement: unknown }; getComputedStyle(element: unknown): { color: string; backgroundColor: string } };

function timelineWorkspace(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-timeline-'));
  fs.cpSync(samplesDir, folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'hostile.briefing'), HOSTILE);
  process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

suite('the timeline in the real UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  let folder: string;
  workbenchForSuite(
    () => ({ folder: (folder = timelineWorkspace()) }),
    (opened) => (workbench = opened),
  );

  const picture = () => workbench.timelinePage();
  const drawnCount = async () => Number(await picture().locator('body').getAttribute('data-drawn'));
  const item = (label: string | RegExp) => picture().locator('.vis-foreground .vis-item', { hasText: label });
  const laneLabels = () => picture().locator('.vis-labelset .vis-label');

  test("Show Timeline draws the sample's events beside it, one lane per actor", async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.showTimeline(5);
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Timeline' }).waitFor();
    // Every event in the lane of each of its actors.
    const lanes = (await laneLabels().allTextContents()).map((text) => text.trim());
    assert.ok(lanes.includes('Kim Jong Un') && lanes.includes('Vladimir Putin'), lanes.join(' | '));
    // A day is a point, the range a bar, an approximate month a dashed bar with "~" in its label.
    await item('Kim Jong Un is reported set to travel to Russia to meet Vladimir Putin').first().waitFor();
    assert.ok(
      await item('Kim Jong Un is reported set to travel')
        .first()
        .evaluate((element) => element.classList.contains('vis-point')),
    );
    const range = item('Expected window for the meeting in Vladivostok').first();
    assert.ok(await range.evaluate((element) => element.classList.contains('vis-range')));
    const approximate = item('~ North Korea seeks advanced technology').first();
    assert.ok(await approximate.evaluate((element) => element.classList.contains('vis-range') && element.classList.contains('approximate')));
    const header = (await picture().locator('.caption').textContent()) ?? '';
    assert.match(header, /vladivostok-summit\.briefing/);
    assert.match(header, /5 events/);
    await workbench.screenshot('timeline-sample');
  });

  test('clicking an item selects its line in the editor', async () => {
    await item('Expected window for the meeting in Vladivostok').first().click();
    await workbench.page
      .locator('[id="status.editor.selection"]', { hasText: /Ln 94,|\(\d+ selected\)/ })
      .first()
      .waitFor();
    const lines = await workbench.editorTextLines();
    assert.ok(lines.some((line) => line.includes('2023-11-14..2023-11-30')));
    await workbench.screenshot('timeline-click');
  });

  test("the cursor on an event selects that event's items", async () => {
    await workbench.focusTab('vladivostok-summit.briefing');
    await workbench.goToLine(92);
    const selected = item("South Korea's foreign ministry says any discussions").first();
    await workbench.waitFor('the item selected', async () => ((await selected.evaluate((element) => element.classList.contains('vis-selected'))) ? true : undefined));
    await workbench.screenshot('timeline-cursor');
  });

  test('an event typed in appears in the timeline', async () => {
    await workbench.goToLine(100);
    await workbench.page.keyboard.press('End');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.type('- 2023-12-05: Vladimir Putin returns to Moscow');
    await workbench.waitFor('six events drawn', async () => ((await drawnCount()) === 6 ? true : undefined));
    await item('Vladimir Putin returns to Moscow').first().waitFor();
    await workbench.screenshot('timeline-typed');
    await workbench.page.keyboard.press('Control+Shift+K');
    await workbench.waitFor('five events again', async () => ((await drawnCount()) === 5 ? true : undefined));
  });

  test('by keyboard: Tab to the picture, arrows from event to event (announced), Enter shows it in the editor', async () => {
    const frame = picture();
    // A click on the caption above the picture, then Tab: the picture is the next stop.
    await frame.locator('.caption').click();
    await workbench.page.keyboard.press('Tab');
    await workbench.waitFor('the picture focused', async () =>
      (await frame.locator('.picture').evaluate((element) => element === (globalThis as unknown as PageGlobals).document.activeElement)) ? true : undefined,
    );
    await workbench.page.keyboard.press('Home');
    await workbench.page.keyboard.press('ArrowRight');
    const announced = frame.locator('[aria-live="polite"]');
    await workbench.waitFor('the second event announced', async () => (/^~2023-11: /.test((await announced.textContent()) ?? '') ? true : undefined));
    assert.match((await frame.locator('.picture').getAttribute('aria-label')) ?? '', /^Timeline of vladivostok-summit\.briefing: 5 events/);
    const selectedId = await frame.locator('body').getAttribute('data-selected');
    assert.ok(selectedId);
    await workbench.page.keyboard.press('End');
    await workbench.waitFor('the last event announced', async () => (/^2023-11-14\.\.2023-11-30: Expected window/.test((await announced.textContent()) ?? '') ? true : undefined));
    await workbench.page.keyboard.press('Enter');
    await workbench.screenshot('timeline-keyboard');
    // The picture keeps the focus; the editor holds the selection.
    await workbench.focusTab('vladivostok-summit.briefing');
    await workbench.page
      .locator('[id="status.editor.selection"]', { hasText: /Ln 94,|\(\d+ selected\)/ })
      .first()
      .waitFor();
  });

  test('one lane for all, and back to lanes by actor', async () => {
    await picture().locator('select').selectOption('none');
    await workbench.waitFor('one lane', async () => ((await laneLabels().allTextContents()).join('').trim() === '' ? true : undefined));
    await picture().locator('select').selectOption('actor');
    await workbench.waitFor('lanes by actor', async () => ((await laneLabels().count()) > 1 ? true : undefined));
  });

  test('names and texts that are HTML show as text, and run nothing, posted or carried in the page', async () => {
    const shownAsText = async () => {
      await workbench.waitFor('the hostile briefing drawn', async () => ((await picture().locator('.caption .title').textContent()) === 'hostile.briefing' ? true : undefined));
      await workbench.waitFor('two events', async () => ((await drawnCount()) === 2 ? true : undefined));
      const lanes = (await laneLabels().allTextContents()).map((text) => text.trim());
      assert.ok(lanes.includes('<img src=x onerror="document.body.dataset.pwned=1">'), lanes.join(' | '));
      await item('Evil Corp meets Kim <img src=x onerror=').first().waitFor();
      await item('Kim <b>bold</b> returns').first().waitFor();
      const page = picture().locator('body');
      assert.equal(await page.getAttribute('data-pwned'), null);
      assert.equal(await picture().locator('.vis-timeline img, .vis-timeline script, .vis-timeline b').count(), 0);
    };
    // Posted to the open timeline.
    await workbench.quickOpen('hostile.briefing');
    await shownAsText();
    // The timeline opened on it: its page is made with its data, drawn before the page says it is ready.
    await workbench.reopenPicture('hostile.briefing', 'Timeline', 'Briefing: Show Timeline');
    await shownAsText();
    const [data, ready] = await workbench.pageMarks(picture(), ['timeline: data', 'timeline: ready']);
    assert.ok(data < ready, `the data drawn at ${data} ms, the page ready at ${ready} ms`);
    await workbench.screenshot('timeline-hostile');
  });

  test('Export Timeline as SVG writes a picture a browser opens', async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.waitFor('the sample drawn', async () => ((await drawnCount()) === 5 ? true : undefined));
    // The save dialog offers the briefing's name, beside it.
    const target = path.join(folder, 'vladivostok-summit.timeline.svg');
    await workbench.runCommand('Briefing: Export Timeline as SVG…');
    await workbench.quickPickOption('Light print style').click();
    const input = workbench.page.locator('.quick-input-widget input');
    await workbench.waitFor('the save dialog', async () => ((await input.inputValue()).endsWith('vladivostok-summit.timeline.svg') ? true : undefined));
    await workbench.page.keyboard.press('Enter');
    await workbench.waitFor('the SVG written', async () => writtenWhole(target));
    const svg = fs.readFileSync(target, 'utf8');
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    assert.match(svg, /Kim Jong Un is reported set to travel/);
    const context = await workbench.page.context().browser()!.newContext();
    const browserPage = await context.newPage();
    try {
      await browserPage.goto(`file://${target}`);
      assert.ok((await browserPage.locator('svg text').count()) > 5);
      await browserPage.screenshot({ path: path.join(path.dirname(await workbench.screenshot('timeline-export-dialog')), 'timeline-exported-svg.png') });
    } finally {
      await context.close();
    }
  });

  test("Export Timeline as PNG writes a PNG in the theme's colours", async () => {
    const target = path.join(folder, 'vladivostok-summit.timeline.png');
    await workbench.runCommand('Briefing: Export Timeline as PNG…');
    await workbench.quickPickOption("The theme's colours").click();
    const input = workbench.page.locator('.quick-input-widget input');
    await workbench.waitFor('the save dialog', async () => ((await input.inputValue()).endsWith('vladivostok-summit.timeline.png') ? true : undefined));
    await workbench.page.keyboard.press('Enter');
    await workbench.waitFor('the PNG written', async () => writtenWhole(target));
    const png = fs.readFileSync(target);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    fs.copyFileSync(target, path.join(path.dirname(await workbench.screenshot('timeline-export-png-dialog')), 'timeline-exported.png'));
  });

  test('after a reload, the panel comes back drawn, with its lanes (the serializer)', async () => {
    await picture().locator('select').selectOption('place');
    await workbench.waitFor('lanes by place', async () => ((await laneLabels().allTextContents()).some((text) => text.includes('Vladivostok')) ? true : undefined));
    await workbench.runCommand('Developer: Reload Window');
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Timeline' }).waitFor({ timeout: 60_000 });
    await workbench.waitFor('the timeline drawn again', async () => ((await drawnCount().catch(() => 0)) === 5 ? true : undefined), 60_000);
    assert.equal(await picture().locator('select').inputValue(), 'place');
    await workbench.screenshot('timeline-after-reload');
  });
});

suite('the timeline in a dark theme', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  workbenchForSuite(
    () => ({ settings: { 'workbench.colorTheme': 'Default Dark Modern' } }),
    (opened) => (workbench = opened),
  );

  test("draws in the theme's colours", async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    const frame = await workbench.showTimeline(5);
    const background = await frame.locator('body').evaluate((body) => (globalThis as unknown as PageGlobals).getComputedStyle(body).backgroundColor);
    const text = await frame
      .locator('.vis-labelset .vis-label')
      .first()
      .evaluate((label) => (globalThis as unknown as PageGlobals).getComputedStyle(label).color);
    const luminance = (colour: string) => {
      const [r, g, b] = (colour.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    assert.ok(luminance(background) < 80, background);
    assert.ok(luminance(text) > 150, text);
    await workbench.screenshot('timeline-dark');
  });
});
