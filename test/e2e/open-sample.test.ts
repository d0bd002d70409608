import * as assert from 'node:assert/strict';
import { type Workbench, workbenchForSuite } from './workbench';

suite('the sample in the real VS Code UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  workbenchForSuite(() => ({}), (opened) => (workbench = opened));

  test('Quick Open opens the sample, the status bar says Briefing, the editor renders it', async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.languageStatus().filter({ hasText: 'Briefing' }).waitFor();
    assert.match((await workbench.languageStatus().textContent()) ?? '', /Briefing/);
    const lines = workbench.editorLines();
    await lines.filter({ hasText: 'title: Kim Jong Un to meet Vladimir Putin in Vladivostok' }).waitFor();
    assert.match((await lines.textContent()) ?? '', /classification:\s*UNCLASSIFIED/);
    await workbench.screenshot('open-sample');
  });

  test('"Briefing: Show Model as JSON" shows the model of the sample', async () => {
    await workbench.quickOpen('vladivostok-summit.briefing');
    await workbench.runCommand('Briefing: Show Model as JSON');
    await workbench.languageStatus().filter({ hasText: 'JSON' }).waitFor();
    await workbench.editorLines().filter({ hasText: '"classification": "UNCLASSIFIED"' }).waitFor();
    await workbench.screenshot('show-model');
  });
});
