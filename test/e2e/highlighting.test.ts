import * as assert from 'node:assert/strict';
import { makeTestWorkspace, Workbench } from './workbench';

const EVENTS_LINE = 89; // "- 2023-11-13: Kim Jong Un is reported set to travel to Russia to meet Vladimir Putin, choosing"
const PLAIN_TEXT = ' is reported set to travel to ';

/** One name of each kind, on a line of its own, with plain text between them. */
const KINDS = {
  person: 'Kim Jong Un',
  state: 'North Korea',
  organization: 'United Nations',
  group: 'Lazarus Group',
  place: 'Singapore',
};
const KINDS_BRIEFING = [
  '---',
  'title: Kinds',
  'classification: UNCLASSIFIED',
  'actors:',
  `  - { name: ${KINDS.person}, type: person }`,
  `  - { name: ${KINDS.state}, type: state }`,
  `  - { name: ${KINDS.organization}, type: organization }`,
  `  - { name: ${KINDS.group}, type: group }`,
  `places: [${KINDS.place}]`,
  '---',
  '',
  `${KINDS.person} and ${KINDS.state} and ${KINDS.organization} and ${KINDS.group} and ${KINDS.place} met.`,
  '',
].join('\n');

for (const theme of ['Default Dark Modern', 'Default Light Modern', 'Default High Contrast', 'Dark 2026', 'Light 2026']) {
  suite(`highlighting in the real UI: ${theme}`, function () {
    this.timeout(180_000);
    let workbench: Workbench;

    suiteSetup(async () => {
      workbench = await Workbench.open({ folder: makeTestWorkspace({ 'kinds.briefing': KINDS_BRIEFING }), settings: { 'workbench.colorTheme': theme } });
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

    test('persons, states, organizations, groups and places each have a colour of their own, unlike plain text', async () => {
      await workbench.quickOpen('kinds.briefing');
      const colours = await workbench.waitFor('a colour for each kind', async () => {
        const found: Record<string, string | undefined> = { plain: await workbench.spanColor(' and ') };
        for (const [kind, name] of Object.entries(KINDS)) found[kind] = await workbench.spanColor(name);
        const values = Object.values(found);
        return values.every(Boolean) && values.filter((colour) => colour !== found.plain).length === values.length - 1 ? found : undefined;
      });
      assert.equal(new Set(Object.values(colours)).size, Object.keys(colours).length, `six colours: ${JSON.stringify(colours)}`);
      await workbench.screenshot(`highlighting-kinds-${theme.toLowerCase().replace(/\s+/g, '-')}`);
    });
  });
}
