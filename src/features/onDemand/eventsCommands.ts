import * as vscode from 'vscode';
import { eventAsText, plainText, timelineEventsAs, type EventFilter } from '../../core';
import type { EventsNode, EventsView } from '../eventsView';
import { saveAs } from './saveAs';

/** "Copy Event": the event chosen (or selected) in the Events view, as a line of text. */
export async function copyEvent(view: EventsView, node: EventsNode | undefined): Promise<void> {
  const target = node ?? view.treeView.selection[0];
  if (target?.type === 'event') await vscode.env.clipboard.writeText(eventAsText(target.item));
}

/** The filter quick input: free text, or one of the actors, places and tags of the events. */
export async function pickEventsFilter(view: EventsView): Promise<EventFilter | undefined> {
  const { events } = await view.shownEvents();
  // Each name with its kind, told apart by the icons of the Actors view.
  const kinds = new Map<string, 'actor' | 'place'>();
  const tags = new Set<string>();
  const add = (name: string, kind: 'actor' | 'place' | 'tag') => (kind === 'tag' ? tags.add(name) : kinds.set(name, kind));
  for (const item of events) {
    // A summary's event from its columns: a workspace's million events are not made objects.
    if (item.columns) {
      item.columns.eachName(item.indexInColumns!, add);
      continue;
    }
    const { event } = item;
    event.actors.forEach((name) => add(name, 'actor'));
    event.places.forEach((name) => add(name, 'place'));
    event.tags.forEach((tag) => add(tag, 'tag'));
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

export async function exportEvents(view: EventsView): Promise<void> {
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
