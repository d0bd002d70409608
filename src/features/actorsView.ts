import * as vscode from 'vscode';
import type { Briefing, BriefingStore, Entity } from '../core';
import { plainText } from '../core/escape';
import { REVEAL_COMMAND } from '../core/hover';
import { hasEvents, mentionCount, sameInActorsView } from '../core/lookup';
import { collectEvents, type TimelineEvent } from '../core/timeline';
import type { ActiveBriefing } from './activeBriefing';
import { definitionUri } from './convert';
import { eventTreeItem, withEventTooltip } from './eventItems';
import { BRIEFING_LANGUAGE } from './selector';
import { ViewRefresher } from './viewRefresher';

export const ACTORS_VIEW_ID = 'briefing.actors';

type EntityNode = { readonly type: 'entity'; readonly entity: Entity; readonly uri: vscode.Uri };
type ActorsNode = EntityNode | { readonly type: 'event'; readonly item: TimelineEvent; readonly parent: EntityNode };

const entityNodeId = ({ uri, entity }: EntityNode) => `${uri.toString()}#${entity.id}`;

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
  /** The model whose items VS Code holds (the last root it asked for). */
  #shown: Briefing | undefined;
  /** How many refreshes after edits sent nothing, the view showing the same. */
  unchangedCount = 0;
  /**
   * The entities whose events are shown (expanded), by id: only their events can change what the
   * view shows. VS Code asks for an entity's children only to show them, however it came to
   * expand it (a click, a reveal, a state restored); a collapse forgets it.
   */
  readonly #expanded = new Set<string>();

  constructor(store: BriefingStore, active: ActiveBriefing) {
    this.#store = store;
    this.#active = active;
    this.treeView = vscode.window.createTreeView(ACTORS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    // The items are read from the cached model when asked for: there is nothing to forget.
    this.#refresher = new ViewRefresher(this.treeView, () => undefined, (afterEdits) => this.#show(afterEdits));
    this.#disposables.push(
      this.treeView,
      this.#refresher,
      active.onDidChange(() => this.refresh()),
      this.treeView.onDidCollapseElement(({ element }) => element.type === 'entity' && this.#expanded.delete(element.entity.id)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.#active.document && event.contentChanges.length > 0) this.#refresher.later();
      }),
    );
  }

  refresh(): void {
    this.#refresher.now();
  }

  /** Sends the items again, unless edits left everything the view shows as it was. */
  #show(afterEdits: boolean): void {
    const document = this.#active.document;
    if (afterEdits && this.#shown && document && sameInActorsView(this.#shown, this.#store.get(document), (entity) => this.#expanded.has(entity.id))) {
      this.unchangedCount++;
      return;
    }
    this.#changed.fire(undefined);
  }

  getTreeItem(node: ActorsNode): vscode.TreeItem {
    if (node.type === 'event') return eventTreeItem(node.item, `${entityNodeId(node.parent)}/${node.item.id}`, false);
    const { entity, uri } = node;
    const model = this.#store.get(this.#active.document!);
    const item = new vscode.TreeItem(entity.name, hasEvents(model, entity) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = entityNodeId(node);
    const count = mentionCount(model, entity);
    item.description = `${count} ${count === 1 ? 'mention' : 'mentions'}`;
    item.iconPath = iconOf(entity);
    item.contextValue = entity.kind === 'actor' ? 'briefingActor' : 'briefingPlace';
    const target = definitionUri(entity.definition.source, uri);
    item.command = { command: REVEAL_COMMAND, title: 'Go to Definition', arguments: [target.toString(), entity.definition.nameRange.start.line] };
    return item;
  }

  /** Tooltips are made when hovered: a long briefing's 1,000 entities sent theirs with every refresh. */
  resolveTreeItem(treeItem: vscode.TreeItem, node: ActorsNode): vscode.TreeItem {
    if (node.type === 'event') return withEventTooltip(treeItem, node.item, false);
    const { entity } = node;
    treeItem.tooltip = plainText([entity.name, entity.kind === 'actor' ? [entity.role, entity.affiliation].filter(Boolean).join(' · ') : entity.country, entity.summary].filter(Boolean).join('\n'), 600);
    return treeItem;
  }

  getChildren(node?: ActorsNode): ActorsNode[] {
    const document = this.#active.document;
    if (!document || document.languageId !== BRIEFING_LANGUAGE) {
      // Holds no model of a briefing closed since.
      this.#shown = undefined;
      return [];
    }
    const model = this.#store.get(document);
    if (!node) {
      this.#shown = model;
      return model.entities.map((entity) => ({ type: 'entity', entity, uri: document.uri }));
    }
    if (node.type === 'event') return [];
    this.#expanded.add(node.entity.id);
    const label = document.uri.path.split('/').pop() ?? '';
    const items = collectEvents([{ source: document.uri.toString(), label, briefing: model }]);
    const names = node.entity.kind === 'actor' ? 'actors' : 'places';
    return items.filter((item) => item.event[names].includes(node.entity.name)).map((item) => ({ type: 'event', item, parent: node }));
  }

  /** For `reveal`: an event's entity. */
  getParent(node: ActorsNode): ActorsNode | undefined {
    return node.type === 'event' ? node.parent : undefined;
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
