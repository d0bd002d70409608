import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, inWebExtensionHost, samplesFolder, waitFor, workspaceFile } from './helpers';

/** Runs a task to its end and returns its exit code. */
async function exitCodeOf(task: vscode.Task): Promise<number | undefined> {
  const ended = new Promise<number | undefined>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out after 30000 ms waiting for the task to end')), 30_000);
    const listener = vscode.tasks.onDidEndTaskProcess((event) => {
      if (event.execution.task.name !== task.name) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(event.exitCode);
    });
  });
  await vscode.tasks.executeTask(task);
  return ended;
}

suite('the $briefing problem matcher', () => {
  test('turns what `briefing check`, run as a task, prints into problems on the files, severities kept', async function () {
    // A task runs a process: the web extension host has none.
    if (inWebExtensionHost) this.skip();
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const cli = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'cli.js').fsPath;
    const folder = vscode.workspace.getWorkspaceFolder(samplesFolder());
    assert.ok(folder);
    // The path is relative, as a team's task writes it; the matcher finds the file from the workspace folder.
    const execution = new vscode.ShellExecution('node', [cli, 'check', 'problems.briefing'], { cwd: folder.uri.fsPath });
    const task = new vscode.Task({ type: 'shell' }, folder, 'briefing check (test)', 'briefing', execution, '$briefing');
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Never };

    assert.equal(await exitCodeOf(task), 1, 'check exits 1: the file has errors');

    const file = workspaceFile('problems.briefing');
    const fromTask = () => vscode.languages.getDiagnostics(file).filter((d) => d.source === 'briefing check');
    const problems = await waitFor('the problems of the task', () => (fromTask().length === 6 ? fromTask() : undefined), 10_000);
    assert.deepEqual(
      problems.map((d) => `${vscode.DiagnosticSeverity[d.severity]}@${d.range.start.line}:${d.range.start.character} ${d.message}`).sort(),
      [
        "Error@6:4 This actor entry has no 'name'",
        'Error@8:2 Impossible date 2023-02-30: no such day or month',
        'Error@9:2 Date range ends (2023-01) before it starts (2023-12)',
        "Information@4:4 Unknown key 'Role' in actor entry; did you mean 'role'?",
        "Warning@10:2 '13.11.2023' is not a date this extension reads, so this item is not an event: write 2023-11-13",
        "Warning@5:17 'K' is listed twice for Kim",
      ],
    );
  });
});
