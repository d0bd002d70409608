import * as path from 'node:path';
import { makeTestWorkspace, repoRoot, type Workbench, workbenchForSuite } from './workbench';

suite('`briefing check` as a VS Code task, with the $briefing problem matcher', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  // The task of the README, with the repository's build for `briefing`; the pattern is quoted,
  // so that the program expands it, as it must under PowerShell.
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const task = { label: 'Check briefings', type: 'shell', command: `node '${cli}' check '**/*.briefing'`, problemMatcher: '$briefing' };
  const files = { '.vscode/tasks.json': JSON.stringify({ version: '2.0.0', tasks: [task] }, null, 2) };
  workbenchForSuite(() => ({ folder: makeTestWorkspace(files) }), (opened) => (workbench = opened));

  test('Run Task lists what check finds in the Problems panel, by file, with its severity', async () => {
    const { page } = workbench;
    // As an analyst would: with a briefing open (and the workbench focused), run the task.
    await workbench.quickOpen('second.briefing');
    await workbench.runCommand('Tasks: Run Task');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Check briefings' }).waitFor();
    await page.keyboard.press('Enter');
    // The task's terminal has the focus (and keeps Ctrl+Shift+M): the Problems tab is clicked.
    await page.getByRole('tab', { name: /^Problems/ }).click();
    const problems = page.locator('.markers-panel');
    await problems.waitFor();
    const row = (text: string) => problems.locator('.monaco-list-row', { hasText: text }).first();
    await row('problems.briefing').waitFor({ timeout: 60_000 });
    await row("Impossible date 2023-02-30: no such day or month").waitFor();
    await row("Unknown key 'Role' in actor entry").waitFor();
    // Severity kept: "information" is an Info, not an Error.
    await row("Unknown key 'Role' in actor entry").locator('.codicon-info, .codicon-marker-info').first().waitFor();
    await row('Impossible date 2023-02-30').locator('.codicon-error').first().waitFor();
    await row('Impossible date 2023-02-30').locator('.marker-source', { hasText: 'briefing check' }).first().waitFor();
    await workbench.screenshot('check-task-problems');
    // A click on a problem opens its file at its line.
    await row('Impossible date 2023-02-30').click();
    await page.locator('.tabs-container .tab.active', { hasText: 'problems.briefing' }).waitFor();
    await page.locator('[id="status.editor.selection"]', { hasText: 'Ln 9,' }).waitFor();
  });
});
