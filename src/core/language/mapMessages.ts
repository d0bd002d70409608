import type { ChartFormat } from './linkChartMessages';
import type { EventDays } from './linkGraph';
import type { MapData } from './mapData';
import type { SharedWindow, WindowOptions } from './timeWindow';
import type { PictureStyle } from './timelineMessages';

/** The map panel's view type: its serializer and its menus name it. */
export const MAP_VIEW_TYPE = 'briefing.map';

/** What the extension sends the map's webview. Every text in it is data, shown as text. */
export type MapToWebview =
  | {
      readonly type: 'data';
      /** What the map shows: the briefing's file, or every briefing, and the Events filter. */
      readonly title: string;
      /** Where the chart's actors and places are (`mapData`): small, so sent whole each time. */
      readonly map: MapData;
      /** Each event's days, by its place in the graph (what the `events` of regions and points name): for the timeline's window. */
      readonly days: readonly EventDays[];
      /** The entity under the editor's cursor. */
      readonly selected: string | undefined;
    }
  | { readonly type: 'select'; readonly id: string }
  /** The timeline's window (none while the timeline is closed), and whether the chart and the map keep to it. */
  | ({ readonly type: 'window' } & SharedWindow)
  /** The places of the event under the editor's cursor, in its order (none: no event there), drawn as a path. */
  | { readonly type: 'path'; readonly ids: readonly string[] }
  | { readonly type: 'export'; readonly request: number; readonly format: Exclude<ChartFormat, 'json'>; readonly style: PictureStyle };

/** What the map's webview sends the extension. */
export type MapFromWebview =
  /** The page has loaded; `carried`: it drew the messages its HTML carried (the extension's `show`). */
  | { readonly type: 'ready'; readonly carried?: boolean }
  /** A place or a country chosen: its entity (the first of a country's) in the Actors view and the editor. */
  | { readonly type: 'open'; readonly id: string }
  /** The window kept to, or not: the choice is the chart's too. */
  | ({ readonly type: 'windowOptions' } & WindowOptions)
  | { readonly type: 'exported'; readonly request: number; readonly data: string | undefined };
