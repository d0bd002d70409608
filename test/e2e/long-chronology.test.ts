import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTestWorkspace, samplesDir, type Workbench, workbenchForSuite } from './workbench';

// Two briefings of 3,000 events each beside the sample: a workspace chronology long enough
// (more than 5,000 events) to open as years of months. Neither is opened: the index keeps them as
// summaries, whose events are columns until a month is shown.
const day = (i: number) => `${2019 + (i % 3)}-${String((Math.floor(i / 3) % 12) + 1).padStart(2, '0')}-${String((Math.floor(i / 36) % 28) + 1).padStart(2, '0')}`;
const longText = (file: number) =>
  `${Array.from({ length: 3000 }, (_, i) => `- ${day(i * 7 + file)}: Dispatch ${file}-${i} from the field${i % 10 === 0 ? ' #tenth' : ''}`).join('\n')}\n`;

suite('a long workspace chronology in the real UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  workbenchForSuite(
    () => ({
      folder: makeTestWorkspace({
        'vladivostok-summit.briefing': fs.readFileSync(path.join(samplesDir, 'vladivostok-summit.briefing'), 'utf8'),
        'dispatches-1.briefing': longText(1),
        'dispatches-2.briefing': longText(2),
      }),
    }),
    (opened) => (workbench = opened),
  );

  const eventsPane = () => workbench.page.locator('.pane', { has: workbench.page.locator('.pane-header', { hasText: 'Events' }) }).first();
  const row = (text: RegExp) => eventsPane().locator('.monaco-list-row', { hasText: text }).first();
  let total = 0;

  test('the workspace scope opens as years, collapsed; a year shows its months and a month its events, in order', async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.page.locator('.activitybar .action-item a[aria-label^="Briefings"]').click();
    await workbench.runCommand('Briefing: Show Events of Every Briefing in the Workspace');
    const header = eventsPane().locator('.pane-header');
    // The two long briefings, the sample and the test workspace's own few.
    total = await workbench.waitFor(
      'the count of every event',
      async () => {
        const count = /(\d+) events in \d+ briefings/.exec((await header.textContent()) ?? '');
        return count && Number(count[1]) > 6005 ? Number(count[1]) : undefined;
      },
      60_000,
    );
    const rows = eventsPane().locator('.monaco-list-row');
    const groups = await workbench.waitFor('the years', async () => {
      const found = await rows.allTextContents();
      return found.length >= 5 ? found : undefined;
    });
    assert.deepEqual(
      groups.map((text) => (/^\d{4}/.test(text) ? text.slice(0, 4) : text.replace(/\s*\d+$/, ''))),
      ['2019', '2020', '2021', '2023', 'Invalid dates'],
      'one row per year, oldest first, then the invalid dates; no event row up front',
    );
    assert.equal(await row(/^2020/).getAttribute('aria-expanded'), 'false');

    await row(/^2020/).click();
    await row(/^2020-11/).waitFor();
    await row(/^2020-11/).click();
    // The rows in sight (the list draws only those): the month's first.
    const shown = await workbench.waitFor('the events of 2020-11', async () => {
      const found = (await rows.allTextContents()).filter((text) => text.startsWith('2020-11-'));
      return found.length >= 2 ? found : undefined;
    });
    const dates = shown.map((text) => text.slice(0, 10));
    assert.deepEqual(dates, [...dates].sort(), 'a month in chronological order');
    assert.match(shown[0], /^2020-11-\d\d\s+dispatches-[12] · Dispatch \d-\d+ from the field/, 'each row names its file before its text');
    await workbench.screenshot('events-long-chronology');
  });

  test('the filter reaches every event of the long chronology', async () => {
    await workbench.runCommand('Briefing: Filter Events…');
    const input = workbench.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('Dispatch 1-150 from');
    await workbench.page.keyboard.press('Enter');
    const header = eventsPane().locator('.pane-header');
    await workbench.waitFor('the filtered count', async () => (((await header.textContent()) ?? '').includes(`1 of ${total} events`) ? true : undefined), 30_000);
    await workbench.screenshot('events-long-chronology-filtered');
  });
});
