import * as vscode from 'vscode';
import type { BriefingStore, Entity } from '../core';
import { plainText } from '../core/escape';
import { REVEAL_COMMAND } from '../core/hover';
import { eventsOf } from '../core/lookup';
import { collectEvents, type TimelineEvent } from '../core/timeline';
import type { ActiveBriefing } from './activeBriefing';
import { definitionUri } from './convert';
import { eventTreeItem } from './eventItems';
import { BRIEFING_LANGUAGE } from './selector';
import { ViewRefresher } from './viewRefresher';

export const ACTORS_VIEW_ID = 'briefing.actors';

type ActorsNode = { readonly type: 'entity'; readonly entity: Entity; readonly uri: vscode.Uri } | { readonly type: 'event'; readonly item: TimelineEvent; readonly parentId: string };

function iconOf(entity: Entity): vscode.ThemeIcon {
  if (entity.kind === 'place') return new vscode.ThemeIcon('location');
  const icons = { person: 'person', state: 'globe', organization: 'organization', group: 'account', other: 'symbol-misc' } as const;
  return new vscode.ThemeIcon(icons[entity.type ?? 'person']);
}

/**
 * The Actors view: every actor and place of the active briefing with its mention count;
 * its children are the events it takes part in; clicking goes to its definition.
 */
export class ActorsView implements vscode.TreeDataProvider<ActorsNode>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<ActorsNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly treeView: vscode.TreeView<ActorsNode>;
  readonly #disposables: vscode.Disposable[] = [this.#changed];
  readonly #refresher: ViewRefresher;
  readonly #store: BriefingStore;
  readonly #active: ActiveBriefing;

  constructor(store: BriefingStore, active: ActiveBriefing) {
    this.#store = store;
    this.#active = active;
    this.treeView = vscode.window.createTreeView(ACTORS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    // The items are read from the cached model when asked for: there is nothing to forget.
    this.#refresher = new ViewRefresher(this.treeView, () => undefined, () => this.#changed.fire(undefined));
    this.#disposables.push(
      this.treeView,
      this.#refresher,
      active.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.#active.document && event.contentChanges.length > 0) this.#refresher.later();
      }),
    );
  }

  refresh(): void {
    this.#refresher.now();
  }

  getTreeItem(node: ActorsNode): vscode.TreeItem {
    if (node.type === 'event') return eventTreeItem(node.item, `${node.parentId}/${node.item.id}`, false);
    const { entity, uri } = node;
    const model = this.#store.get(this.#active.document!);
    const hasEvents = eventsOf(model, entity).length > 0;
    const item = new vscode.TreeItem(entity.name, hasEvents ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${uri.toString()}#${entity.id}`;
    const count = entity.mentions.length;
    item.description = `${count} ${count === 1 ? 'mention' : 'mentions'}`;
    item.tooltip = plainText([entity.name, entity.kind === 'actor' ? [entity.role, entity.affiliation].filter(Boolean).join(' · ') : entity.country, entity.summary].filter(Boolean).join('\n'), 600);
    item.iconPath = iconOf(entity);
    item.contextValue = entity.kind === 'actor' ? 'briefingActor' : 'briefingPlace';
    const target = definitionUri(entity.definition.source, uri);
    item.command = { command: REVEAL_COMMAND, title: 'Go to Definition', arguments: [target.toString(), entity.definition.nameRange.start.line] };
    return item;
  }

  getChildren(node?: ActorsNode): ActorsNode[] {
    const document = this.#active.document;
    if (!document || document.languageId !== BRIEFING_LANGUAGE) return [];
    const model = this.#store.get(document);
    if (!node) return model.entities.map((entity) => ({ type: 'entity', entity, uri: document.uri }));
    if (node.type === 'event') return [];
    const label = document.uri.path.split('/').pop() ?? '';
    const items = collectEvents([{ source: document.uri.toString(), label, briefing: model }]);
    const names = node.entity.kind === 'actor' ? 'actors' : 'places';
    const parentId = `${document.uri.toString()}#${node.entity.id}`;
    return items.filter((item) => item.event[names].includes(node.entity.name)).map((item) => ({ type: 'event', item, parentId }));
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
