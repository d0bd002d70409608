import * as vscode from 'vscode';
import {
  buildTimeline,
  collectEvents,
  describeFilter,
  eventCount,
  isEventAt,
  filterEvents,
  sameRows,
  sameShown,
  sortChronologically,
  type Briefing,
  type BriefingStore,
  type BriefingSummary,
  type ColumnsSource,
  type longChronology,
  type ChronologyYear,
  type GraphSource,
  type EventFilter,
  type EventGrouping,
  type EventOrder,
  type Timeline,
  type TimelineEvent,
  type TimelineGroup,
  type TimelineSource,
} from '../core';
import type { ActiveBriefing } from './activeBriefing';
import { eventTreeItem, withEventTooltip } from './eventItems';
import { BRIEFING_LANGUAGE } from './selector';
import { ViewRefresher } from './viewRefresher';
import { TreeRows } from './treeRows';
import type { WorkspaceIndex } from './workspaceIndex';

export const EVENTS_VIEW_ID = 'briefing.events';

/** The on-demand code (loadOnDemand.ts) as the view reads it: the years of months of a long chronology. */
interface LongChronologyCode {
  load(): Promise<{ readonly longChronology: typeof longChronology } | undefined>;
}

/** A briefing of the view's scope: the model of an open one, the summary of one that is not (workspace scope). */
export interface ShownSource extends TimelineSource, GraphSource {
  readonly briefing: Briefing | BriefingSummary;
}
export type EventScope = 'briefing' | 'workspace';

/** A group of events; in a long chronology, a month under its year, or a file (its events made when it is expanded). */
export interface GroupNode {
  readonly type: 'group';
  readonly id: string;
  readonly group: TimelineGroup;
  readonly grouping: EventGrouping;
  readonly parent?: YearNode;
  /** In a long chronology, the group starts collapsed and its events are sorted when it is expanded. */
  readonly lazy?: 'month' | 'file';
}

/** A year of a long chronology, its months under it. */
export interface YearNode {
  readonly type: 'year';
  readonly id: string;
  readonly year: ChronologyYear;
}

export type EventsNode = GroupNode | YearNode | EventNode;

/**
 * Beyond this many events, the workspace's chronology (unless grouped by actor, place, tag or
 * section) is shown as years of months, or as files in document order, each made when expanded:
 * a tree item per event up front took seconds at a team's hundreds of thousands.
 */
export const LONG_CHRONOLOGY = 5000;

/** An event's node; its id, made when read, is unique in the tree (an event can sit in several groups). */
class EventNode {
  readonly type = 'event';

  constructor(
    /** The event as the latest model has it: a view that keeps its rows after an edit gives them the new model's. */
    public item: TimelineEvent,
    readonly parent: EventsNode | undefined,
  ) {}

  get id(): string {
    return this.parent ? `${this.parent.id}/${this.item.id}` : this.item.id;
  }
}

interface Built {
  readonly roots: EventsNode[];
  readonly children: Map<string, EventsNode[]>;
  /** In a long chronology: makes a group's events, when it is expanded. */
  readonly expand?: (node: GroupNode) => EventsNode[];
  /** Each event's first node (an event has several when grouped by actor, place or tag). */
  readonly firstNodes: EventNode[];
  readonly count: number;
  readonly total: number;
  readonly files: number;
  readonly timeline: Timeline;
  /** The scope's name: the briefing's file, or every briefing; none without an active briefing. */
  readonly scope: string | undefined;
  /** The briefings whose events these are. */
  readonly sources: readonly ShownSource[];
}

const GROUP_ICONS: Record<EventGrouping, string> = {
  none: 'list-flat',
  month: 'calendar',
  actor: 'person',
  place: 'location',
  tag: 'tag',
  section: 'symbol-string',
};

function fileLabel(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.toString();
}

/**
 * Gives the nodes VS Code holds (`shown`) the events of a new build with the same rows: what
 * they show may have changed (their text), and their lines may have moved ("Reveal in Events
 * View", Copy and Export read them from the nodes). Returns the nodes whose rows changed.
 */
function keepNodes(shown: Built, built: Built): EventNode[] {
  const changed: EventNode[] = [];
  const adopt = (held: EventsNode[], fresh: EventsNode[]) =>
    held.forEach((node, index) => {
      const other = fresh[index];
      if (node.type === 'event' && other.type === 'event') {
        if (!sameShown(node.item, other.item)) changed.push(node);
        node.item = other.item;
      } else if (node.type === 'group') adopt(shown.children.get(node.id) ?? [], built.children.get(other.id) ?? []);
    });
  adopt(shown.roots, built.roots);
  return changed;
}

/**
 * The Events view: the events of the active briefing, or of every briefing in the workspace,
 * ordered, grouped and filtered. It refreshes about 300 ms after the last keystroke, at once
 * when another briefing becomes active, and does no work while hidden.
 */
export class EventsView implements vscode.TreeDataProvider<EventsNode>, vscode.Disposable {
  readonly #rows = new TreeRows<EventsNode>();
  readonly onDidChangeTreeData = this.#rows.onDidChangeTreeData;
  readonly treeView: vscode.TreeView<EventsNode>;
  readonly #changed = new vscode.EventEmitter<void>();
  /** The events changed (after edits, about 300 ms after the last keystroke) or the scope, order, grouping, filter or briefing did. */
  readonly onDidChangeEvents = this.#changed.event;
  readonly #disposables: vscode.Disposable[] = [this.#rows, this.#changed];
  #built: Promise<Built> | undefined;
  /** The data whose items VS Code holds (the last root it asked for). */
  #shown: Built | undefined;
  readonly #refresher: ViewRefresher;
  /** How many times the view's data was built (a hidden view builds nothing). */
  buildCount = 0;
  /** How many refreshes after edits sent nothing (see TreeRows). */
  get unchangedCount(): number {
    return this.#rows.unchangedCount;
  }
  /** How many refreshes after edits sent only the rows that changed (see TreeRows). */
  get rowsSentCount(): number {
    return this.#rows.rowsSentCount;
  }

  /** Whether a refresh waits for the view to show. */
  get waitingToShow(): boolean {
    return this.#refresher.waitingToShow;
  }

  scope: EventScope;
  order: EventOrder;
  grouping: EventGrouping;
  filter: EventFilter | undefined;
  readonly #store: BriefingStore;
  readonly #active: ActiveBriefing;
  readonly #index: WorkspaceIndex;
  readonly #onDemand: LongChronologyCode;

  constructor(store: BriefingStore, active: ActiveBriefing, index: WorkspaceIndex, onDemand: LongChronologyCode) {
    this.#store = store;
    this.#active = active;
    this.#index = index;
    this.#onDemand = onDemand;
    const config = vscode.workspace.getConfiguration('briefing.events');
    this.scope = config.get<EventScope>('scope', 'briefing');
    this.order = config.get<EventOrder>('sortBy', 'chronological');
    this.grouping = config.get<EventGrouping>('groupBy', 'none');
    this.treeView = vscode.window.createTreeView(EVENTS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.#refresher = new ViewRefresher(
      this.treeView,
      () => {
        this.#built = undefined;
        this.#changed.fire();
      },
      (afterEdits) => void this.#show(afterEdits),
    );
    this.#disposables.push(
      this.treeView,
      this.#refresher,
      active.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.languageId !== BRIEFING_LANGUAGE || event.contentChanges.length === 0) return;
        if (this.scope === 'workspace' || event.document === this.#active.document) this.scheduleRefresh();
      }),
      index.onDidChange(() => {
        if (this.scope === 'workspace') this.scheduleRefresh();
      }),
    );
    this.#updateContext();
  }

  /** Rebuilds now (when visible): every item is asked for again, ids keep expansion. */
  refresh(): void {
    this.#refresher.now();
  }

  /** Rebuilds after the last of a burst of edits; the items are sent again only if they changed. */
  scheduleRefresh(): void {
    this.#refresher.later();
  }

  async #show(afterEdits: boolean): Promise<void> {
    if (afterEdits && this.#shown) {
      const building = this.#build();
      const built = await building;
      // A later refresh (the workspace read while files changed) decides instead.
      if (this.#built !== building) return;
      // Read after the build: VS Code may have fetched meanwhile (then it holds this build).
      const shown = this.#shown;
      if (shown === built) return;
      // The same rows: keep the nodes VS Code holds, and send only those whose text changed.
      if (shown && !built.expand && !shown.expand && sameRows(built.timeline, shown.timeline)) {
        const changed = keepNodes(shown, built);
        this.#shown = { ...built, roots: shown.roots, children: shown.children, firstNodes: shown.firstNodes };
        this.#built = Promise.resolve(this.#shown);
        this.#rows.sendChanged(changed);
        return;
      }
    }
    this.#rows.sendAll();
  }

  setScope(scope: EventScope): void {
    this.scope = scope;
    this.#updateContext();
    this.refresh();
  }

  setOrder(order: EventOrder): void {
    this.order = order;
    this.refresh();
  }

  setGrouping(grouping: EventGrouping): void {
    this.grouping = grouping;
    this.#updateContext();
    this.refresh();
  }

  setFilter(filter: EventFilter | undefined): void {
    this.filter = filter && describeFilter(filter) ? filter : undefined;
    this.#updateContext();
    this.refresh();
  }

  #updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'briefing.events.filtered', this.filter !== undefined);
    void vscode.commands.executeCommand('setContext', 'briefing.events.scope', this.scope);
    void vscode.commands.executeCommand('setContext', 'briefing.events.grouping', this.grouping);
  }

  /**
   * The events the view shows (its scope and filter), each once however grouped, in its order
   * (chronological or as written); how many there are before the filter; and the scope's name
   * (the briefing's file, or every briefing). From the view's build: Export Events, the filter's
   * choices and the pictures share it.
   */
  async shownEvents(): Promise<{
    readonly events: readonly TimelineEvent[];
    readonly total: number;
    readonly scope: string | undefined;
    readonly sources: readonly ShownSource[];
  }> {
    const { timeline, scope, sources } = await this.#build();
    return { events: timeline.shown, total: timeline.total, scope, sources };
  }

  /** The first node of the event at a line of a document, if any. */
  async nodeAt(document: vscode.TextDocument, line: number): Promise<EventsNode | undefined> {
    const built = await this.#build();
    const source = document.uri.toString();
    if (!built.expand) return built.firstNodes.find(({ item }) => isEventAt(item, source, line));
    // A long chronology: the group that holds the event, its events made.
    const groups = built.roots.flatMap((root) => (root.type === 'year' ? (built.children.get(root.id) ?? []) : [root]));
    for (const group of groups) {
      if (group.type !== 'group' || !(group.group.holdsEventAt?.(source, line) ?? group.group.events.some((item) => isEventAt(item, source, line)))) continue;
      const nodes = built.children.get(group.id) ?? built.expand(group);
      return nodes.find((node) => node.type === 'event' && isEventAt(node.item, source, line));
    }
    return undefined;
  }

  #build(): Promise<Built> {
    this.#built ??= this.#compute();
    return this.#built;
  }

  async #compute(): Promise<Built> {
    this.buildCount++;
    const sources =
      this.scope === 'workspace'
        ? (await this.#index.summaries()).map(({ uri, summary }): ShownSource => ({ source: uri.toString(), label: fileLabel(uri), briefing: summary }))
        : this.#active.document
          ? [{ source: this.#active.document.uri.toString(), label: fileLabel(this.#active.document.uri), briefing: this.#store.get(this.#active.document) }]
          : [];
    const total = eventCount(sources);
    const long = this.scope === 'workspace' && total > LONG_CHRONOLOGY && (this.grouping === 'none' || this.grouping === 'month');
    if (long && this.order === 'chronological') {
      // Its years of months are on-demand code, read already when the index read the summaries
      // (every source of the workspace scope is one); if it cannot be read, the chronology is listed whole.
      const code = await this.#onDemand.load();
      const summaries = sources.filter((shown): shown is ShownSource & ColumnsSource => 'eventColumns' in shown.briefing);
      if (code && summaries.length === sources.length) return this.#describeBuilt(this.#byMonth(summaries, total, code.longChronology));
    }
    const all = collectEvents(sources);
    if (long && this.order === 'document') return this.#describeBuilt(this.#byFile(all, sources));
    const timeline = buildTimeline(all, { order: this.order, grouping: this.grouping, filter: this.filter });
    const children = new Map<string, EventsNode[]>();
    const firstNodeOfEvent = new Map<TimelineEvent, EventNode>();
    const eventNode = (item: TimelineEvent, parent: EventsNode | undefined): EventsNode => {
      const node = new EventNode(item, parent);
      if (!firstNodeOfEvent.has(item)) firstNodeOfEvent.set(item, node);
      return node;
    };
    let roots: EventsNode[];
    if (timeline.groups) {
      roots = timeline.groups.map((group) => {
        const node: EventsNode = { type: 'group', id: group.id, group, grouping: this.grouping };
        children.set(
          node.id,
          group.events.map((item) => eventNode(item, node)),
        );
        return node;
      });
    } else {
      roots = (timeline.events ?? []).map((item) => eventNode(item, undefined));
    }
    return this.#describeBuilt({
      roots,
      children,
      firstNodes: [...firstNodeOfEvent.values()],
      count: timeline.count,
      total: timeline.total,
      files: sources.length,
      timeline,
      scope: this.scope === 'workspace' ? 'every briefing' : sources[0]?.label,
      sources,
    });
  }

  #describeBuilt(built: Built): Built {
    void vscode.commands.executeCommand('setContext', 'briefing.events.none', built.total === 0);
    this.#describe(built);
    return built;
  }

  /**
   * The workspace's long chronology in chronological order: years of months, collapsed, each
   * month's events made and sorted when it is expanded (`longChronology`: no object per event
   * before). The filter runs over every event; the whole ordered list is made only when asked
   * (Export Events, the pictures).
   */
  #byMonth(sources: readonly (ShownSource & ColumnsSource)[], total: number, chronologyOf: typeof longChronology): Built {
    const { years, invalid, count } = chronologyOf(sources, this.filter);
    const children = new Map<string, EventsNode[]>();
    const roots: EventsNode[] = years.map((year) => {
      const node: YearNode = { type: 'year', id: year.id, year };
      children.set(
        node.id,
        year.months.map((group): GroupNode => ({ type: 'group', id: group.id, group, grouping: 'month', parent: node, lazy: 'month' })),
      );
      return node;
    });
    if (invalid) roots.push({ type: 'group', id: invalid.id, group: invalid, grouping: 'month', lazy: 'file' });
    return this.#lazyBuilt(roots, children, count, total, sources, () => [
      ...years.flatMap((year) => year.months.flatMap((month) => sortChronologically(month.events))),
      ...(invalid?.events ?? []),
    ]);
  }

  /** The workspace's long chronology in document order: its files, collapsed, each file's events made rows when it is expanded. */
  #byFile(all: readonly TimelineEvent[], sources: readonly ShownSource[]): Built {
    const shown = this.filter ? filterEvents(all, this.filter) : all;
    const bySource = new Map<string, TimelineGroup>();
    for (const item of shown) {
      let group = bySource.get(item.source);
      if (!group) bySource.set(item.source, (group = { id: `group:file:${item.source}`, label: item.sourceLabel, events: [] }));
      group.events.push(item);
    }
    const roots = [...bySource.values()].map((group): GroupNode => ({ type: 'group', id: group.id, group, grouping: 'none', lazy: 'file' }));
    return this.#lazyBuilt(roots, new Map(), shown.length, all.length, sources, () => shown);
  }

  /** A long chronology's build: its groups' rows made when expanded, its ordered list when asked. */
  #lazyBuilt(
    roots: EventsNode[],
    children: Map<string, EventsNode[]>,
    count: number,
    total: number,
    sources: readonly ShownSource[],
    ordered: () => readonly TimelineEvent[],
  ): Built {
    let list: readonly TimelineEvent[] | undefined;
    const timeline: Timeline = {
      events: undefined,
      groups: undefined,
      count,
      total,
      get shown() {
        return (list ??= ordered());
      },
    };
    const expand = (node: GroupNode): EventsNode[] => {
      const events = node.lazy === 'month' ? sortChronologically(node.group.events) : node.group.events;
      const nodes = events.map((item) => new EventNode(item, node));
      children.set(node.id, nodes);
      return nodes;
    };
    return { roots, children, expand, firstNodes: [], count, total, files: sources.length, timeline, scope: 'every briefing', sources };
  }

  /** The view's description: the count, the scope and the active filter. */
  #describe(built: Built): void {
    const count = built.count === built.total ? `${built.total} ${built.total === 1 ? 'event' : 'events'}` : `${built.count} of ${built.total} events`;
    const scope = this.scope === 'workspace' ? ` in ${built.files} ${built.files === 1 ? 'briefing' : 'briefings'}` : '';
    const filter = describeFilter(this.filter);
    this.treeView.description = `${count}${scope}${filter ? ` · filter: ${filter}` : ''}`;
    this.treeView.message = built.total > 0 && built.count === 0 ? 'No event matches the filter. Clear it with the filter button.' : undefined;
  }

  getTreeItem(node: EventsNode): vscode.TreeItem {
    if (node.type === 'event') return eventTreeItem(node.item, node.id, this.scope === 'workspace');
    const year = node.type === 'year';
    const item = new vscode.TreeItem(
      year ? node.year.label : node.group.label,
      year || node.lazy ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = node.id;
    item.description = String(year ? node.year.count : node.group.events.length);
    item.iconPath = new vscode.ThemeIcon(year ? 'calendar' : node.lazy === 'file' && node.grouping === 'none' ? 'file' : GROUP_ICONS[node.grouping]);
    item.contextValue = 'briefingEventGroup';
    return item;
  }

  resolveTreeItem(treeItem: vscode.TreeItem, node: EventsNode): vscode.TreeItem {
    return node.type === 'event' ? withEventTooltip(treeItem, node.item, this.scope === 'workspace') : treeItem;
  }

  async getChildren(node?: EventsNode): Promise<EventsNode[]> {
    const built = await this.#build();
    if (!node) {
      this.#shown = built;
      return built.roots;
    }
    if (node.type === 'event') return [];
    const made = built.children.get(node.id);
    if (made) return made;
    return node.type === 'group' && built.expand ? built.expand(node) : [];
  }

  getParent(node: EventsNode): EventsNode | undefined {
    return node.type === 'year' ? undefined : node.parent;
  }

  dispose(): void {
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
