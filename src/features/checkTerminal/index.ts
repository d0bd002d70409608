// The "briefing: check" task's terminal: a bundle of its own (dist/checkTerminal.js, desktop only),
// read when the task first runs. It is the one place the extension starts a process: its own
// command-line program, on the extension host's own Node.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseCheckLine, type CheckLine } from '../../core';

/** What one run of the task checks, and where. */
export interface CheckRun {
  /** The arguments after the program: `check`, the files, the registries. */
  readonly args: readonly string[];
  /** The workspace folder: the files' paths are relative to it. */
  readonly folder: string;
}

/** A file's problems, as the run found them so far. */
interface FileProblems {
  readonly uri: vscode.Uri;
  readonly diagnostics: vscode.Diagnostic[];
}

/** What each folder's last run found, by file, by the collection it went to: the next run replaces it. */
const lastRuns = new WeakMap<vscode.DiagnosticCollection, Map<string, Map<string, FileProblems>>>();

const SEVERITIES: Record<CheckLine['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** The source the Problems panel shows, as the `$briefing` problem matcher gives its problems. */
const CHECK_SOURCE = 'briefing check';

/**
 * The task's terminal. The program's output comes through a pipe, and each line of a problem
 * goes to the Problems panel as it is read: a problem matcher reads a task's lines back from its
 * terminal, which can lose them while the terminal is not yet laid out (docs/cli.md).
 * The terminal shows the same lines, and the run's problems replace the last run's in the folder.
 */
export function checkTerminal(run: CheckRun, problems: vscode.DiagnosticCollection): vscode.Pseudoterminal {
  const written = new vscode.EventEmitter<string>();
  const closed = new vscode.EventEmitter<number>();
  let stop: (() => void) | undefined;
  const show = (text: string) => written.fire(text.replace(/\r?\n/g, '\r\n'));

  const start = () => {
    let lastRun = lastRuns.get(problems);
    if (!lastRun) lastRuns.set(problems, (lastRun = new Map()));
    // One message to the Problems panel, for a run that had found problems in thousands of files.
    problems.set([...(lastRun.get(run.folder)?.values() ?? [])].map(({ uri }): [vscode.Uri, undefined] => [uri, undefined]));
    const found = new Map<string, FileProblems>();
    lastRun.set(run.folder, found);
    // The command-line program is beside this bundle, in dist/.
    const child = spawn(process.execPath, [path.join(__dirname, 'cli.js'), ...run.args], {
      cwd: run.folder,
      // Electron's binary runs as Node; the line saying what was checked is printed though stderr is a pipe.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', BRIEFING_SUMMARY: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    stop = () => child.kill();
    let partial = '';
    const readLines = (chunk: string, atEnd = false) => {
      const lines = (partial + chunk).split(/\r?\n/);
      partial = atEnd ? '' : (lines.pop() ?? '');
      const touched = new Set<FileProblems>();
      for (const line of lines) {
        const problem = parseCheckLine(line);
        if (!problem) continue;
        const file = path.resolve(run.folder, problem.file);
        let entry = found.get(file);
        if (!entry) found.set(file, (entry = { uri: vscode.Uri.file(file), diagnostics: [] }));
        const position = new vscode.Position(problem.line - 1, problem.column - 1);
        const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position), problem.message, SEVERITIES[problem.severity]);
        diagnostic.source = CHECK_SOURCE;
        entry.diagnostics.push(diagnostic);
        touched.add(entry);
      }
      // One message to the Problems panel for what a piece of output found.
      if (touched.size > 0) problems.set([...touched].map(({ uri, diagnostics }) => [uri, [...diagnostics]]));
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      show(chunk);
      readLines(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', show);
    let ended = false;
    const end = (code: number) => {
      if (ended) return;
      ended = true;
      stop = undefined;
      closed.fire(code);
      written.dispose();
      closed.dispose();
    };
    child.on('error', (error) => {
      show(`briefing: could not run the check (${error.message})\n`);
      end(2);
    });
    child.on('close', (code) => {
      readLines('', true);
      end(code ?? 1);
    });
  };

  return {
    onDidWrite: written.event,
    onDidClose: closed.event,
    // Started once the terminal is there to show what it prints.
    open: start,
    close: () => stop?.(),
  };
}
