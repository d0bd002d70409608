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

/** A problem as the Problems panel lists it: severity, where (from 0), message. */
const shown = (d: vscode.Diagnostic) => `${vscode.DiagnosticSeverity[d.severity]}@${d.range.start.line}:${d.range.start.character} ${d.message}`;

/** What `briefing check` finds in problems.briefing, sorted. */
const PROBLEMS_OF_THE_FILE = [
  "Error@6:4 This actor entry has no 'name'",
  'Error@8:2 Impossible date 2023-02-30: no such day or month',
  'Error@9:2 Date range ends (2023-01) before it starts (2023-12)',
  "Information@4:4 Unknown key 'Role' in actor entry; did you mean 'role'?",
  "Warning@10:2 '13.11.2023' is not a date this extension reads, so this item is not an event: write 2023-11-13",
  "Warning@5:17 'K' is listed twice for Kim",
];

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
    assert.deepEqual(problems.map(shown).sort(), PROBLEMS_OF_THE_FILE);
    // A run of a clean file clears the matcher's problems of the files it no longer reports, as
    // VS Code's matchers do; the task's own tests below then count only their own.
    const clean = new vscode.Task(
      { type: 'shell' },
      folder,
      'briefing check (clean)',
      'briefing',
      new vscode.ShellExecution('node', [cli, 'check', 'second.briefing'], { cwd: folder.uri.fsPath }),
      '$briefing',
    );
    clean.presentationOptions = { reveal: vscode.TaskRevealKind.Never };
    assert.equal(await exitCodeOf(clean), 0);
    await waitFor('the problems of the earlier run cleared', () => (fromTask().length === 0 ? true : undefined), 10_000);
  });
});

suite('the "briefing: check" task, without a tasks.json', () => {
  const folder = () => {
    const found = vscode.workspace.getWorkspaceFolder(samplesFolder());
    assert.ok(found);
    return found;
  };

  test("Run Task offers it in a folder with briefings; it checks every briefing, open or not, with the folder's registries", async function () {
    // A task runs a process: the web extension host has none, and offers no such task.
    if (inWebExtensionHost) {
      assert.deepEqual(await vscode.tasks.fetchTasks({ type: 'briefing' }), []);
      this.skip();
    }
    this.timeout(60_000);
    const tasks = await vscode.tasks.fetchTasks({ type: 'briefing' });
    const check = tasks.find((task) => task.name === 'check' && (task.scope as vscode.WorkspaceFolder).uri.toString() === folder().uri.toString());
    assert.ok(check, `the check task among ${tasks.map((task) => task.name)}`);
    assert.equal(check.source, 'briefing');
    // The task's terminal reads the problems itself: a matcher reading the terminal could lose lines.
    assert.deepEqual(check.problemMatchers, []);
    assert.ok(check.execution instanceof vscode.CustomExecution);
    check.presentationOptions = { reveal: vscode.TaskRevealKind.Never };

    assert.equal(await exitCodeOf(check), 1, 'problems.briefing has errors');
    const fromTask = (name: string) => vscode.languages.getDiagnostics(workspaceFile(name)).filter((d) => d.source === 'briefing check');
    // Every problem of every file, as the program printed them, severities kept.
    assert.deepEqual(fromTask('problems.briefing').map(shown).sort(), PROBLEMS_OF_THE_FILE);
    // hostile.briefing is not open: only the task reports its problems.
    const hostile = fromTask('hostile.briefing');
    assert.equal(hostile.length, 2);
    assert.ok(hostile.every((d) => d.severity === vscode.DiagnosticSeverity.Warning && /Links must be http or https URLs/.test(d.message)));
    // Run again, it replaces its problems rather than adding to them.
    assert.equal(await exitCodeOf(check), 1);
    assert.equal(fromTask('problems.briefing').length, 6);
  });

  test('a briefing task of tasks.json, with its own files, is completed by the extension', async function () {
    if (inWebExtensionHost) this.skip();
    this.timeout(60_000);
    const tasksJson = workspaceFile('.vscode/tasks.json');
    const configured = { label: 'check second', type: 'briefing', command: 'check', files: ['second.briefing'] };
    await vscode.workspace.fs.writeFile(tasksJson, new TextEncoder().encode(JSON.stringify({ version: '2.0.0', tasks: [configured] })));
    try {
      const task = await waitFor(
        'the task of tasks.json',
        async () => (await vscode.tasks.fetchTasks({ type: 'briefing' })).find((found) => found.name === 'check second'),
        20_000,
      );
      task.presentationOptions = { reveal: vscode.TaskRevealKind.Never };
      assert.equal(await exitCodeOf(task), 0, 'second.briefing has no error: the task checked it alone');
      // The folder's earlier run is replaced: problems.briefing, which this task did not check, has none from it.
      assert.deepEqual(
        vscode.languages.getDiagnostics(workspaceFile('problems.briefing')).filter((d) => d.source === 'briefing check'),
        [],
      );
    } finally {
      await vscode.workspace.fs.delete(workspaceFile('.vscode'), { recursive: true });
    }
  });
});

suite("the check task's terminal", () => {
  /** The terminal of the task as the extension makes it, from its bundle (dist/checkTerminal.js). */
  const terminalCode = () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the extension's own bundle, as the extension reads it
    return require(vscode.Uri.joinPath(extension.extensionUri, 'dist', 'checkTerminal.js').fsPath) as typeof import('../../src/features/checkTerminal');
  };

  /** Opens the terminal, as VS Code does when the task starts, and gathers what it shows until it closes. */
  const runOf = (terminal: vscode.Pseudoterminal, closeAtOnce = false) =>
    new Promise<{ output: string; code: number | void }>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`timed out after 30000 ms waiting for the terminal to close; it showed: ${output}`)), 30_000);
      terminal.onDidWrite((text) => (output += text));
      terminal.onDidClose?.((code) => {
        clearTimeout(timer);
        resolve({ output, code });
      });
      terminal.open(undefined);
      if (closeAtOnce) terminal.close();
    });

  test('shows what check prints, line by line, and the line that says what it checked; every problem is in the collection', async function () {
    if (inWebExtensionHost) this.skip();
    const problems = vscode.languages.createDiagnosticCollection('test-check-terminal');
    try {
      const folder = samplesFolder().fsPath;
      const { output, code } = await runOf(terminalCode().checkTerminal({ args: ['check', 'problems.briefing', 'hostile.briefing'], folder }, problems));
      assert.equal(code, 1, 'problems.briefing has errors');
      assert.match(output, /^problems\.briefing:9:3: error: Impossible date 2023-02-30: no such day or month\r$/m, 'line breaks as a terminal needs them');
      assert.match(output, /^2 briefings checked: 3 errors, 4 warnings, 1 information\r\n$/m);
      assert.deepEqual(problems.get(workspaceFile('problems.briefing'))?.map(shown).sort(), PROBLEMS_OF_THE_FILE);
      assert.equal(problems.get(workspaceFile('hostile.briefing'))?.length, 2);
    } finally {
      problems.dispose();
    }
  });

  test('closing the terminal while the check runs stops it', async function () {
    if (inWebExtensionHost) this.skip();
    const problems = vscode.languages.createDiagnosticCollection('test-check-terminal');
    try {
      // A clean file: the check, run to its end, would exit 0.
      const args = ['check', 'second.briefing', '--entities', 'team.entities.yaml'];
      assert.equal((await runOf(terminalCode().checkTerminal({ args, folder: samplesFolder().fsPath }, problems))).code, 0);
      const { code } = await runOf(terminalCode().checkTerminal({ args, folder: samplesFolder().fsPath }, problems), true);
      assert.notEqual(code, 0, 'a check stopped is not a check passed');
    } finally {
      problems.dispose();
    }
  });
});
