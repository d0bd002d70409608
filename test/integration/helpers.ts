import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BriefingsApi } from '../../src/extension';

export const EXTENSION_ID = 'analyst-briefings.analyst-briefings';

/** The workspace folder the runners open: samples/. */
export function samplesFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens the samples folder');
  return folder.uri;
}

export function sampleUri(): vscode.Uri {
  return vscode.Uri.joinPath(samplesFolder(), 'vladivostok-summit.briefing');
}

/** Activates the extension (so that providers are registered before we query them) and returns its API. */
export async function activateExtension(): Promise<BriefingsApi> {
  const extension = vscode.extensions.getExtension<BriefingsApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

export async function openSample(): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(sampleUri());
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * How long a test waits for what follows an edit (a debounce of 250–300 ms, then the work): about
 * half a second on a quiet machine, but a busy one took over 3 and 5 seconds now and then. The
 * bound is generous: a wait ends as soon as its condition holds, and only a real failure waits it out.
 */
export const WAIT_MS = 20_000;

/** Polls a condition until it holds, for at most `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A file of the test workspace. */
export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(samplesFolder(), name);
}

/** A file's text as it is on disk (not as an editor may hold it). */
export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function openWorkspaceFile(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position of the `occurrence`-th (0-based) appearance of `text` in a document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, text: string, occurrence = 0, offset = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = document.getText().indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" (#${occurrence}) in ${document.uri.path}`);
  }
  return document.positionAt(at + offset);
}

/** An untitled briefing with the given text, shown in an editor. */
export async function untitledBriefing(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'briefing', content });
  const editor = await vscode.window.showTextDocument(document);
  // VS Code can hand a new untitled document the text of the one a test has just closed under the
  // same name ("Untitled-1"; seen: version 1, the old text): the text asked for is put in.
  if (document.getText() !== content) {
    const whole = new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
    assert.ok(await editor.edit((edit) => edit.replace(whole, content)));
  }
  return editor;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert').then(undefined, () => undefined);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? '';
}

/** True in VS Code for the Web's extension host (a web worker: no Node). */
export const inWebExtensionHost = typeof (globalThis as { process?: unknown }).process === 'undefined';

/**
 * Runs a command that asks through quick inputs, accepting each input as it stands (its value, or
 * a pick's first item) until the command is done: as a user pressing Enter at every step.
 */
export function runAcceptingInputs<T>(command: string, ...args: unknown[]): Promise<T> {
  return runAnswering('workbench.action.acceptSelectedQuickOpenItem', command, ...args);
}

/** Runs a command whose notification asks a question, dismissing each notification (as a user closing it) until the command is done. */
export function runDismissingNotifications<T>(command: string, ...args: unknown[]): Promise<T> {
  return runAnswering('notifications.clearAll', command, ...args);
}

/** Runs a command, running `answer` (a workbench command) again and again until it is done. */
async function runAnswering<T>(answer: string, command: string, ...args: unknown[]): Promise<T> {
  let done = false;
  const running = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => (done = true));
  await waitFor(`${command} to finish, answered by ${answer}`, async () => {
    if (done) return true;
    await vscode.commands.executeCommand(answer);
    return undefined;
  });
  return running;
}

/**
 * The messages a picture's page was made with (`pictureHtml`): base64 of their JSON in a `meta`
 * element, which must hold nothing but base64's letters; none when the page carries none.
 */
export function carriedMessages<M>(html: string): M[] {
  const carried = /<meta name="picture-messages" content="([^"]*)">/.exec(html)?.[1];
  if (carried === undefined) return [];
  assert.match(carried, /^[A-Za-z0-9+/]+=*$/, 'base64 only');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(carried), (char) => char.charCodeAt(0)))) as M[];
}
