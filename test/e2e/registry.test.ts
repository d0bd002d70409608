import { makeTestWorkspace, type Workbench, workbenchForSuite } from './workbench';

suite('a registry file in the real UI', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  const files = { 'defence.entities.yaml': 'actors:\n  - name: Sergei Shoigu\n    aliases: Shoigu, Defence Minister\n' };
  workbenchForSuite(
    () => ({ folder: makeTestWorkspace(files) }),
    (opened) => (workbench = opened),
  );

  test('Ctrl+. on aliases written as one text makes them a list', async () => {
    const { page } = workbench;
    // The extension starts with a briefing; a registry alone does not start it.
    await workbench.quickOpen('second.briefing');
    await workbench.quickOpen('defence.entities.yaml');
    await workbench.editorLine('Sergei Shoigu').waitFor();
    await workbench.squiggles('warning').waitFor();
    await workbench.goToLine(3);
    await page.keyboard.press('End');
    await workbench.applyQuickFix('Make it a list: [Shoigu, Defence Minister]', 'quick-fix-registry-aliases', 'aliases: [Shoigu, Defence Minister]');
    await workbench.squiggles('warning').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Z');
    await workbench.editorLine('aliases: Shoigu, Defence Minister').waitFor();
    await workbench.squiggles('warning').waitFor();
  });
});
