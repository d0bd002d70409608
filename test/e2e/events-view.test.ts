import * as assert from 'node:assert/strict';
import { type Workbench, workbenchForSuite } from './workbench';

// A row shows the event's whole text (cut by the view where it is too narrow), then its actors.
const EXPECTED_ROWS = [
  /^~2023-11\s+Kim Jong Un and President Putin to discuss military technology cooperation, in particular/,
  /^~2023-11\s+North Korea seeks advanced technology for satellites and nuclear-powered submarines/,
  /^2023-11-13\s+Kim Jong Un is reported set to travel to Russia to meet Vladimir Putin, choosing/,
  /^2023-11-13\s+South Korea's foreign ministry says any discussions between Russia and North Korea/,
  /^2023-11-14\.\.2023-11-30\s+Expected window for the meeting in Vladivostok between Kim Jong Un and Vladimir Putin, which the report/,
];

suite('the Events view in the real UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  workbenchForSuite(
    () => ({}),
    (opened) => (workbench = opened),
  );

  const eventsPane = () => workbench.page.locator('.pane', { has: workbench.page.locator('.pane-header', { hasText: 'Events' }) }).first();
  const rows = () => eventsPane().locator('.monaco-list-row');

  test('with no briefing open, the welcome offers the sample and a new briefing', async () => {
    await workbench.page.locator('.activitybar .action-item a[aria-label^="Briefings"]').click();
    const welcome = eventsPane().locator('.welcome-view-content');
    await welcome.waitFor({ state: 'visible' });
    assert.match((await welcome.textContent()) ?? '', /No briefing is open/);
    await welcome.getByRole('button', { name: 'Open Sample Briefing' }).waitFor();
    await welcome.getByRole('button', { name: 'New Briefing' }).waitFor();
    await workbench.screenshot('events-welcome');
  });

  test("the rows are the sample's events, in chronological order", async () => {
    await eventsPane().locator('.welcome-view-content').getByRole('button', { name: 'Open Sample Briefing' }).click();
    await workbench.page.locator('.tabs-container .tab.active', { hasText: 'vladivostok-summit.briefing' }).waitFor();
    const texts = await workbench.waitFor('five event rows', async () => {
      const found = await rows().allTextContents();
      return found.length === EXPECTED_ROWS.length ? found : undefined;
    });
    texts.forEach((text, index) => assert.match(text, EXPECTED_ROWS[index]));
    await workbench.screenshot('events-view');
  });

  test("hovering a row shows the event's tooltip, made when hovered", async () => {
    const row = rows().nth(2);
    // The card of this row: the mouse rested on another row after the last test (where the
    // welcome's button was), and that row's card can still come up.
    const card = workbench.page.locator('.monaco-hover, .workbench-hover', { hasText: 'Kim Jong Un is reported set to travel' }).first();
    for (let attempt = 1; ; attempt++) {
      await workbench.page.mouse.move(0, 0);
      await row.hover();
      try {
        await card.waitFor({ state: 'visible', timeout: 7_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    const text = (await card.textContent()) ?? '';
    assert.match(text, /2023-11-13.*Kim Jong Un is reported set to travel to Russia.*Actors: Kim Jong Un/s);
    assert.doesNotMatch(text, /Line \d/, 'no line: a line typed above would make it stale');
    await workbench.screenshot('events-tooltip');
    await workbench.page.mouse.move(0, 0);
  });

  test('clicking a row moves the cursor to its line', async () => {
    await rows().nth(2).click();
    await workbench.page.locator('[id="status.editor.selection"]', { hasText: 'Ln 90,' }).waitFor();
  });

  test('grouping by actor shows the actors', async () => {
    await workbench.runCommand('Briefing: Group Events By…');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'By actor' }).click();
    await workbench.waitFor('the actor groups', async () => ((await rows().allTextContents()).some((text) => text.startsWith('Kim Jong Un')) ? true : undefined));
    await workbench.screenshot('events-by-actor');
    // The groups open with their events, which push the last groups below the pane; the list
    // renders only the rows near its view. Collapsed, every group is a row on screen.
    await eventsPane().locator('.pane-header').hover();
    await eventsPane().locator('.pane-header .action-label[aria-label="Collapse All"]').click();
    const texts = await workbench.waitFor('every group, collapsed', async () => {
      const found = await rows().allTextContents();
      return found.some((text) => text.startsWith('Vladimir Putin')) && !found.some((text) => /^~?2023/.test(text)) ? found : undefined;
    });
    assert.ok(texts.some((text) => text.startsWith('Kim Jong Un')));
  });

  test('Sort Actors By… → By mentions puts the most mentioned first', async () => {
    const actorRows = workbench.page
      .locator('.pane', { has: workbench.page.locator('.pane-header', { hasText: 'Actors' }) })
      .first()
      .locator('.monaco-list-row');
    await actorRows.first().filter({ hasText: 'Kim Jong Un' }).waitFor();
    await workbench.runCommand('Briefing: Sort Actors By…');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'By mentions' }).click();
    await actorRows.first().filter({ hasText: 'Russia' }).filter({ hasText: '13 mentions' }).waitFor();
    // Kim Jong Un and North Korea, nine each: as defined.
    await actorRows.nth(1).filter({ hasText: 'Kim Jong Un' }).filter({ hasText: '9 mentions' }).waitFor();
    await actorRows.nth(2).filter({ hasText: 'North Korea' }).waitFor();
    await workbench.screenshot('actors-by-mentions');
  });

  test('Find All Mentions on an actor lists them in the References view', async () => {
    const actorRows = workbench.page
      .locator('.pane', { has: workbench.page.locator('.pane-header', { hasText: 'Actors' }) })
      .first()
      .locator('.monaco-list-row');
    await actorRows.filter({ hasText: 'Vladimir Putin' }).click({ button: 'right' });
    // VS Code's context menu: the only item, chosen from the keyboard.
    await workbench.page.locator('.context-view .action-label', { hasText: 'Find All Mentions' }).waitFor();
    await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('Enter');
    // Its six mentions (two by the alias "President Putin") and its name in the front matter.
    await workbench.page.getByText('7 results in 1 file').waitFor();
    await workbench.page.locator('.monaco-list-row', { hasText: 'to meet President Putin' }).waitFor();
    await workbench.screenshot('actors-find-mentions');
  });
});
