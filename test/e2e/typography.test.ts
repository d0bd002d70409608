import * as assert from 'node:assert/strict';
import { makeTestWorkspace, type Workbench, workbenchForSuite } from './workbench';

/**
 * One line of prose as pasted from a word processor: typographic quotes, en dashes and a prime,
 * which are prose; and what stops a name from matching: a Cyrillic о in "Lavrоv" (\u043e) and
 * no-break spaces inside "Kim Jong Un".
 */
const PROSE = 'Kim Jong Un’s ‘visit’ – at 43°07′N – was Lavr\u043ev’s idea; Kim\u00a0Jong\u00a0Un agreed.';

suite('typography in the real UI: what VS Code boxes in a briefing', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  const files = { 'typography.briefing': `---\nactors:\n  - name: Kim Jong Un\n  - name: Sergei Lavrov\n    aliases: [Lavrov]\n---\n${PROSE}\n` };
  workbenchForSuite(
    () => ({ folder: makeTestWorkspace(files) }),
    (opened) => (workbench = opened),
  );

  test('typographic quotes, dashes and primes are not boxed; a look-alike letter and a no-break space in a name are', async () => {
    await workbench.quickOpen('typography.briefing');
    await workbench.editorLine('was Lavr').waitFor();
    // The name typed with plain spaces is coloured; the semantic colour shows the extension has read the file.
    await workbench.waitFor('the actor colour', async () => ((await workbench.spanColor('Kim Jong Un')) !== (await workbench.spanColor(' agreed.')) ? true : undefined));
    // The boxes are overlays without text: they are counted. VS Code's defaults box ten characters
    // of this line (every ’ and ‘, both –, the ′, the о and the two no-break spaces); ours three.
    const boxed = workbench.page.locator('.editor-group-container.active .view-overlays .unicode-highlight');
    await workbench.waitFor('the boxes of VS Code’s Unicode highlighting', async () => ((await boxed.count()) > 0 ? true : undefined));
    assert.equal(await boxed.count(), 3, 'the Cyrillic о and the two no-break spaces, nothing else');
    // And why they matter: "Lavrоv" is no mention of Sergei Lavrov, so his name is faded as unmentioned.
    await workbench.page.locator('.editor-group-container.active .view-lines span.squiggly-inline-unnecessary', { hasText: 'Sergei Lavrov' }).waitFor();
    await workbench.screenshot('typography-boxes');
  });
});
