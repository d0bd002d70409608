import * as assert from 'node:assert/strict';
import { makeTestWorkspace, type Workbench, workbenchForSuite } from './workbench';

suite('hover cards and navigation in the real UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  const files = {
    'marked.briefing': '---\nclassification: UNCLASSIFIED\n---\n(U) An open paragraph.\n\n(S) A secret one.\n',
    'unmentioned.briefing': '---\nactors:\n  - name: Kim Jong Un\n  - name: Choe Son Hui\n---\nKim Jong Un arrived [S1].\n\n## Sources\n- [S1] KCNA\n- [S2] Yonhap\n',
    'typing.briefing': '---\nactors:\n  - name: Kim Jong Un\n    aliases: [Kim]\n---\nThe talks\n',
    'tlp.briefing': '---\ntitle: Shared\ntlp: WHITE\n---\nA paragraph.\n',
  };
  workbenchForSuite(
    () => ({ folder: makeTestWorkspace(files) }),
    (opened) => (workbench = opened),
  );

  test('hovering "Vladimir Putin" shows his role, affiliation and events', async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.goToLine(90);
    await workbench.waitFor('the actor colour', async () => workbench.spanColor('Vladimir Putin'));
    const widget = await workbench.hover('Vladimir Putin', 'President · Russia');
    const text = (await widget.textContent()) ?? '';
    assert.match(text, /Vladimir Putin · Actor · person/);
    assert.match(text, /Events \(3\)/);
    assert.match(text, /2023-11-13/);
    assert.match(text, /Defined in this briefing, line 14/);
    await workbench.screenshot('hover-putin');
    await workbench.page.keyboard.press('Escape');
  });

  test('hovering a citation [S1] shows the source it cites; F12 goes to its entry', async () => {
    const { page } = workbench;
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.goToLine(64);
    const widget = await workbench.hover('[S1]', 'News report dated 2023-11-13');
    assert.match(
      (await widget.textContent()) ?? '',
      /\[S1\] · Source.*Graded F3: reliability cannot be judged, possibly true.*Cited \d+ times in this briefing.*Listed on line 111/s,
    );
    await workbench.screenshot('hover-source');
    await page.keyboard.press('Escape');
    await (await workbench.token('[S1]')).click();
    await page.keyboard.press('F12');
    await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 111,' }).waitFor();
  });

  test('hovering "very likely" shows the ICD 203 scale with its row', async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.goToLine(74);
    const widget = await workbench.hover('very likely', 'likelihood 80–95 %');
    const rows = (await widget.locator('tr').allTextContents()).map((row) => row.replace(/\s+/g, ' ').trim());
    assert.equal(rows.length, 8, rows.join('\n'));
    assert.ok(rows.includes('80–95 % very likely highly probable'), rows.join('\n'));
    assert.equal(await widget.locator('strong', { hasText: 'highly probable' }).count(), 1, 'its row in bold');
    await workbench.screenshot('hover-likelihood');
    await workbench.page.keyboard.press('Escape');
  });

  test('typing prose: Enter ends the line while names are suggested; Tab takes the suggestion', async () => {
    const { page } = workbench;
    await workbench.quickOpen('typing.briefing');
    await workbench.goToLine(6);
    await page.keyboard.press('End');
    await page.keyboard.type(' with Kim', { delay: 50 });
    const suggestions = page.locator('.editor-widget.suggest-widget.visible');
    await suggestions.locator('.monaco-list-row', { hasText: 'Kim Jong Un' }).first().waitFor();
    await workbench.screenshot('typing-suggestions');
    await page.keyboard.press('Enter');
    await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 7, Col 1' }).waitFor();
    await page.keyboard.type('Kim J', { delay: 50 });
    await suggestions.locator('.monaco-list-row', { hasText: 'Kim Jong Un' }).first().waitFor();
    await page.keyboard.press('Tab');
    await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 7, Col 12' }).waitFor();
    assert.deepEqual(await workbench.editorTextLines(), ['---', 'actors:', '  - name: Kim Jong Un', '    aliases: [Kim]', '---', 'The talks with Kim', 'Kim Jong Un', '']);
    await workbench.runCommand('File: Revert File');
  });

  test('an actor the text never mentions and a source it never cites are faded, say why on hover, and regain their colour once used', async () => {
    const { page } = workbench;
    await workbench.quickOpen('unmentioned.briefing');
    const faded = page.locator('.editor-group-container.active .view-lines span.squiggly-inline-unnecessary');
    await faded.first().waitFor();
    const fadedText = async () => (await faded.allTextContents()).join('').replace(/\u00a0/g, ' ');
    assert.equal(
      await workbench.waitFor('both faded', async () => ((await fadedText()).includes('[S2]') ? fadedText() : undefined)),
      'Choe Son Hui[S2]',
      'only the unused name and label are faded',
    );
    const opacity = await faded.first().evaluate((span) => Number((globalThis as unknown as { getComputedStyle(e: unknown): { opacity: string } }).getComputedStyle(span).opacity));
    assert.ok(opacity < 1, `faded (opacity ${opacity})`);
    const widget = await workbench.hover('Choe Son Hui', 'is not mentioned in the text');
    assert.match((await widget.textContent()) ?? '', /Actor 'Choe Son Hui' is not mentioned in the text, by name or alias/);
    await workbench.screenshot('unmentioned-actor');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Choe Son Hui came too [S2].');
    await faded.first().waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await faded.first().waitFor();
  });

  test('F12 on a mention moves the cursor to its front-matter entry', async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.goToLine(90);
    const token = await workbench.token('Vladimir Putin');
    await token.click();
    await workbench.page.keyboard.press('F12');
    await workbench.page.locator('[id="status.editor.selection"]', { hasText: 'Ln 14,' }).waitFor();
    await workbench.screenshot('definition-putin');
  });

  test('Ctrl+. on a date written day first offers the fix that makes it an event', async () => {
    const { page } = workbench;
    await workbench.quickOpen('problems.briefing');
    await workbench.editorLine('a date written day first').waitFor();
    await workbench.goToLine(11);
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 11, Col 4' }).waitFor();
    await workbench.squiggles('warning').waitFor();
    await workbench.applyQuickFix('Write the date as 2023-11-13', 'quick-fix-date', '- 2023-11-13: a date written day first');
    await page.keyboard.press('Control+Z');
    await workbench.editorLine('- 13.11.2023: a date written day first').waitFor();
  });

  test('a portion marked above the classification: a red squiggle, and Ctrl+. raises the classification', async () => {
    const { page } = workbench;
    await workbench.quickOpen('marked.briefing');
    await workbench.editorLine('A secret one.').waitFor();
    await workbench.squiggles('error').waitFor();
    await workbench.goToLine(6);
    await page.keyboard.press('Home');
    await workbench.applyQuickFix('Raise the classification to SECRET', 'quick-fix-classification', 'classification: SECRET');
    await workbench.squiggles('error').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Z');
    await workbench.editorLine('classification: UNCLASSIFIED').waitFor();
  });

  test('the language status shows the classification, red while a portion is marked above it', async () => {
    const { page } = workbench;
    await workbench.quickOpen('marked.briefing');
    await workbench.editorLine('A secret one.').waitFor();
    await workbench.squiggles('error').waitFor();
    const status = page.locator('[id="status.languageStatus"]');
    await status.hover();
    const card = page.locator('.monaco-hover', { hasText: 'a portion is marked above it' }).first();
    await card.waitFor({ state: 'visible' });
    assert.match((await card.textContent()) ?? '', /UNCLASSIFIED/);
    await workbench.screenshot('classification-status');
    await card
      .getByRole('link', { name: 'Show' })
      .or(card.locator('a', { hasText: 'Show' }))
      .first()
      .click();
    await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 6,' }).waitFor();
  });

  test("the language status shows the TLP beside the classification; TLP 1.0's WHITE gets the fix that writes CLEAR", async () => {
    const { page } = workbench;
    await workbench.quickOpen('tlp.briefing');
    await workbench.editorLine('tlp: WHITE').waitFor();
    await workbench.squiggles('warning').waitFor();
    await page.locator('[id="status.languageStatus"]').hover();
    const card = page.locator('.monaco-hover', { hasText: 'TLP:CLEAR' }).first();
    await card.waitFor({ state: 'visible' });
    assert.match((await card.textContent()) ?? '', /No classification/);
    await workbench.screenshot('tlp-status');
    await page.mouse.move(560, 700);
    await workbench.goToLine(3);
    await page.keyboard.press('End');
    await workbench.applyQuickFix('Write CLEAR', 'quick-fix-tlp', 'tlp: CLEAR');
    await workbench.squiggles('warning').waitFor({ state: 'detached' });
  });

  test('a hostile card renders inert: no link but our reveal command, no image, no HTML', async () => {
    await workbench.quickOpen('hostile.briefing');
    await workbench.goToLine(12);
    const widget = await workbench.hover('Mallory', 'Actor');
    const links = await widget.locator('a').evaluateAll((anchors) =>
      anchors.map((anchor) => {
        const element = anchor as unknown as { getAttribute(name: string): string | null };
        return element.getAttribute('data-href') ?? element.getAttribute('href') ?? '';
      }),
    );
    assert.ok(links.length > 0);
    for (const link of links) assert.ok(link.startsWith('command:briefing.revealLine'), `unexpected link ${link}`);
    assert.equal(await widget.locator('img, script, b').count(), 0);
    const text = (await widget.textContent()) ?? '';
    assert.match(text, /\[run\]\(command:workbench\.action\.terminal\.new\)/, 'the role is shown as text');
    assert.match(text, /<img src=x onerror=alert\(1\)>/);
    await workbench.screenshot('hover-hostile');
  });
});
