import type { LinkGraph } from './linkGraph';

/** The link chart panel's view type: its serializer and its menus name it. */
export const LINK_CHART_VIEW_TYPE = 'briefing.linkChart';

/** What the extension sends the link chart's webview. Every text in it is data, shown as text. */
export type LinkChartToWebview =
  | {
      readonly type: 'data';
      /** What the chart shows: the briefing's file. */
      readonly title: string;
      /** The nodes and edges: the page keeps the positions of the nodes it has, and places new ones near their neighbours. */
      readonly graph: LinkGraph;
      /** The events the edges name, by line (1-based): their date and first words, for an edge's tooltip. */
      readonly events: Readonly<Record<number, string>>;
      /** The entity under the editor's cursor. */
      readonly selected: string | undefined;
    }
  | { readonly type: 'select'; readonly id: string };

/** What the link chart's webview sends the extension. */
export type LinkChartFromWebview =
  | { readonly type: 'ready' }
  /** A node clicked or chosen by keyboard: its entity in the Actors view, and its entry in the editor. */
  | { readonly type: 'open'; readonly id: string };

/** What the webview keeps across a reload (its `setState`). */
export interface LinkChartState {
  readonly relations?: boolean;
  readonly events?: boolean;
  readonly minWeight?: number;
  /** The types of node hidden (an actor's type, or `place`). */
  readonly hiddenClasses?: readonly ('person' | 'state' | 'organization' | 'group' | 'other' | 'place')[];
}
