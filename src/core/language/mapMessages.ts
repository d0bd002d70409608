import type { ChartFormat } from './linkChartMessages';
import type { MapData } from './mapData';
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
      /** The entity under the editor's cursor. */
      readonly selected: string | undefined;
    }
  | { readonly type: 'select'; readonly id: string }
  | { readonly type: 'export'; readonly request: number; readonly format: Exclude<ChartFormat, 'json'>; readonly style: PictureStyle };

/** What the map's webview sends the extension. */
export type MapFromWebview =
  | { readonly type: 'ready' }
  /** A place or a country chosen: its entity (the first of a country's) in the Actors view and the editor. */
  | { readonly type: 'open'; readonly id: string }
  | { readonly type: 'exported'; readonly request: number; readonly data: string | undefined };
