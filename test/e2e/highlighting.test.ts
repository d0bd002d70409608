import * as assert from 'node:assert/strict';
import { Workbench } from './workbench';

const EVENTS_LINE = 86; // "- 2023-11-13: Kim Jong Un is reported set to travel to Russia to meet Vladimir Putin, choosing"
const PLAIN_TEXT = ' is reported set to travel to ';

for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
  suite(`highlighting in the real UI: ${theme}`, function () {
    this.timeout(180_000);
    let workbench: Workbench;

    suiteSetup(async () => {
      workbench = await Workbench.open({ settings: { 'workbench.colorTheme': theme } });
    });
    suiteTeardown(async () => {
      await workbench?.close();
    });

    teardown(async function () {
      if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-highlighting-${theme.replace(/\s+/g, '-')}`);
    });

    test('actors and places have two colours, both unlike plain text; the grammar colours dates', async () => {
      await workbench.quickOpen('vladivostok-summit.briefing');
      await workbench.goToLine(EVENTS_LINE);
      const colours = await workbench.waitFor('semantic colours on the sample', async () => {
        const actor = await workbench.spanColor('Vladimir Putin');
        const place = await workbench.spanColor('Vladivostok');
        const plain = await workbench.spanColor(PLAIN_TEXT);
        const date = await workbench.spanColor('2023-11-13'); // coloured by the TextMate grammar
        const ready = actor && place && plain && date && actor !== plain && place !== plain && date !== plain;
        return ready ? { actor, place, plain, date } : undefined;
      });
      assert.notEqual(colours.actor, colours.place, `actor ${colours.actor} and place ${colours.place} differ`);
      await workbench.screenshot(`highlighting-${theme.toLowerCase().replace(/\s+/g, '-')}`);
    });
  });
}
