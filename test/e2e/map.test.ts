import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { samplesDir, type Workbench, workbenchForSuite, writtenWhole } from './workbench';

/** A briefing whose names are HTML: the map must show them as text. */
const HOSTILE = `---
title: Hostile names
places:
  - name: <img src=x onerror="document.body.dataset.pwned=1">
    coordinates: [50.45, 30.52]
  - name: <script>document.body.dataset.pwned=2</script>
    country: Ukraine
---
- 2023-11-13: <img src=x onerror="document.body.dataset.pwned=1"> and <script>document.body.dataset.pwned=2</script>
`;

/** A journey: from a point to a country (no coordinates). */
const ROUTE = `---
title: Route
places:
  - name: Vladivostok
    coordinates: [43.1155, 131.8855]
  - name: Ukraine
---
- 2023-09-13: Arms said to move from Vladivostok towards Ukraine.
`;
const ROUTE_EVENT_LINE = 8;

let folder = '';

function mapWorkspace(): string {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-map-'));
  fs.cpSync(samplesDir, folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'hostile.briefing'), HOSTILE);
  fs.writeFileSync(path.join(folder, 'route.briefing'), ROUTE);
  process.on('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

suite('the map in the real UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  workbenchForSuite(
    () => ({ folder: mapWorkspace() }),
    (opened) => (workbench = opened),
  );

  const map = () => workbench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const listed = () => map().locator('.places li');

  test("Show Map draws the sample: Vladivostok's point in Russia, the countries it speaks of shaded, a list of them", async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.runCommand('Briefing: Show Map');
    await map().locator('body[data-drawn]').waitFor({ timeout: 60_000 });
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Map' }).waitFor();
    assert.equal(await map().locator('body').getAttribute('data-regions'), '7');
    assert.equal(await map().locator('.country.shaded').count(), 7);
    assert.equal((await map().locator('.point text').textContent())?.trim(), 'Vladivostok');
    const names = (await listed().locator('.name').allTextContents()).map((text) => text.trim());
    for (const name of ['Russia', 'North Korea', 'Ukraine', 'Vladivostok']) assert.ok(names.includes(name), names.join(' | '));
    assert.match((await map().locator('.caption').textContent()) ?? '', /vladivostok-summit\.briefing.*7 countries, 1 place.*not on the map: East Asia/);
    await workbench.screenshot('map-sample');
  });

  test('a country chosen in the list selects its entry in the editor; by keyboard too', async () => {
    await listed().filter({ hasText: 'Ukraine' }).click();
    // The map keeps the focus: the editor shows its line as current (its number lit), the name selected.
    await workbench.page.locator('.line-numbers.active-line-number', { hasText: /^53$/ }).first().waitFor();
    await workbench.page.locator('.editor-instance .selected-text').first().waitFor();
    // From the list by keyboard: the next row (United States, as many mentions), chosen with Enter.
    await map().locator('.places').focus();
    await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('Enter');
    // Read once the page has taken the keys: read at once, it was the row before them now and then.
    const chosen = map().locator('.places li[aria-selected="true"] .name');
    await workbench.waitFor('United States chosen in the list', async () => ((await chosen.textContent())?.trim() === 'United States' ? true : undefined), 15_000);
    await workbench.page.locator('.line-numbers.active-line-number', { hasText: /^32$/ }).first().waitFor();
    await workbench.screenshot('map-chosen');
  });

  test('Export Map as SVG writes the map with its title and legend, in the print style, which a browser opens', async () => {
    const target = path.join(folder, 'vladivostok-summit.map.svg');
    // From the editor, as a user would: the list above kept the focus in the map's page, whose
    // refocus could close the style's quick pick.
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.runCommand('Briefing: Export Map as SVG…');
    await workbench.quickPickOption('Light print style').click();
    const input = workbench.page.locator('.quick-input-widget input');
    await workbench.waitFor('the save dialog', async () => ((await input.inputValue()).endsWith('vladivostok-summit.map.svg') ? true : undefined));
    await workbench.page.keyboard.press('Enter');
    await workbench.waitFor('the SVG written', async () => writtenWhole(target));
    const svg = fs.readFileSync(target, 'utf8');
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    assert.match(svg, />vladivostok-summit\.briefing</);
    assert.match(svg, />Vladivostok</);
    const context = await workbench.page.context().browser()!.newContext();
    const browserPage = await context.newPage();
    try {
      await browserPage.goto(`file://${target}`);
      assert.equal(await browserPage.locator('path.country[fill="#1a5fb4"]').count(), 7, 'the seven countries shaded in the print colour');
      await browserPage.screenshot({ path: path.join(path.dirname(await workbench.screenshot('map-export-dialog')), 'map-exported-svg.png') });
    } finally {
      await context.close();
    }
  });

  test("the timeline's window set to 2023-11 filters the map and the chart, once either keeps to it; their titles say so", async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    const timeline = await workbench.showTimeline(5);
    await workbench.runCommand('Briefing: Set Timeline Window…');
    const input = workbench.page.locator('.quick-input-widget input');
    await input.fill('2023-11');
    await workbench.page.keyboard.press('Enter');
    await workbench.waitFor('the window shown', async () =>
      /· window 2023-11-01 to 2023-11-30/.test((await timeline.locator('.caption').textContent()) ?? '') ? true : undefined,
    );
    await workbench.screenshot('window-timeline');
    // The map, shown again: kept to the window, it leaves out the countries of no event in November (Japan, South Korea, the US).
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Map' }).click();
    await map().locator('body[data-drawn]').waitFor({ timeout: 60_000 });
    // No hover of the workbench over the page's toolbar (the breadcrumbs' tooltip can cover it).
    await workbench.page.mouse.move(560, 700);
    await workbench.page.locator('.workbench-hover').first().waitFor({ state: 'hidden' });
    await map().getByLabel("Timeline's window").check();
    await workbench.waitFor('the map kept to the window', async () => ((await map().locator('body').getAttribute('data-regions')) === '4' ? true : undefined));
    assert.equal((await map().locator('.caption .title').textContent())?.trim(), 'vladivostok-summit.briefing · 2023-11-01 to 2023-11-30');
    assert.match((await map().locator('.caption .note').textContent()) ?? '', /4 countries, 1 place · 3 outside the window/);
    await workbench.screenshot('window-map');
    // Undated: the entities of no dated event come back.
    await map().getByLabel('Undated').check();
    await workbench.waitFor('the undated shown', async () => ((await map().locator('body').getAttribute('data-regions')) === '7' ? true : undefined));
    await map().getByLabel('Undated').uncheck();
    // The chart keeps to it too: the choice is one for both.
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.runCommand('Briefing: Show Link Chart');
    const chart = workbench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await workbench.waitFor('the chart kept to the window', async () => ((await chart.locator('body').getAttribute('data-drawn')) === '8' ? true : undefined));
    assert.equal(await chart.getByLabel("Timeline's window").isChecked(), true);
    assert.equal((await chart.locator('.caption .title').textContent())?.trim(), 'vladivostok-summit.briefing · 2023-11-01 to 2023-11-30');
    await workbench.page.mouse.move(780, 250);
    await workbench.screenshot('window-chart');
    // Play: the window steps through the events' time, and stops after the last.
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Timeline' }).click();
    const caption = async () => (await timeline.locator('.caption').textContent()) ?? '';
    await workbench.waitFor('the timeline shown', async () => (/· window/.test(await caption()) ? true : undefined));
    const before = await caption();
    await timeline.getByRole('button', { name: 'Play' }).click();
    await workbench.waitFor('the window moved', async () => ((await caption()) !== before ? true : undefined));
    await workbench.waitFor('the play over', async () => ((await timeline.getByRole('button', { name: 'Play' }).count()) === 1 ? true : undefined));
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Link Chart' }).click();
    await chart.getByLabel("Timeline's window").uncheck();
    await workbench.waitFor('the whole chart again', async () => ((await chart.locator('body').getAttribute('data-drawn')) === '12' ? true : undefined));
  });

  test('names that are HTML show as text, and run nothing, posted or carried in the page', async () => {
    const shownAsText = async () => {
      await workbench.waitFor('the hostile briefing drawn', async () => ((await map().locator('.caption .title').textContent()) === 'hostile.briefing' ? true : undefined));
      const names = (await listed().locator('.name').allTextContents()).map((text) => text.trim());
      assert.ok(names.includes('<img src=x onerror="document.body.dataset.pwned=1">'), names.join(' | '));
      assert.equal(await map().locator('body').getAttribute('data-pwned'), null);
      assert.equal(await map().locator('main img, main script, .places img').count(), 0);
    };
    await workbench.quickOpen('hostile.briefing');
    // The map's tab, in front of the chart's of the test before: its page loads again, and is sent the hostile briefing's map.
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Map' }).click();
    await shownAsText();
    // The map opened on it: its page is made with its data, drawn before the page says it is ready.
    await workbench.reopenPicture('hostile.briefing', 'Map', 'Briefing: Show Map');
    await shownAsText();
    const [data, ready] = await workbench.pageMarks(map(), ['map: data', 'map: ready']);
    assert.ok(data < ready, `the data drawn at ${data} ms, the page ready at ${ready} ms`);
    await workbench.screenshot('map-hostile');
  });

  test("the event on the cursor's line draws its places as a path: a point, and the middle of a country", async () => {
    await workbench.quickOpen('route.briefing');
    await workbench.waitFor('the route drawn', async () => ((await map().locator('.caption .title').textContent()) === 'route.briefing' ? true : undefined));
    await workbench.quickOpen('route.briefing');
    await workbench.goToLine(ROUTE_EVENT_LINE);
    await workbench.waitFor("the event's path", async () => ((await map().locator('body').getAttribute('data-path')) === '2' ? true : undefined));
    assert.equal(await map().locator('.path .route').count(), 1);
    await map().getByRole('button', { name: 'Fit' }).click();
    await workbench.screenshot('map-path');
  });
});
