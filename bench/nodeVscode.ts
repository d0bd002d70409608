/**
 * The part of the `vscode` module the workspace index uses, over Node's file system: enough to run
 * the real WorkspaceIndex (and its on-demand reading) in a bench process, outside VS Code. File
 * events are fired by the bench itself (`fileEvents`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { briefingFiles } from './briefingFiles';

type Listener<T> = (value: T) => unknown;

class EventEmitter<T> {
  readonly #listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>) => {
    this.#listeners.add(listener);
    return { dispose: () => this.#listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const listener of this.#listeners) listener(value);
  }
  dispose(): void {
    this.#listeners.clear();
  }
}

class CancellationTokenSource {
  readonly #cancelled = new EventEmitter<void>();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.#cancelled.event };
  cancel(): void {
    if (this.token.isCancellationRequested) return;
    this.token.isCancellationRequested = true;
    this.#cancelled.fire();
  }
  dispose(): void {}
}

class Uri {
  readonly scheme = 'file';
  private constructor(readonly fsPath: string) {}
  static file(file: string): Uri {
    return new Uri(path.resolve(file));
  }
  get path(): string {
    return this.fsPath;
  }
  toString(): string {
    return `file://${this.fsPath}`;
  }
}

class FileSystemError extends Error {
  constructor(readonly code: string) {
    super(code);
  }

  static FileNotFound(): FileSystemError {
    return new FileSystemError('FileNotFound');
  }
}

/** The calls of `vscode.workspace.fs` (in VS Code, a trip to the window and back each), which the bench reports. */
export const workspaceFsCalls = { count: 0 };

const noEvent = () => ({ dispose() {} });

/** The bench fires the index's file events through these. */
export const fileEvents = { created: new EventEmitter<Uri>(), changed: new EventEmitter<Uri>(), deleted: new EventEmitter<Uri>() };

/** The notifications' progress reports, as the bench reads them. */
export const progressReports: string[] = [];

export function nodeVscode(root: string): unknown {
  // Read a folder at a time, as VS Code's search (in a process of its own) leaves the extension host free.
  const fsError = (error: unknown) => ((error as NodeJS.ErrnoException).code === 'ENOENT' ? new FileSystemError('FileNotFound') : error);
  return {
    EventEmitter,
    CancellationTokenSource,
    Uri,
    FileSystemError,
    Range: class {
      constructor(...args: number[]) {
        Object.assign(this, { args });
      }
    },
    Diagnostic: class {
      constructor(
        readonly range: unknown,
        readonly message: string,
        readonly severity: number,
      ) {}
    },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    ProgressLocation: { Notification: 15 },
    workspace: {
      textDocuments: [],
      onDidChangeTextDocument: noEvent,
      onDidOpenTextDocument: noEvent,
      onDidCloseTextDocument: noEvent,
      createFileSystemWatcher: () => ({ onDidCreate: fileEvents.created.event, onDidChange: fileEvents.changed.event, onDidDelete: fileEvents.deleted.event, dispose() {} }),
      findFiles: async () => (await briefingFiles(root)).map((file) => Uri.file(file)),
      fs: {
        stat: async (uri: Uri) => {
          workspaceFsCalls.count++;
          return fs.promises.stat(uri.fsPath).catch((error: unknown) => Promise.reject(fsError(error)));
        },
        readFile: async (uri: Uri) => {
          workspaceFsCalls.count++;
          return fs.promises.readFile(uri.fsPath).catch((error: unknown) => Promise.reject(fsError(error)));
        },
      },
    },
    languages: {
      createDiagnosticCollection: () => {
        const held = new Map<string, unknown>();
        return {
          set: (uri: Uri, value: unknown) => held.set(uri.toString(), value),
          delete: (uri: Uri) => held.delete(uri.toString()),
          has: (uri: Uri) => held.has(uri.toString()),
          dispose() {},
        };
      },
    },
    window: {
      withProgress: async (_options: unknown, task: (progress: { report(value: { message?: string }): void }, token: unknown) => Promise<unknown>) => {
        const source = new CancellationTokenSource();
        return task({ report: ({ message }) => message && progressReports.push(message) }, source.token);
      },
    },
  };
}
