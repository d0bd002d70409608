import * as vscode from 'vscode';
import {
  ACTOR_ORDERS,
  changedInActorsView,
  collectEvents,
  eventsOf,
  hasEvents,
  mentionCount,
  orderedEntities,
  plainText,
  type ActorOrder,
  type Briefing,
  type BriefingStore,
  type Entity,
  type EventFacts,
  type TimelineEvent,
} from '../core';
import { REVEAL_COMMAND } from './commandLinks';
import type { ActiveBriefing } from './activeBriefing';
import { definitionUri } from './convert';
import { eventTreeItem, withEventTooltip } from './eventItems';
import { BRIEFING_LANGUAGE } from './selector';
import { TreeRows } from './treeRows';
import { ViewRefresher } from './viewRefresher';

export const ACTORS_VIEW_ID = 'briefing.actors';

/**
 * An entity's node, with the model its entity is of: VS Code asks for a row sent alone about
 * 200 ms later, when the document may have moved on, and a count must be read from the entity's
 * own model. An edit that keeps the entities gives the node the new model and its entity.
 */
export type EntityNode = { readonly type: 'entity'; entity: Entity; model: Briefing; readonly uri: vscode.Uri };
export type ActorsNode = EntityNode | { readonly type: 'event'; readonly item: TimelineEvent; readonly parent: EntityNode };

const entityNodeId = ({ uri, entity }: EntityNode) => `${uri.toString()}#${entity.id}`;

function iconOf(entity: Entity): vscode.ThemeIcon {
  if (entity.kind === 'place') return new vscode.ThemeIcon('location');
  const icons = { person: 'person', state: 'globe', organization: 'organization', group: 'account', other: 'symbol-misc' } as const;
  return new vscode.ThemeIcon(icons[entity.type ?? 'person']);
}

/**
 * The Actors view: every actor and place of the active briefing with its mention count, as
 * defined, by name or by mentions; its children are the events it takes part in; clicking goes
 * to its definition.
 */
export class ActorsView implements vscode.TreeDataProvider<ActorsNode>, vscode.Disposable {
  readonly #rows = new TreeRows<ActorsNode>();
  readonly onDidChangeTreeData = this.#rows.onDidChangeTreeData;
  readonly treeView: vscode.TreeView<ActorsNode>;
  readonly #disposables: vscode.Disposable[] = [this.#rows];
  readonly #refresher: ViewRefresher;
  readonly #store: BriefingStore;
  readonly #active: ActiveBriefing;
  /** The model whose items VS Code holds (the last root it asked for). */
  #shown: Briefing | undefined;
  /** The entities' nodes VS Code holds, one per entity of `#shown`, in the order `#rootsOrder`. */
  #roots: EntityNode[] = [];
  #rootsOrder: ActorOrder | undefined;
  order: ActorOrder;
  /** How many refreshes after edits sent nothing (see TreeRows). */
  get unchangedCount(): number {
    return this.#rows.unchangedCount;
  }
  /** How many refreshes after edits sent only the rows that changed (see TreeRows). */
  get rowsSentCount(): number {
    return this.#rows.rowsSentCount;
  }
  /**
   * The entities whose events are shown (expanded), by id: only their events can change what the
   * view shows. VS Code asks for an entity's children only to show them, however it came to
   * expand it (a click, a reveal, a state restored); a collapse forgets it.
   */
  readonly #expanded = new Set<string>();

  constructor(store: BriefingStore, active: ActiveBriefing) {
    this.#store = store;
    this.#active = active;
    const configured = vscode.workspace.getConfiguration('briefing.actors').get<ActorOrder>('sortBy', 'definition');
    this.order = ACTOR_ORDERS.includes(configured) ? configured : 'definition';
    this.treeView = vscode.window.createTreeView(ACTORS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    // The items are read from the cached model when asked for: there is nothing to forget.
    this.#refresher = new ViewRefresher(
      this.treeView,
      () => undefined,
      (afterEdits) => this.#show(afterEdits),
    );
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

  /** Whether a refresh waits for the view to show. */
  get waitingToShow(): boolean {
    return this.#refresher.waitingToShow;
  }

  refresh(): void {
    this.#refresher.now();
  }

  setOrder(order: ActorOrder): void {
    this.order = order;
    this.refresh();
  }

  /** Sends the items again; after edits that kept the entities, only the rows that changed. */
  #show(afterEdits: boolean): void {
    const document = this.#active.document;
    if (afterEdits && this.#shown && document && this.#rootsOrder === this.order) {
      const model = this.#store.get(document);
      const changed = changedInActorsView(this.#shown, model, (entity) => this.#expanded.has(entity.id), this.order);
      if (changed) {
        // The nodes VS Code holds read the new model from now on: their counts, cards and events.
        const entities = orderedEntities(model, this.order);
        for (const [index, node] of this.#roots.entries()) {
          node.entity = entities[index];
          node.model = model;
        }
        this.#shown = model;
        // An expanded entity's row sent again has its events asked for again.
        this.#rows.sendChanged(changed.map((index) => this.#roots[index]));
        return;
      }
    }
    this.#rows.sendAll();
  }

  getTreeItem(node: ActorsNode): vscode.TreeItem {
    if (node.type === 'event') return eventTreeItem(node.item, `${entityNodeId(node.parent)}/${node.item.id}`, false);
    const { entity, model, uri } = node;
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
    treeItem.tooltip = plainText(
      [entity.name, entity.kind === 'actor' ? [entity.role, entity.affiliation].filter(Boolean).join(' · ') : entity.country, entity.summary].filter(Boolean).join('\n'),
      600,
    );
    return treeItem;
  }

  getChildren(node?: ActorsNode): ActorsNode[] {
    const document = this.#active.document;
    if (!document || document.languageId !== BRIEFING_LANGUAGE) {
      // Holds no model of a briefing closed since.
      this.#shown = undefined;
      this.#roots = [];
      return [];
    }
    const model = this.#store.get(document);
    if (!node) {
      // The same model, the same nodes: a row sent alone later must be one VS Code holds.
      if (this.#shown !== model || this.#rootsOrder !== this.order) {
        this.#shown = model;
        this.#rootsOrder = this.order;
        this.#roots = orderedEntities(model, this.order).map((entity) => ({ type: 'entity', entity, model, uri: document.uri }));
      }
      return this.#roots;
    }
    if (node.type === 'event') return [];
    this.#expanded.add(node.entity.id);
    // The events of the model the row was read from: the one the next edit is compared with.
    const label = node.uri.path.split('/').pop() ?? '';
    // `eventsOf`, as the check after edits compares; their ids count repeats over the whole briefing.
    const own = new Set<EventFacts>(eventsOf(node.model, node.entity));
    const items = collectEvents([{ source: node.uri.toString(), label, briefing: node.model }]);
    return items.filter((item) => own.has(item.event)).map((item) => ({ type: 'event', item, parent: node }));
  }

  /** Selects the actor or place of that name in the view (the timeline's lane labels ask); false when the active briefing has none. */
  async selectNamed(name: string): Promise<boolean> {
    const node = this.getChildren().find((root) => root.type === 'entity' && root.entity.name === name);
    if (node) await this.treeView.reveal(node, { select: true, focus: false });
    return node !== undefined;
  }

  /** For `reveal`: an event's entity. */
  getParent(node: ActorsNode): ActorsNode | undefined {
    return node.type === 'event' ? node.parent : undefined;
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
