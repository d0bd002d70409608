import * as vscode from 'vscode';
import { EVENT_GROUPINGS, EVENT_ORDERS, type EventFilter, type EventGrouping, type EventOrder } from '../core';
import { EVENTS_VIEW_ID, type EventScope, type EventsNode, type EventsView } from './eventsView';
import type { OnDemandCode } from './loadOnDemand';
import { BRIEFING_LANGUAGE } from './selector';

/**
 * Reveals the event at the cursor in the Events view. A refresh between finding the node and
 * revealing it makes the node stale; then it is looked up once more in the new tree.
 */
async function revealAtCursor(view: EventsView, editor: vscode.TextEditor, focus: boolean): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const node = await view.nodeAt(editor.document, editor.selection.active.line);
    if (!node) return false;
    try {
      await view.treeView.reveal(node, { select: true, focus, expand: true });
      return true;
    } catch {
      // Stale node: try again with the current tree.
    }
  }
  return false;
}

/** The commands of the Events view, and "follow the cursor". */
export function registerEventsCommands(view: EventsView, onDemand: OnDemandCode): vscode.Disposable {
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  let followTimer: ReturnType<typeof setTimeout> | undefined;
  return vscode.Disposable.from(
    { dispose: () => clearTimeout(followTimer) },
    command('briefing.events.refresh', () => view.refresh()),
    command('briefing.events.collapseAll', () => vscode.commands.executeCommand(`workbench.actions.treeView.${EVENTS_VIEW_ID}.collapseAll`)),
    command('briefing.events.groupBy', async (grouping?: EventGrouping) => {
      const chosen = grouping && EVENT_GROUPINGS.includes(grouping) ? grouping : await (await onDemand.load())?.pickEventGrouping(view.grouping);
      if (chosen) view.setGrouping(chosen);
    }),
    command('briefing.events.sortBy', async (order?: EventOrder) => {
      const chosen = order && EVENT_ORDERS.includes(order) ? order : await (await onDemand.load())?.pickEventOrder();
      if (chosen) view.setOrder(chosen);
    }),
    command('briefing.events.filter', async (filter?: EventFilter) => {
      const chosen = filter && typeof filter === 'object' ? filter : await (await onDemand.load())?.pickEventsFilter(view);
      if (chosen) view.setFilter(chosen);
    }),
    command('briefing.events.clearFilter', () => view.setFilter(undefined)),
    command('briefing.events.toggleScope', (scope?: EventScope) =>
      view.setScope(scope === 'briefing' || scope === 'workspace' ? scope : view.scope === 'briefing' ? 'workspace' : 'briefing'),
    ),
    command('briefing.events.showWorkspace', () => view.setScope('workspace')),
    command('briefing.events.showBriefing', () => view.setScope('briefing')),
    onDemand.command('briefing.events.copy', (code, node?: EventsNode) => code.copyEvent(view, node)),
    onDemand.command('briefing.events.export', (code) => code.exportEvents(view)),
    command('briefing.events.revealInTree', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== BRIEFING_LANGUAGE) {
        void vscode.window.showInformationMessage('Put the cursor on an event of a briefing to reveal it in the Events view.');
        return;
      }
      if (!(await revealAtCursor(view, editor, true))) void vscode.window.showInformationMessage('The cursor is not on an event (a list item that starts with a date).');
    }),
    vscode.window.onDidChangeTextEditorSelection((event) => {
      const editor = event.textEditor;
      if (editor.document.languageId !== BRIEFING_LANGUAGE || !view.treeView.visible) return;
      if (!vscode.workspace.getConfiguration('briefing.events').get<boolean>('followCursor', true)) return;
      clearTimeout(followTimer);
      // Wait for a pending refresh, so that the node revealed is the current one.
      followTimer = setTimeout(() => void revealAtCursor(view, editor, false), 150);
    }),
  );
}
