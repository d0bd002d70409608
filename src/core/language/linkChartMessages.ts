import type { EventDays, GraphEdge, GraphNode } from './linkGraph';
import type { PictureStyle } from './timelineMessages';
import type { SharedWindow, WindowOptions } from './timeWindow';

/** The link chart panel's view type: its serializer and its menus name it. */
export const LINK_CHART_VIEW_TYPE = 'briefing.linkChart';

/** What the link chart exports: a picture, or the graph it shows as JSON. */
export type ChartFormat = 'svg' | 'png' | 'json';

/** What the extension sends the link chart's webview. Every text in it is data, shown as text. */
export type LinkChartToWebview =
  | {
      readonly type: 'data';
      /** What the chart shows: the briefing's file, or every briefing, and the Events filter. */
      readonly title: string;
      /** The briefing's file, or "every briefing": the chart of another is laid out afresh. */
      readonly scope: string;
      /**
       * Whether the page is to drop what it has first (a page just loaded or shown again, another
       * scope): else the message changes what it has, and a long briefing's graph is not sent
       * again after each edit.
       */
      readonly replace: boolean;
      /**
       * The nodes and edges of the Events view's scope and filter (`linkGraph`) that the page has
       * not got as they are: new ones, and ones that changed. It keeps the positions of the nodes
       * it has, and places new ones near their neighbours.
       */
      readonly nodes: readonly GraphNode[];
      readonly edges: readonly GraphEdge[];
      /** The ids of the nodes and edges it has that are gone. */
      readonly removed: readonly string[];
      /** Each event's days, by its place in the graph (what the `events` of nodes and edges name); absent when they did not change. */
      readonly days?: readonly EventDays[];
      /** The entity under the editor's cursor. */
      readonly selected: string | undefined;
    }
  | { readonly type: 'select'; readonly id: string }
  /** The timeline's window (none while the timeline is closed), and whether the chart and the map keep to it. */
  | ({ readonly type: 'window' } & SharedWindow)
  | { readonly type: 'export'; readonly request: number; readonly format: ChartFormat; readonly style: PictureStyle }
  /** The date and first words of the events asked for, in their order (empty for one no longer there). */
  | { readonly type: 'described'; readonly request: number; readonly labels: readonly string[] };

/** What the link chart's webview sends the extension. */
export type LinkChartFromWebview =
  /** The page has loaded; `carried`: it drew the messages its HTML carried (the extension's `show`). */
  | { readonly type: 'ready'; readonly carried?: boolean }
  /** A node clicked or chosen by keyboard: its entity in the Actors view, and its entry in the editor. */
  | { readonly type: 'open'; readonly id: string }
  /** The events of an edge hovered, by their places in the graph's `events`: their words are sent when shown, not with every graph. */
  /** The window kept to, or not: the choice is the map's too. */
  | ({ readonly type: 'windowOptions' } & WindowOptions)
  | { readonly type: 'describe'; readonly request: number; readonly events: readonly number[] }
  /** An export asked for: an SVG's text, a PNG's bytes in base64, or the JSON; undefined when it could not be drawn. */
  | { readonly type: 'exported'; readonly request: number; readonly data: string | undefined };

/** What the webview keeps across a reload (its `setState`). */
export interface LinkChartState {
  readonly relations?: boolean;
  readonly events?: boolean;
  readonly minWeight?: number;
  /** The types of node hidden (an actor's type, or `place`). */
  readonly hiddenClasses?: readonly ('person' | 'state' | 'organization' | 'group' | 'other' | 'place')[];
  /** At most this many nodes, the most mentioned; null for all. */
  readonly most?: number | null;
}
