import * as vscode from 'vscode';
import { parseRegistry, unreadableRegistry, type ParsedPieces, type Registry } from '../core';
import { parseRegistryInSlices } from './registryInSlices';
import { WORKSPACE_EXCLUDE_GLOB } from './selector';
import { settings } from './settings';

/** Workspace registries: `entities.yaml` and `*.entities.yaml` anywhere in the workspace. */
export const REGISTRY_GLOB = '**/{entities.yaml,*.entities.yaml}';
const decoder = new TextDecoder('utf-8');
/** A registry longer than this is read in slices: parsed at once, it would hold up the extension host. */
const SLICES_FROM = 100_000;

/**
 * Reads, watches and merges the workspace registries. Their order is by path, so that "the
 * first definition wins" means the same thing on every machine. An open registry is read from
 * its editor (as you type), a closed one from disk, unless it is over `briefing.maxFileSize`:
 * reading many MB of YAML would hold up the extension host at every start, so it waits for the
 * user to raise the limit.
 */
export class RegistryWatcher implements vscode.Disposable {
  readonly #byUri = new Map<string, Registry>();
  #sorted: Registry[] = [];
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #disposables: vscode.Disposable[] = [this.#changed];
  #pendingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Registries edited in an editor since the last read: all are read when the typing stops. */
  readonly #pendingDocuments = new Set<vscode.TextDocument>();
  /** The parsed pieces of each registry open in an editor: the next read parses only the entries that changed. */
  readonly #editedPieces = new Map<string, ParsedPieces>();
  /** The text each registry was last read from: its quick fixes hold only for that text. */
  readonly #readTexts = new Map<string, string>();
  readonly onDidChange = this.#changed.event;
  /** Resolves once the workspace has been searched for registries. */
  readonly ready: Promise<void>;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(REGISTRY_GLOB);
    this.#disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.#reload(uri)),
      watcher.onDidChange((uri) => this.#reload(uri)),
      watcher.onDidDelete((uri) => this.#remove(uri)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.#byUri.has(event.document.uri.toString())) this.#scheduleFromDocument(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.#editedPieces.delete(document.uri.toString())),
      // A registry skipped for its size is read once the limit allows it.
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('briefing.maxFileSize') && this.#scan()),
    );
    this.ready = this.#scan();
  }

  /** The current registries, in precedence order. */
  get registries(): readonly Registry[] {
    return this.#sorted;
  }

  /** The registry as read from the document's current text; undefined once it has changed since. */
  readFrom(document: vscode.TextDocument): Registry | undefined {
    const key = document.uri.toString();
    return this.#readTexts.get(key) === document.getText() ? this.#byUri.get(key) : undefined;
  }

  async #scan(): Promise<void> {
    try {
      const uris = await vscode.workspace.findFiles(REGISTRY_GLOB, WORKSPACE_EXCLUDE_GLOB, 1000);
      await Promise.all(uris.map((uri) => this.#read(uri)));
    } finally {
      this.#publish();
    }
  }

  async #read(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
    if (open) return this.#readOpen(key, open.getText());
    let text: string;
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > settings.maxFileSize()) {
        this.#byUri.set(key, unreadableRegistry(key, `${(size / 1048576).toFixed(1)} MB, over briefing.maxFileSize`));
        this.#readTexts.delete(key);
        return;
      }
      text = decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      // Deleted in the meantime: it no longer counts. There but unreadable: the user is told.
      const exists = await vscode.workspace.fs.stat(uri).then(
        (stat) => stat.type !== vscode.FileType.Directory,
        () => false,
      );
      if (exists) this.#byUri.set(key, unreadableRegistry(key, errorReason(error)));
      else this.#byUri.delete(key);
      this.#readTexts.delete(key);
      return;
    }
    this.#readTexts.set(key, text);
    const registry = text.length > SLICES_FROM ? await parseRegistryInSlices(text, key) : parseRegistry(text, key);
    // Read again (an editor, a newer change) while it was read in slices: that read stands.
    if (this.#readTexts.get(key) === text) this.#byUri.set(key, registry);
  }

  /** Reads a registry open in an editor from the pieces of its last read, and keeps the new ones for the edits to come. */
  #readOpen(uri: string, text: string): void {
    const keep: ParsedPieces = new Map();
    this.#readTexts.set(uri, text);
    this.#byUri.set(uri, parseRegistry(text, uri, { previous: this.#editedPieces.get(uri), keep }));
    this.#editedPieces.set(uri, keep);
  }

  async #reload(uri: vscode.Uri): Promise<void> {
    await this.#read(uri);
    this.#publish();
  }

  #remove(uri: vscode.Uri): void {
    this.#editedPieces.delete(uri.toString());
    this.#readTexts.delete(uri.toString());
    if (this.#byUri.delete(uri.toString())) this.#publish();
  }

  #scheduleFromDocument(document: vscode.TextDocument): void {
    this.#pendingDocuments.add(document);
    clearTimeout(this.#pendingTimer);
    this.#pendingTimer = setTimeout(() => {
      for (const pending of this.#pendingDocuments) this.#readOpen(pending.uri.toString(), pending.getText());
      this.#pendingDocuments.clear();
      this.#publish();
    }, 300);
  }

  #publish(): void {
    this.#sorted = [...this.#byUri.values()].sort((a, b) => a.source.localeCompare(b.source));
    this.#changed.fire();
  }

  dispose(): void {
    clearTimeout(this.#pendingTimer);
    this.#editedPieces.clear();
    this.#readTexts.clear();
    for (const disposable of this.#disposables) disposable.dispose();
  }
}

/** A file system error's short reason, such as `NoPermissions` or `EACCES`. */
function errorReason(error: unknown): string {
  if (error instanceof vscode.FileSystemError && error.code) return error.code;
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : String(error).split('\n')[0].slice(0, 120);
}
