import { makeTestWorkspace, type Workbench, workbenchForSuite } from './workbench';

suite('"briefing: check" in Tasks: Run Task, with the $briefing problem matcher', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  // No tasks.json: the extension offers the task in a folder that holds briefings.
  workbenchForSuite(
    () => ({ folder: makeTestWorkspace() }),
    (opened) => (workbench = opened),
  );

  test('Run Task offers "briefing: check", which lists what check finds in the Problems panel, by file, with its severity', async () => {
    const { page } = workbench;
    // As an analyst would: with a briefing open (and the workbench focused), run the task.
    await workbench.quickOpen('second.briefing');
    // The Problems tab showing as the task starts: a problem matcher, reading the task's terminal
    // before it was laid out, lost lines then (docs/cli.md); the task's own reading does not.
    await workbench.runCommand('Problems: Focus on Problems View');
    await page.locator('.markers-panel').waitFor();
    await workbench.openBriefingTasks();
    await workbench.screenshot('check-task-picker');
    await workbench.quickPickOption('briefing: check').click();
    const problems = page.locator('.markers-panel');
    const problem = (text: string) => problems.locator('.monaco-list-row', { hasText: text }).first();
    // The task's terminal comes to the front and has the focus (and keeps Ctrl+Shift+M): once it
    // shows, the Problems tab is clicked.
    await page.getByRole('tab', { name: /^Terminal/, selected: true }).waitFor();
    await page.getByRole('tab', { name: /^Problems/ }).click();
    await problems.waitFor();
    // Every file's problems, from one run: the task's terminal reads them from the program's
    // output, not from what the terminal shows (which a problem matcher reads, and can lose).
    await problem('Impossible date 2023-02-30: no such day or month').waitFor({ timeout: 60_000 });
    await problem("Unknown key 'Role' in actor entry").waitFor({ timeout: 60_000 });
    // A briefing that is not open: only the task reports it.
    await problem('hostile.briefing').waitFor({ timeout: 60_000 });
    // Severity kept: "information" is an Info, not an Error.
    await problem("Unknown key 'Role' in actor entry").locator('.codicon-info, .codicon-marker-info').first().waitFor();
    await problem('Impossible date 2023-02-30').locator('.codicon-error').first().waitFor();
    await problem('Impossible date 2023-02-30').locator('.marker-source', { hasText: 'briefing check' }).first().waitFor();
    await workbench.screenshot('check-task-problems');
    // A click on a problem opens its file at its line.
    await problem('Impossible date 2023-02-30').click();
    await page.locator('.tabs-container .tab.active', { hasText: 'problems.briefing' }).waitFor();
    await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 9,' }).waitFor();
  });
});
