import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeTestWorkspace, Workbench, workbenchForSuite } from './workbench';

/** The status bar's counts of errors and warnings in the open files ("Errors: 1, Warnings: 0, Infos: 2"). */
async function problemCounts(workbench: Workbench): Promise<{ errors: number; warnings: number; label: string }> {
  const label = (await workbench.page.locator('[id="status.problems"]').first().getAttribute('aria-label')) ?? '';
  const count = (kind: string) => Number(new RegExp(`${kind}: (\\d+)`).exec(label)?.[1] ?? 0);
  return { errors: count('Errors'), warnings: count('Warnings'), label };
}

/**
 * Waits until the open briefings have no Error or Warning. Diagnostics follow typing after a
 * pause: so an error is typed first and waited for (they are live), then undone.
 */
async function assertNoProblem(workbench: Workbench, what: string): Promise<void> {
  const { page } = workbench;
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n- 2023-02-30: probe');
  await workbench.waitFor('the probe error', async () => ((await problemCounts(workbench)).errors > 0 ? true : undefined));
  await page.keyboard.press('Control+Shift+K'); // Delete Line
  await workbench
    .waitFor(`no problem in ${what}`, async () => {
      const { errors, warnings } = await problemCounts(workbench);
      return errors === 0 && warnings === 0 ? true : undefined;
    })
    .catch(async (error: Error) => {
      throw new Error(`${error.message}: the status bar says "${(await problemCounts(workbench)).label}"`);
    });
}

/** "Briefing: New Briefing", waited for in a new tab (the editor before it may hold a template too). */
async function newBriefing(workbench: Workbench): Promise<void> {
  const activeTab = () => workbench.page.locator('.tabs-container .tab.active').first().textContent();
  const before = await activeTab().catch(() => '');
  await workbench.runCommand('Briefing: New Briefing');
  await workbench.waitFor("the new briefing's tab", async () => ((await activeTab()) !== before ? true : undefined));
  await workbench.editorLine('Bottom Line').waitFor();
}

/** A new untitled briefing, emptied: its template left and deleted, the editor focused. */
async function emptyBriefing(workbench: Workbench): Promise<void> {
  const { page } = workbench;
  await newBriefing(workbench);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await workbench.waitFor('the briefing emptied', async () => ((await workbench.editorTextLines()).join('') === '' ? true : undefined));
  // The keys go to this editor, whatever a notification or an earlier widget took.
  await workbench.editorLines().click();
}

/** An entry whose field is 3 spaces in: off its entry's 4. */
const MISINDENTED = '---\ntitle: Singapore summit\nclassification: UNCLASSIFIED\nactors:\n  - name: Kim Jong Un\n   type: person\n---\n\nKim Jong Un spoke.\n';

suite('writing a briefing by keyboard in the real UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  let folder: string;
  workbenchForSuite(
    () => {
      folder = makeTestWorkspace();
      // For the test of a mis-indented field: in the workspace from the start, so that Quick Open lists it.
      fs.writeFileSync(path.join(folder, 'misindented.briefing'), MISINDENTED);
      return { folder, settings: { 'workbench.colorTheme': 'Default Dark Modern' } };
    },
    (opened) => (workbench = opened),
  );

  teardown(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-writing-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  test('an actor entry typed by hand, with Enter and Backspace only, gives no problem', async () => {
    const { page } = workbench;
    // A briefing opened first: the palette lists the extension's commands once its host is up.
    await workbench.quickOpen('second.briefing');
    await emptyBriefing(workbench);
    const type = (text: string) => page.keyboard.type(text, { delay: 20 });
    await type('---\ntitle: Singapore summit\nclassification: UNCLASSIFIED\nactors:');
    // Enter after actors: starts an item; after a field, the cursor stays under the entry's fields.
    await type('\nname: Kim Jong Un\ntype: person\nrole: Chairman\naliases: [Chairman Kim]');
    // Backspace takes the indentation back one level (2 spaces): the next entry.
    await type('\n');
    await page.keyboard.press('Backspace');
    await type('- name: Donald Trump\ntype: person\n');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await type('---\n\nChairman Kim Jong Un met Donald Trump in Singapore.');
    const lines = await workbench.editorTextLines();
    assert.deepEqual(lines.slice(0, 12), [
      '---',
      'title: Singapore summit',
      'classification: UNCLASSIFIED',
      'actors:',
      '  - name: Kim Jong Un',
      '    type: person',
      '    role: Chairman',
      '    aliases: [Chairman Kim]',
      '  - name: Donald Trump',
      '    type: person',
      '---',
      '',
    ]);
    await assertNoProblem(workbench, 'the entries typed by hand');
    // "Chairman Kim Jong Un": one mention, coloured whole.
    await workbench.waitFor('the whole name coloured', async () => ((await workbench.spanColor('Chairman Kim Jong Un')) ? true : undefined));
    await workbench.screenshot('writing-actor-by-hand');
  });

  test("the editor's context menu offers Add Actor… and Add Place…", async () => {
    const { page } = workbench;
    await workbench.quickOpen('second.briefing');
    await (await workbench.token('title')).click({ button: 'right' });
    await page.locator('.context-view .action-label', { hasText: 'Add Actor…' }).waitFor();
    await page.locator('.context-view .action-label', { hasText: 'Add Place…' }).waitFor();
    await workbench.screenshot('writing-context-menu');
    await page.keyboard.press('Escape');
  });

  test('the New Briefing template filled with Tab through every placeholder gives a briefing with no problem', async () => {
    const { page } = workbench;
    await newBriefing(workbench);
    const suggest = page.locator('.editor-widget.suggest-widget.visible');
    // What each placeholder gets: text typed over it, or a choice (its first, taken with Tab).
    const steps: (string | { choice: true } | { keep: true })[] = [
      'Singapore summit',
      { keep: true }, // the date, today
      { choice: true }, // classification
      'Kim Jong Un',
      { choice: true }, // type
      'Chairman',
      'North Korea',
      'Singapore',
      'Singapore',
      'Kim Jong Un and Donald Trump met for the first time.',
      'Kim Jong Un is unlikely to give up his nuclear weapons',
      { choice: true }, // confidence
      'Talks had been cancelled once.',
      'Kim Jong Un meets Donald Trump in Singapore',
      'summit',
      'A second summit.',
      'News reports',
    ];
    for (const step of steps) {
      if (typeof step === 'object' && 'choice' in step) {
        // A choice shows its list: Tab takes the first and moves to the next placeholder.
        await suggest.waitFor();
        await page.keyboard.press('Tab');
        await suggest.waitFor({ state: 'hidden' });
        continue;
      }
      if (typeof step === 'string') await page.keyboard.type(step, { delay: 10 });
      // Tab moves to the next placeholder: no suggestion list opened while typing in one.
      assert.equal(await suggest.count(), 0, `no suggestion list open after ${JSON.stringify(step)}`);
      await page.keyboard.press('Tab');
    }
    await workbench.editorLine('#summit').waitFor();
    assert.equal(await workbench.editorLine('#summit for').count(), 0, 'Tab moved on from the tag');
    await assertNoProblem(workbench, 'the template filled in');
    await workbench.screenshot('writing-template-filled');
  });

  test('a field indented off its entry says where it belongs, and its quick fix puts it there', async () => {
    const { page } = workbench;
    // The entry from a file (MISINDENTED). Typed, its lines would depend on the Enter rules, which
    // the tests above cover, and which a loaded machine applied before the front matter's language
    // was known: the field then went to the top level.
    await workbench.quickOpen('misindented.briefing');
    const typeLine = async () => (await workbench.editorTextLines()).find((line) => line.trimStart().startsWith('type: person'));
    assert.equal(await typeLine(), '   type: person');
    await workbench.squiggles('error').waitFor();
    // Its Error in the Problems panel, in plain words, naming where the field belongs.
    await page.keyboard.press('Control+Shift+M');
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: /`?type:`? is indented 3 spaces; `?name:`? of this entry is at 4: indent it to 4/ })
      .first()
      .waitFor();
    await workbench.screenshot('writing-yaml-mistake');
    await page.mouse.move(0, 0);
    await workbench.focusTab('misindented.briefing');
    await workbench.goToLine(6);
    const fix = await workbench.quickFix('Indent the line to 4');
    await workbench.screenshot('writing-yaml-quick-fix');
    await page.keyboard.press('Enter');
    await fix.waitFor({ state: 'hidden' });
    await workbench.waitFor('the field at column 4', async () => ((await typeLine()) === '    type: person' ? true : undefined));
    await assertNoProblem(workbench, 'the fixed entry');
  });
});
