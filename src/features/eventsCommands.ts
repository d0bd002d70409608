import * as vscode from 'vscode';
import { EVENT_GROUPINGS, EVENT_ORDERS, eventAsText, plainText, timelineEventsAs, type EventFilter, type EventGrouping, type EventOrder } from '../core';
import { EVENTS_VIEW_ID, type EventScope, type EventsNode, type EventsView } from './eventsView';
import { saveAs } from './saveAs';
import { BRIEFING_LANGUAGE } from './selector';

const GROUPING_LABELS: Record<EventGrouping, string> = {
  none: 'No grouping',
  month: 'By month',
  actor: 'By actor',
  place: 'By place',
  tag: 'By tag',
  section: 'By section',
};
const ORDER_LABELS: Record<EventOrder, string> = { chronological: 'Chronological', document: 'Document order' };

/** The filter quick input: free text, or one of the actors, places and tags of the events. */
async function pickFilter(view: EventsView): Promise<EventFilter | undefined> {
  const { events } = await view.shownEvents();
  // Each name with its kind, told apart by the icons of the Actors view.
  const kinds = new Map<string, 'actor' | 'place'>();
  const tags = new Set<string>();
  for (const { event } of events) {
    event.actors.forEach((name) => kinds.set(name, 'actor'));
    event.places.forEach((name) => kinds.set(name, 'place'));
    event.tags.forEach((tag) => tags.add(tag));
  }
  type Item = vscode.QuickPickItem & { filter?: EventFilter };
  const fixed: Item[] = [
    ...[...kinds]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, kind]) => ({
        label: `$(${kind === 'place' ? 'location' : 'person'}) ${plainText(name, 80)}`,
        description: kind,
        filter: { actor: name },
      })),
    ...[...tags].sort().map((tag) => ({ label: `$(tag) #${plainText(tag, 80)}`, description: 'tag', filter: { tag } })),
  ];
  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.title = 'Filter Events';
  quickPick.placeholder = 'Type text to match, or pick an actor, place or tag';
  quickPick.matchOnDescription = true;
  // The text item comes first, always: VS Code names the item accepted by its place in the list,
  // and a list that gained or lost its first item as the text went in could take the name
  // before the one shown (a place picked became the place listed above it).
  const textItem = (value: string): Item =>
    value
      ? { label: `$(search) Text: ${value}`, description: 'events whose text, date, actors, places or tags contain it', alwaysShow: true, filter: { text: value } }
      : { label: '$(search) Text', description: "type to match the events' text, date, actors, places or tags" };
  quickPick.items = [textItem(''), ...fixed];
  quickPick.onDidChangeValue((value) => {
    quickPick.items = [textItem(value.trim()), ...fixed];
  });
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      const chosen = quickPick.selectedItems[0]?.filter ?? (quickPick.value.trim() ? { text: quickPick.value.trim() } : undefined);
      resolve(chosen);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

async function exportEvents(view: EventsView): Promise<void> {
  const { events } = await view.shownEvents();
  if (events.length === 0) {
    void vscode.window.showInformationMessage('There are no events to export: open a briefing with dated events, or clear the filter.');
    return;
  }
  const format = await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: 'an array of events, as `briefing export` writes them', value: 'json' as const },
      { label: 'CSV', description: 'one row per event', value: 'csv' as const },
    ],
    { title: 'Export Events', placeHolder: 'Format' },
  );
  if (!format) return;
  const withFile = view.scope === 'workspace';
  const base = withFile ? 'events' : (events[0].source.split('/').pop() ?? 'events').replace(/\.briefing$/, '');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  await saveAs('Export Events', folder && vscode.Uri.joinPath(folder, `${base}-events.${format.value}`), { [format.label]: [format.value] }, async () =>
    timelineEventsAs(format.value, events, withFile),
  );
}

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
export function registerEventsCommands(view: EventsView): vscode.Disposable {
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  let followTimer: ReturnType<typeof setTimeout> | undefined;
  return vscode.Disposable.from(
    { dispose: () => clearTimeout(followTimer) },
    command('briefing.events.refresh', () => view.refresh()),
    command('briefing.events.collapseAll', () => vscode.commands.executeCommand(`workbench.actions.treeView.${EVENTS_VIEW_ID}.collapseAll`)),
    command('briefing.events.groupBy', async (grouping?: EventGrouping) => {
      const chosen =
        grouping && EVENT_GROUPINGS.includes(grouping)
          ? grouping
          : (
              await vscode.window.showQuickPick(
                EVENT_GROUPINGS.map((value) => ({ label: GROUPING_LABELS[value], value, picked: value === view.grouping })),
                { title: 'Group Events' },
              )
            )?.value;
      if (chosen) view.setGrouping(chosen);
    }),
    command('briefing.events.sortBy', async (order?: EventOrder) => {
      const chosen =
        order && EVENT_ORDERS.includes(order)
          ? order
          : (
              await vscode.window.showQuickPick(
                EVENT_ORDERS.map((value) => ({ label: ORDER_LABELS[value], value })),
                { title: 'Sort Events' },
              )
            )?.value;
      if (chosen) view.setOrder(chosen);
    }),
    command('briefing.events.filter', async (filter?: EventFilter) => {
      const chosen = filter && typeof filter === 'object' ? filter : await pickFilter(view);
      if (chosen) view.setFilter(chosen);
    }),
    command('briefing.events.clearFilter', () => view.setFilter(undefined)),
    command('briefing.events.toggleScope', (scope?: EventScope) =>
      view.setScope(scope === 'briefing' || scope === 'workspace' ? scope : view.scope === 'briefing' ? 'workspace' : 'briefing'),
    ),
    command('briefing.events.showWorkspace', () => view.setScope('workspace')),
    command('briefing.events.showBriefing', () => view.setScope('briefing')),
    command('briefing.events.copy', async (node?: EventsNode) => {
      const target = node ?? view.treeView.selection[0];
      if (target?.type === 'event') await vscode.env.clipboard.writeText(eventAsText(target.item));
    }),
    command('briefing.events.export', () => exportEvents(view)),
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
