import * as assert from 'node:assert/strict';
import { makeLarge } from '../../bench/generate';
import { parseBriefing } from '../../src/core';
import { makeTestWorkspace, type Workbench, workbenchForSuite } from './workbench';

// The bench's L: about 1 MB, 17,000 lines, 6,380 events, 1,250 entities in its front matter.
const large = makeLarge();
const model = parseBriefing(large.text);
const actor = model.entities.find((entity) => entity.kind === 'actor')!;
const place = model.entities.find((entity) => entity.kind === 'place')!;
const mentionsOf = (name: string) => model.mentions.filter((mention) => mention.entity.name === name).length;
// The empty line after the front matter, 1-based.
const firstBodyLine = large.text.split('\n').indexOf('---', 1) + 2;

suite('a 1 MB briefing in the real UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  workbenchForSuite(
    () => ({ folder: makeTestWorkspace({ 'long.briefing': large.text }) }),
    (opened) => (workbench = opened),
  );

  const pane = (title: string) => workbench.page.locator('.pane', { has: workbench.page.locator('.pane-header', { hasText: title }) }).first();
  const eventsHeader = () => pane('Events').locator('.pane-header');

  test('it opens with its mentions coloured, and the Events view counts every event', async () => {
    await workbench.quickOpen('long.briefing');
    await workbench.page.locator('.activitybar .action-item a[aria-label^="Briefings"]').click();
    await eventsHeader().locator(`text=${model.events.length} events`).waitFor();
    await workbench.editorLines().click();
    await workbench.page.keyboard.press('Control+End');
    // The last mention of the document is coloured unlike plain text: range tokens reach the end.
    const last = model.mentions[model.mentions.length - 1];
    const plain = await workbench
      .editorLines()
      .evaluate((lines) => (globalThis as unknown as { getComputedStyle(element: unknown): { color: string } }).getComputedStyle(lines).color);
    await workbench.waitFor(`the colour of "${last.text}"`, async () => {
      const colour = await workbench.spanColor(last.text);
      return colour && colour !== plain ? true : undefined;
    });
    await workbench.screenshot('long-document-end');
  });

  test('an event typed at the end is in the Events view at once, and the filter finds it by its place', async () => {
    await workbench.editorLines().click();
    await workbench.page.keyboard.press('Control+End');
    await workbench.page.keyboard.type(`\n- 2031-02-03: ${actor.name} arrived in ${place.name}. #probe\n`);
    await eventsHeader()
      .locator(`text=${model.events.length + 1} events`)
      .waitFor();
    // Its names coloured too: a briefing this long has the colours of the lines in sight only, asked again after an edit.
    const typedLine = workbench.page.locator('.editor-group-container.active .view-line', { hasText: '2031-02-03' });
    const colourIn = (name: string) =>
      typedLine
        .locator('span span', { hasText: name })
        .first()
        .evaluate((span) => (globalThis as unknown as { getComputedStyle(element: unknown): { color: string } }).getComputedStyle(span).color);
    await workbench.waitFor(`the colours of ${actor.name} and ${place.name} typed`, async () => {
      const [actorColour, placeColour, dateColour] = [await colourIn(actor.name), await colourIn(place.name), await colourIn(' arrived in ')];
      return actorColour !== dateColour && placeColour !== dateColour && actorColour !== placeColour ? true : undefined;
    });
    await workbench.runCommand('Briefing: Filter Events…');
    await workbench.page.locator('.quick-input-widget input[placeholder^="Type text to match"]').fill(place.name);
    // Places and actors are told apart in the filter, with the Actors view's icons. The list
    // filters as the text goes in: Enter takes the focused row once it is the place (a click
    // could land on another row while the list still moves).
    const placeRow = workbench.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: place.name });
    await placeRow.locator('.codicon-location').waitFor();
    assert.equal((await placeRow.locator('.label-description').textContent())?.trim(), 'place');
    await workbench.screenshot('long-document-filter');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await eventsHeader().locator(`text=filter: actor ${place.name}`).waitFor();
    const rows = pane('Events').locator('.monaco-list-row');
    await rows.filter({ hasText: '2031-02-03' }).waitFor();
    await workbench.screenshot('long-document-typed');
  });

  test('the hover of the new mention counts it, and so does its row in the Actors view (sent alone)', async () => {
    await pane('Actors')
      .locator('.monaco-list-row', { hasText: actor.name })
      .filter({ hasText: `${mentionsOf(actor.name) + 1} mentions` })
      .waitFor();
    const card = await workbench.hover(actor.name, `Mentioned ${mentionsOf(actor.name) + 1} times`);
    assert.match((await card.textContent()) ?? '', new RegExp(`${actor.name}.*Actor`));
    await workbench.screenshot('long-document-hover');
  });

  test("after a line is typed above it, the new event's row still goes to the event", async () => {
    await workbench.page.mouse.move(0, 0);
    const row = pane('Events').locator('.monaco-list-row', { hasText: '2031-02-03' });
    const selection = workbench.page.locator('[id="status.editor.selection"]');
    const cursorAtTop = async () => {
      await workbench.editorLines().click();
      await workbench.goToLine(firstBodyLine);
    };
    await cursorAtTop();
    await row.click();
    const line = await workbench.waitFor("the event's line", async () => {
      const at = Number(/Ln (\d+),/.exec((await selection.textContent()) ?? '')?.[1]);
      return at > firstBodyLine ? at : undefined;
    });
    // A line break at the top of the body moves every event, and changes no row.
    await cursorAtTop();
    await workbench.page.keyboard.press('Enter');
    await row.click();
    await selection.filter({ hasText: `Ln ${line + 1},` }).waitFor();
    await workbench.screenshot('long-document-moved');
  });

  test("an event's text retyped shows in its row (VS Code is sent that row alone)", async () => {
    const row = pane('Events').locator('.monaco-list-row', { hasText: '2031-02-03' });
    // The event is the document's last line: select it, and type it anew with the same date.
    await workbench.editorLines().click();
    await workbench.page.keyboard.press('Control+End');
    await workbench.page.keyboard.press('ArrowUp');
    await workbench.page.keyboard.press('End');
    await workbench.page.keyboard.press('Shift+Home');
    await workbench.page.locator('[id="status.editor.selection"]', { hasText: 'selected' }).waitFor();
    await workbench.page.keyboard.type(`- 2031-02-03: ${actor.name} left ${place.name} by train. #probe`);
    await row.filter({ hasText: `${actor.name} left` }).waitFor();
    await workbench.screenshot('long-document-row-edited');
  });
});
