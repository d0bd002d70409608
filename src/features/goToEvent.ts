import * as vscode from 'vscode';
import { eventById, type BriefingStore } from '../core';
import { isLine, showLine } from './revealLine';

/** The command of an event's row, in the Events and Actors views. */
export const GO_TO_EVENT_COMMAND = 'briefing.goToEvent';

/**
 * `briefing.goToEvent(uri, eventId, line)`: opens an event's briefing at the event's line as it
 * is now. A view does not send a row again when only lines moved (a line typed above the
 * event), so the line the row was made with may be old. It serves only when the event is no
 * longer there, its row about to be replaced.
 */
export function registerGoToEvent(store: BriefingStore): vscode.Disposable {
  return vscode.commands.registerCommand(GO_TO_EVENT_COMMAND, async (uri: unknown, id: unknown, line: unknown) => {
    if (typeof uri !== 'string' || typeof id !== 'string' || !isLine(line)) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
    await showLine(document, eventById(store.get(document), uri, id)?.range.start.line ?? line);
  });
}
