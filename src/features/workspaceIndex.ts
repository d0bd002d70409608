import * as vscode from 'vscode';
import { parseBriefing, type Briefing, type BriefingStore } from '../core';
import type { RegistryWatcher } from './registryWatcher';
import { BRIEFING_LANGUAGE, WORKSPACE_EXCLUDE_GLOB } from './selector';

export const BRIEFING_GLOB = '**/*.briefing';
const READ_CONCURRENCY = 8;
const decoder = new TextDecoder('utf-8', { fatal: false });

interface FileEntry {
  readonly uri: vscode.Uri;
  text: string | undefined;
  model: Briefing | undefined;
  /** Set when the file changed on disk or the registries changed: parse again when asked. */
  stale: boolean;
}

export interface IndexedBriefing {
  readonly uri: vscode.Uri;
  readonly model: Briefing;
}

/**
 * Every briefing of the workspace, for workspace-wide features (workspace symbols, tags,
 * rename across files, the merged chronology). Lazy: nothing is read until a feature asks.
 * Then files are read with bounded concurrency, kept current on file events, and parsed
 * again only when they or the registries changed. An open briefing's model is its editor's
 * (unsaved edits included), from the shared store.
 */
export class WorkspaceIndex implements vscode.Disposable {
  readonly #files = new Map<string, FileEntry>();
  #scan: Promise<void> | undefined;
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #disposables: vscode.Disposable[] = [this.#changed];
  /** Fires when a briefing of the workspace was created, changed, deleted, or edited in an editor. */
  readonly onDidChange = this.#changed.event;
  readonly #store: BriefingStore;
  readonly #registries: RegistryWatcher;
  readonly #maxFileSize: () => number;

  constructor(store: BriefingStore, registries: RegistryWatcher, maxFileSize: () => number) {
    this.#store = store;
    this.#registries = registries;
    this.#maxFileSize = maxFileSize;
    const watcher = vscode.workspace.createFileSystemWatcher(BRIEFING_GLOB);
    this.#disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.#markStale(uri, true)),
      watcher.onDidChange((uri) => this.#markStale(uri, false)),
      watcher.onDidDelete((uri) => {
        if (this.#files.delete(uri.toString())) this.#changed.fire();
      }),
      registries.onDidChange(() => {
        for (const entry of this.#files.values()) entry.stale = true;
        this.#changed.fire();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.languageId === BRIEFING_LANGUAGE && this.#scan) this.#changed.fire();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const entry = this.#files.get(document.uri.toString());
        if (entry) entry.stale = true; // the file on disk may differ from the closed editor
      }),
    );
  }

  /** Every briefing in the workspace (and every open one), its model current. */
  async briefings(token?: vscode.CancellationToken): Promise<IndexedBriefing[]> {
    this.#scan ??= this.#scanWorkspace();
    await this.#scan;
    const result: IndexedBriefing[] = [];
    const seen = new Set<string>();
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== BRIEFING_LANGUAGE || document.isClosed) continue;
      seen.add(document.uri.toString());
      result.push({ uri: document.uri, model: this.#store.get(document) });
    }
    const stale = [...this.#files.values()].filter((entry) => !seen.has(entry.uri.toString()) && (entry.stale || !entry.model));
    await forEachLimited(stale, READ_CONCURRENCY, (entry) => this.#load(entry), token);
    for (const entry of this.#files.values()) {
      if (!seen.has(entry.uri.toString()) && entry.model) result.push({ uri: entry.uri, model: entry.model });
    }
    return result.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  }

  /** The text of a workspace briefing as last read from disk, if indexed. */
  textOf(uri: vscode.Uri): string | undefined {
    return this.#files.get(uri.toString())?.text;
  }

  async #scanWorkspace(): Promise<void> {
    const uris = await vscode.workspace.findFiles(BRIEFING_GLOB, WORKSPACE_EXCLUDE_GLOB);
    for (const uri of uris) this.#files.set(uri.toString(), { uri, text: undefined, model: undefined, stale: true });
  }

  async #load(entry: FileEntry): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(entry.uri);
      if (stat.size > this.#maxFileSize()) {
        // Too large to index in the background; it is still fully served when opened.
        entry.text = undefined;
        entry.model = undefined;
        entry.stale = false;
        return;
      }
      entry.text = decoder.decode(await vscode.workspace.fs.readFile(entry.uri));
      entry.model = parseBriefing(entry.text, { registries: this.#registries.registries });
      entry.stale = false;
    } catch {
      this.#files.delete(entry.uri.toString()); // gone or unreadable
    }
  }

  #markStale(uri: vscode.Uri, created: boolean): void {
    if (!this.#scan) return; // not indexed yet: the first scan will find it
    const key = uri.toString();
    const entry = this.#files.get(key);
    if (entry) entry.stale = true;
    else if (created) this.#files.set(key, { uri, text: undefined, model: undefined, stale: true });
    this.#changed.fire();
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}

/** Runs `task` over `items`, at most `limit` at a time, stopping early when cancelled. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>, token?: vscode.CancellationToken): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !token?.isCancellationRequested) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
