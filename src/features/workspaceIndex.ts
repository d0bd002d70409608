import * as vscode from 'vscode';
import { parseBriefing, type Briefing, type BriefingStore, type BriefingSummary, type Intern, type internTable, type summarize } from '../core';
import type { IndexFile, IndexHost, readBriefing, readBriefings } from './onDemand/readBriefings';
import type { RegistryWatcher } from './registryWatcher';
import { BRIEFING_LANGUAGE, WORKSPACE_EXCLUDE_GLOB } from './selector';

export const BRIEFING_GLOB = '**/*.briefing';

/** The on-demand code the index reads and summarizes files with (onDemand/index.ts exports it). */
interface IndexCode {
  readonly readBriefings: typeof readBriefings;
  readonly readBriefing: typeof readBriefing;
  readonly summarize: typeof summarize;
  readonly internTable: typeof internTable;
}

export interface IndexedBriefing {
  readonly uri: vscode.Uri;
  /** The model of an open briefing (its editor's text), the summary of one that is not. */
  readonly summary: BriefingSummary;
}

/**
 * Every briefing of the workspace, for workspace-wide features (workspace symbols, references
 * and rename across files, tags, the merged chronology and the pictures' workspace scope). Lazy:
 * nothing is read until a feature asks. A file that is not open is kept as its summary (its
 * entities, events, sections; not its text nor its model), read in slices that
 * leave the extension host free between files, with the progress in a notification, which can
 * cancel it, when there are many. Files changed on disk are read again at once, once indexed; an
 * open briefing's summary is its editor's model's (unsaved edits included), from the shared store.
 */
export class WorkspaceIndex implements vscode.Disposable {
  readonly #files = new Map<string, IndexFile>();
  #scan: Promise<void> | undefined;
  /** The reading under way, which every feature that asks meanwhile waits for. */
  #reading: { readonly done: Promise<void>; readonly cancel: vscode.CancellationTokenSource } | undefined;
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #skipped = vscode.languages.createDiagnosticCollection('briefing-index');
  readonly #disposables: vscode.Disposable[] = [this.#changed, this.#skipped];
  /** Fires when a briefing of the workspace was created, changed, deleted, or edited in an editor. */
  readonly onDidChange = this.#changed.event;
  readonly #store: BriefingStore;
  readonly #registries: RegistryWatcher;
  readonly #maxFileSize: () => number;
  /** Names, tags and dates repeat across a team's files: each is kept once. */
  #intern: Intern | undefined;
  /** Files are read and summarized by the on-demand code: a session that never asks for the workspace never loads it. */
  readonly #onDemand: { load(): Promise<IndexCode | undefined> };
  #code: IndexCode | undefined;
  readonly #openSummaries = new WeakMap<Briefing, BriefingSummary>();
  /** How many files the index has read (a test and the bench follow the reading with it). */
  filesRead = 0;

  constructor(store: BriefingStore, registries: RegistryWatcher, maxFileSize: () => number, onDemand: { load(): Promise<IndexCode | undefined> }) {
    this.#store = store;
    this.#onDemand = onDemand;
    this.#registries = registries;
    this.#maxFileSize = maxFileSize;
    const watcher = vscode.workspace.createFileSystemWatcher(BRIEFING_GLOB);
    this.#disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.#changedOnDisk(uri, true)),
      watcher.onDidChange((uri) => this.#changedOnDisk(uri, false)),
      watcher.onDidDelete((uri) => {
        this.#skipped.delete(uri);
        if (this.#files.delete(uri.toString())) this.#changed.fire();
      }),
      registries.onDidChange(() => {
        for (const entry of this.#files.values()) entry.stale = true;
        this.#intern = undefined;
        this.#changed.fire();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.languageId === BRIEFING_LANGUAGE && this.#scan) this.#changed.fire();
      }),
      // An open briefing is served from its editor: a Warning that the index left it out would be wrong there.
      vscode.workspace.onDidOpenTextDocument((document) => this.#skipped.delete(document.uri)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const entry = this.#files.get(document.uri.toString());
        if (!entry) return;
        // The file on disk may differ from the closed editor: read (or skipped, and told) again when asked.
        entry.stale = true;
        entry.skipped = undefined;
      }),
    );
  }

  /**
   * Every briefing in the workspace (and every open one), its summary current. When `token` is
   * cancelled the call returns at once with what is read so far, and the reading goes on for the
   * next; cancelling the notification stops the reading itself.
   */
  async summaries(token?: vscode.CancellationToken): Promise<IndexedBriefing[]> {
    this.#scan ??= this.#scanWorkspace();
    await this.#scan;
    this.#code ??= await this.#onDemand.load();
    if (!this.#code) return [];
    const open = this.#openBriefings();
    const openKeys = new Set(open.map((document) => document.uri.toString()));
    const waiting = [...this.#files.values()].filter((entry) => !openKeys.has(entry.uri.toString()) && entry.skipped === undefined && (entry.stale || !entry.summary));
    if (waiting.length > 0) await untilCancelled(this.#read(waiting), token);
    const result: IndexedBriefing[] = open.map((document) => ({ uri: document.uri, summary: this.#summaryOfOpen(document) }));
    for (const entry of this.#files.values()) {
      if (!openKeys.has(entry.uri.toString()) && entry.summary) result.push({ uri: entry.uri, summary: entry.summary });
    }
    return result.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  }

  /** How many files of the workspace wait to be read (changed, or never read; an open one is read from its editor). */
  get waiting(): number {
    const open = new Set(this.#openBriefings().map((document) => document.uri.toString()));
    let count = 0;
    for (const [key, entry] of this.#files) if (!open.has(key) && entry.skipped === undefined && (entry.stale || !entry.summary)) count++;
    return count;
  }

  /** Stops the reading under way, as the notification's Cancel does. */
  cancelReading(): void {
    this.#reading?.cancel.cancel();
  }

  /** A briefing's model from its text, with the workspace's registries (for a command that reads files whole). */
  parse(text: string): Briefing {
    return parseBriefing(text, { registries: this.#registries.registries });
  }

  #openBriefings(): vscode.TextDocument[] {
    return vscode.workspace.textDocuments.filter((document) => document.languageId === BRIEFING_LANGUAGE && !document.isClosed);
  }

  #summarize(briefing: Briefing): BriefingSummary {
    const code = this.#code!;
    return code.summarize(briefing, (this.#intern ??= code.internTable()));
  }

  /** What the on-demand reading asks of the index. */
  #host(): IndexHost {
    return {
      maxFileSize: this.#maxFileSize(),
      summarize: (text) => this.#summarize(this.parse(text)),
      has: (file) => this.#files.get(file.uri.toString()) === file,
      deleted: (file) => {
        if (this.#files.get(file.uri.toString()) === file) this.#files.delete(file.uri.toString());
      },
      skip: (file, message) => {
        file.summary = undefined;
        file.stale = false;
        file.skipped = message;
        if (this.#openBriefings().some((document) => document.uri.toString() === file.uri.toString())) return;
        const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'briefing';
        diagnostic.code = 'not-indexed';
        this.#skipped.set(file.uri, [diagnostic]);
      },
      read: (file) => {
        this.filesRead++;
        if (this.#skipped.has(file.uri)) this.#skipped.delete(file.uri);
      },
    };
  }

  #summaryOfOpen(document: vscode.TextDocument): BriefingSummary {
    const model = this.#store.get(document);
    let summary = this.#openSummaries.get(model);
    if (!summary) this.#openSummaries.set(model, (summary = this.#summarize(model)));
    return summary;
  }

  async #scanWorkspace(): Promise<void> {
    const uris = await vscode.workspace.findFiles(BRIEFING_GLOB, WORKSPACE_EXCLUDE_GLOB);
    for (const uri of uris) this.#files.set(uri.toString(), { uri, summary: undefined, stale: true, skipped: undefined });
  }

  /** Reads `entries`, or waits for the reading under way and then reads what is still waiting. */
  async #read(entries: readonly IndexFile[]): Promise<void> {
    while (this.#reading) {
      const reading = this.#reading;
      await reading.done;
      if (reading.cancel.token.isCancellationRequested) return;
    }
    const waiting = entries.filter((entry) => this.#files.get(entry.uri.toString()) === entry && entry.skipped === undefined && (entry.stale || !entry.summary));
    if (waiting.length === 0) return;
    const cancel = new vscode.CancellationTokenSource();
    const done = this.#code!.readBriefings(waiting, this.#host(), cancel);
    this.#reading = { done, cancel };
    try {
      await done;
    } finally {
      this.#reading = undefined;
      cancel.dispose();
    }
  }

  /** A briefing created or changed on disk: read again at once, once the workspace is indexed. */
  #changedOnDisk(uri: vscode.Uri, created: boolean): void {
    if (!this.#scan) return; // not indexed yet: the first scan will find it
    const key = uri.toString();
    let entry = this.#files.get(key);
    if (entry) {
      entry.stale = true;
      entry.skipped = undefined;
    } else if (created) this.#files.set(key, (entry = { uri, summary: undefined, stale: true, skipped: undefined }));
    if (!entry) return;
    const open = this.#openBriefings().some((document) => document.uri.toString() === key);
    if (open || !this.#code) {
      this.#changed.fire();
      return;
    }
    void this.#code.readBriefing(entry, this.#host()).then(() => this.#changed.fire());
  }

  dispose(): void {
    this.#reading?.cancel.cancel();
    for (const disposable of this.#disposables) disposable.dispose();
  }
}

/** Waits for `work`, or until `token` is cancelled. */
function untilCancelled(work: Promise<void>, token: vscode.CancellationToken | undefined): Promise<void> {
  if (!token) return work;
  return new Promise<void>((resolve, reject) => {
    const listener = token.onCancellationRequested(() => {
      listener.dispose();
      resolve();
    });
    work.then(
      () => {
        listener.dispose();
        resolve();
      },
      (error: unknown) => {
        listener.dispose();
        reject(error);
      },
    );
  });
}
