// `npm run bench -- --views`: the pictures of L in the real UI (code-server and Chromium,
// through the end-to-end harness). The timeline: from the command to the picture drawn (at once
// after L opens, and again once settled), and from an edit that adds an event (pasted: one
// change) to the picture redrawn. The link chart: from the command to the chart of L and of the
// sample drawn, and from an edit that changes one count to the chart redrawn. The map of L (its
// places in real countries) from the command; and the timeline's window set, to the chart and
// the map that keep to it redrawn, the three side by side. Prints one JSON object on stdout.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectEvents, parseBriefing, pictureEvents, timelinePicture } from '../src/core';
import { samplesDir, Workbench } from '../test/e2e/workbench';
import { makeLarge, withLocatedPlaces } from './generate';

const REFRESH_DELAY_MS = 300;
/** The window the bench sets: a month of L's ten years. */
const WINDOW = '2020-06';

async function main(): Promise<void> {
  const { text } = makeLarge();
  const drawn = timelinePicture(pictureEvents(collectEvents([{ source: 'l', label: 'l', briefing: parseBriefing(text) }])), 'none').items.length;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'analyst-briefings-views-'));
  fs.writeFileSync(path.join(folder, 'l.briefing'), text);
  fs.writeFileSync(path.join(folder, 'l-map.briefing'), withLocatedPlaces(text));
  fs.cpSync(samplesDir, folder, { recursive: true });
  const entities = parseBriefing(text).entities.length;
  const workbench = await Workbench.open({ folder });
  try {
    const frame = () => workbench.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await workbench.quickOpen('l.briefing');
    await workbench.page.locator('[id="status.editor.selection"]').first().waitFor();
    /** When the page's steps first happened after `started`, in ms (its marks): its script run, the data come, the picture given, drawn, painted. */
    const steps = (started: number, picture = 'timeline', page = frame()) =>
      page.locator('body').evaluate(
        (_body, [since, prefix]) => {
          const after: Record<string, number> = {};
          for (const mark of performance.getEntriesByType('mark')) {
            if (!mark.name.startsWith(`${prefix}: `)) continue;
            const at = Math.round(performance.timeOrigin + mark.startTime - Number(since));
            const name = mark.name.slice(String(prefix).length + 2);
            if (at >= 0 && after[name] === undefined) after[name] = at;
          }
          return after;
        },
        [started, picture] as const,
      );
    /** The page's steps since `started`, once it has made the mark `last` after it (the harness's own look at the page lags behind it). */
    const painted = async (started: number, picture = 'timeline', page = frame(), last = 'painted') => {
      await page.locator('body').evaluate(
        (_body, [since, name]) =>
          new Promise<void>((resolve) => {
            const check = () =>
              performance.getEntriesByName(String(name)).some((mark) => performance.timeOrigin + mark.startTime > Number(since)) ? resolve() : setTimeout(check, 10);
            check();
          }),
        [started, `${picture}: ${last}`] as const,
      );
      return steps(started, picture, page);
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

    // The link chart of L, alone beside it.
    await workbench.runCommand('View: Close Editors in Other Groups');
    await workbench.page.locator('.tabs-container .tab', { hasText: 'Timeline' }).waitFor({ state: 'detached' });
    await workbench.focusTab('l.briefing');
    let chartStarted = Date.now();
    await workbench.runCommand('Briefing: Show Link Chart', (at) => (chartStarted = at));
    await frame().locator(`body[data-nodes="${entities}"][data-drawn]`).waitFor({ timeout: 120_000 });
    const chartSteps = await painted(chartStarted, 'chart');
    const chartShown = Number(await frame().locator('body').getAttribute('data-drawn'));
    const chartMs = chartSteps.painted;
    await workbench.screenshot('bench-chart-L');
    // An edit that changes one count: a mention more, in the prose.
    await workbench.focusTab('l.briefing');
    const mentioned = parseBriefing(text).entities[0].name;
    await workbench.page.keyboard.insertText(` ${mentioned} again.`);
    const edited = Date.now();
    const chartEditSteps = await painted(edited, 'chart');
    // The sample's chart, once L's is closed.
    await workbench.runCommand('View: Close All Editor Groups');
    await workbench.quickOpen('vladivostok-summit.briefing');
    let sampleStarted = Date.now();
    await workbench.runCommand('Briefing: Show Link Chart', (at) => (sampleStarted = at));
    await frame().locator('body[data-drawn]').waitFor({ timeout: 60_000 });
    const sampleSteps = await painted(sampleStarted, 'chart');
    const sampleChartMs = sampleSteps.painted;
    await workbench.screenshot('bench-chart-sample');

    // The map of L, its 250 places in real countries, half of them with coordinates: from the
    // command to the map painted.
    await workbench.runCommand('View: Close All Editor Groups');
    await workbench.quickOpen('l-map.briefing');
    await workbench.page.locator('[id="status.editor.selection"]').first().waitFor();
    const openMap = async () => {
      let started = Date.now();
      await workbench.runCommand('Briefing: Show Map', (at) => (started = at));
      await frame().locator('body[data-drawn]').waitFor({ timeout: 120_000 });
      const opened = await painted(started, 'map');
      // The page's own marks, from its navigation: how long its script took before it asked for the data, and drew the world.
      const page = await frame()
        .locator('body')
        .evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name.replace('map: ', ''), Math.round(mark.startTime)])));
      return { ms: opened.painted, steps: opened, page };
    };
    // At once after L opens, then again once VS Code has settled.
    const firstMap = await openMap();
    await workbench.runCommand('View: Close Editors in Other Groups');
    await workbench.page.locator('.tabs-container .tab[aria-label^="Map,"]').waitFor({ state: 'detached' });
    await workbench.focusTab('l-map.briefing');
    const settledMap = await openMap();
    const mapShown = { regions: Number(await frame().locator('body').getAttribute('data-regions')), points: Number(await frame().locator('body').getAttribute('data-points')) };
    await workbench.screenshot('bench-map-L');

    // The three pictures side by side, the chart and the map keeping to the timeline's window:
    // from the window set (Briefing: Set Timeline Window…) to each picture painted again.
    await workbench.page.locator('.tabs-container .tab[aria-label^="Map,"]').click();
    await workbench.runCommand('Briefing: Show Timeline');
    /** The page of the picture that shows `selector`, among the pictures side by side. */
    const pictureFrame = (selector: string) =>
      workbench.waitFor(
        `a picture with ${selector}`,
        async () => {
          const count = await workbench.page.locator('iframe.webview.ready').count();
          for (let i = 0; i < count; i++) {
            const page = workbench.page.frameLocator('iframe.webview.ready').nth(i).frameLocator('#active-frame');
            if (
              (await page
                .locator(selector)
                .count()
                .catch(() => 0)) > 0
            )
              return page;
          }
          return undefined;
        },
        60_000,
      );
    const timelinePage = await pictureFrame('body[data-drawn] .picture');
    await workbench.page.locator('.tabs-container .tab[aria-label^="Timeline,"]').click();
    await workbench.runCommand('Briefing: Show Link Chart');
    const chartPage = await pictureFrame('body[data-drawn] .chart');
    const mapPage = await pictureFrame('body[data-drawn] svg.map');
    await mapPage.getByLabel("Timeline's window").check();
    await chartPage.locator('body[data-drawn]').waitFor();
    await workbench.page.locator('.tabs-container .tab[aria-label^="Timeline,"]').click();
    await workbench.runCommand('Briefing: Set Timeline Window…');
    await workbench.page.locator('.quick-input-widget input').fill(WINDOW);
    const moved = Date.now();
    await workbench.page.keyboard.press('Enter');
    const timelineMoved = await painted(moved, 'timeline', timelinePage, 'window');
    const chartMoved = await painted(moved, 'chart', chartPage, 'window painted');
    const mapMoved = await painted(moved, 'map', mapPage, 'painted');
    const windowShown = { chart: Number(await chartPage.locator('body').getAttribute('data-drawn')), map: Number(await mapPage.locator('body').getAttribute('data-regions')) };
    await workbench.screenshot('bench-window-L');
    // The window moved in the timeline's own page (a zoom key, as a drag or play moves it): the
    // page tells the extension, which tells the chart and the map.
    await timelinePage.locator('.picture').focus();
    const zoomed = Date.now();
    await timelinePage.locator('.picture').press('-');
    const timelineZoomed = await painted(zoomed, 'timeline', timelinePage, 'window');
    const chartZoomed = await painted(zoomed, 'chart', chartPage, 'window painted');
    const mapZoomed = await painted(zoomed, 'map', mapPage, 'painted');
    await mapPage.getByLabel("Timeline's window").uncheck();

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
        chart: {
          nodes: entities,
          shown: chartShown,
          ms: chartMs,
          openSteps: chartSteps,
          editSteps: chartEditSteps,
          redrawMs: chartEditSteps.painted - REFRESH_DELAY_MS,
          sampleMs: sampleChartMs,
          sampleSteps,
        },
        map: { ...mapShown, firstMs: firstMap.ms, ms: settledMap.ms, steps: settledMap.steps, page: settledMap.page },
        window: {
          text: WINDOW,
          shown: windowShown,
          timelineMs: timelineMoved.window,
          chartMs: chartMoved['window painted'],
          mapMs: mapMoved.painted,
          refilterMs: Math.max(chartZoomed['window painted'], mapZoomed.painted) - timelineZoomed.window,
          steps: { timeline: timelineMoved, chart: chartMoved, map: mapMoved },
          zoomSteps: { timeline: timelineZoomed, chart: chartZoomed, map: mapZoomed },
        },
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
