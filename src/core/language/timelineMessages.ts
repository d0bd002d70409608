import type { PictureEvent, TimelineLanes } from './timelinePicture';

/** The timeline panel's view type: its serializer and its menus name it. */
export const TIMELINE_VIEW_TYPE = 'briefing.timeline';

export type PictureFormat = 'svg' | 'png';

/** A span of time a picture shows, in milliseconds since 1970: the timeline's window. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}
/** The theme's colours, or black on white for print. */
export type PictureStyle = 'theme' | 'print';

/** What the extension sends the timeline's webview. Every text in it is data, shown as text. */
export type TimelineToWebview =
  | {
      readonly type: 'data';
      /** What the picture shows: the briefing's file, or the workspace, and the filter. */
      readonly title: string;
      /** The briefing's file, or "every briefing": the picture of another is shown whole, a filter changed keeps the window. */
      readonly scope: string;
      /**
       * Whether `events` are all the page is to draw (a page just loaded, or shown again), or
       * change what it has: a long briefing's events are not sent again after each edit.
       */
      readonly replace: boolean;
      /**
       * The events the Events view shows (its scope and filter: one filter for the view and the
       * picture) that the page has not got as they are: new ones, and ones that changed. The page
       * makes the picture from them (`timelinePicture`), and switches lanes without asking.
       */
      readonly events: readonly PictureEvent[];
      /** The ids of the events the page has that are gone (deleted, or left out by the filter). */
      readonly removed: readonly string[];
      /**
       * What every id here leaves out at its start (the page puts it back): the briefing's URI and
       * `#`, which all of one briefing's ids share (a long path, 6,000 times); empty for every
       * briefing. Another prefix comes with `replace`.
       */
      readonly prefix: string;
      /** How many events the Events view has before its filter: the page's note tells none from filtered out. */
      readonly total: number;
      /** The event under the editor's cursor. */
      readonly selected: string | undefined;
    }
  /** The window to show, written by hand ("Briefing: Set Timeline Window…"). */
  | ({ readonly type: 'setWindow' } & TimeWindow)
  | { readonly type: 'select'; readonly id: string }
  | { readonly type: 'export'; readonly request: number; readonly format: PictureFormat; readonly style: PictureStyle };

/** What the timeline's webview sends the extension. */
export type TimelineFromWebview =
  /** The page has loaded; `carried`: it drew the messages its HTML carried (the extension's `show`). */
  | { readonly type: 'ready'; readonly carried?: boolean }
  /** An item clicked or chosen by keyboard: its event's line in the editor. */
  | { readonly type: 'open'; readonly id: string }
  /** A lane's label chosen: its actor or place in the Actors view. */
  | { readonly type: 'lane'; readonly id: string }
  /** The window shown (zoomed, scrolled, or drawn first): the other pictures may keep to it. */
  | ({ readonly type: 'window' } & TimeWindow)
  /** An export asked for: an SVG's text or a PNG's bytes in base64; undefined when it could not be drawn. */
  | { readonly type: 'exported'; readonly request: number; readonly data: string | undefined };

/** What the webview keeps across a reload (its `setState`), restored by the panel's serializer. */
export interface TimelineState {
  readonly lanes?: TimelineLanes;
  /** The visible window, in milliseconds since 1970. */
  readonly window?: TimeWindow;
}
