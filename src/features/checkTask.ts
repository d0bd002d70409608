import * as vscode from 'vscode';
import type { CheckRun, checkTerminal } from './checkTerminal';
import { REGISTRY_GLOB } from './registryWatcher';
import { WORKSPACE_EXCLUDE_GLOB } from './selector';
import { BRIEFING_GLOB } from './workspaceIndex';

export const CHECK_TASK_TYPE = 'briefing';

/** True in the bundle for VS Code for the Web (esbuild.js defines it): code that needs a process is left out of it. */
declare const WEB_EXTENSION_HOST: boolean;

/** A `briefing` task of tasks.json (package.json `taskDefinitions`). */
interface CheckTaskDefinition extends vscode.TaskDefinition {
  readonly command: 'check';
  /** The briefings to check, files or patterns relative to the folder (default: every briefing). */
  readonly files?: string[];
  /** The registries, files or patterns (default: the folder's entities.yaml and *.entities.yaml). */
  readonly entities?: string[];
}

/**
 * "briefing: check" in Tasks: Run Task, in each workspace folder that holds a briefing: the
 * bundled command-line program checks every briefing, open or not, and what it finds goes to the
 * Problems panel. No tasks.json and no Node of one's own: it runs on the extension host's Node
 * (Electron's, run as Node on the desktop). Its terminal (checkTerminal/, a bundle read at the
 * first run) reads the problems from the program's output itself, rather than leaving them to
 * the `$briefing` problem matcher, which can lose lines (docs/cli.md). VS Code for the Web has no
 * process to run, and a folder on a virtual file system no file a process could read: neither
 * gets the task.
 */
export function registerCheckTask(): vscode.Disposable {
  if (WEB_EXTENSION_HOST) return new vscode.Disposable(() => undefined);
  const problems = vscode.languages.createDiagnosticCollection('briefing-check-task');
  // Node's require, relative to dist/extension.js (esbuild leaves this path alone: see esbuild.js).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, read at run time
  const terminalOf = (run: CheckRun) => (require('./checkTerminal.js') as { checkTerminal: typeof checkTerminal }).checkTerminal(run, problems);
  // The registries as the editor finds them, given by name: a pattern matching none would stop the check.
  const registriesOf = async (folder: vscode.WorkspaceFolder) =>
    (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, REGISTRY_GLOB), WORKSPACE_EXCLUDE_GLOB)).map((uri) => vscode.workspace.asRelativePath(uri, false)).sort();
  const taskOf = async (definition: CheckTaskDefinition, folder: vscode.WorkspaceFolder) => {
    const entities = definition.entities ?? (await registriesOf(folder));
    const run: CheckRun = { args: ['check', ...(definition.files ?? [BRIEFING_GLOB]), ...entities.flatMap((file) => ['--entities', file])], folder: folder.uri.fsPath };
    // No problem matcher: the terminal reports the problems itself.
    return new vscode.Task(definition, folder, 'check', CHECK_TASK_TYPE, new vscode.CustomExecution(async () => terminalOf(run)), []);
  };
  const onDisk = (folder: vscode.WorkspaceFolder) => folder.uri.scheme === 'file';
  const provider = vscode.tasks.registerTaskProvider(CHECK_TASK_TYPE, {
    async provideTasks(token) {
      const tasks: vscode.Task[] = [];
      for (const folder of (vscode.workspace.workspaceFolders ?? []).filter(onDisk)) {
        const briefings = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, BRIEFING_GLOB), WORKSPACE_EXCLUDE_GLOB, 1, token);
        if (briefings.length > 0) tasks.push(await taskOf({ type: CHECK_TASK_TYPE, command: 'check' }, folder));
      }
      return tasks;
    },
    // A `briefing` task written in tasks.json, with its own files or registries.
    async resolveTask(task) {
      const { scope } = task;
      const definition = task.definition as CheckTaskDefinition;
      if (definition.command !== 'check' || typeof scope !== 'object' || !onDisk(scope)) return undefined;
      return taskOf(definition, scope);
    },
  });
  return vscode.Disposable.from(provider, problems);
}
