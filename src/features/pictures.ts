import { LINK_CHART_VIEW_TYPE, MAP_VIEW_TYPE, TIMELINE_VIEW_TYPE, type ChartFormat } from '../core';
import type { OnDemand, OnDemandCode } from './loadOnDemand';
import type { LinkChartContext, LinkChartPanel } from './onDemand/linkChartPanel';
import type { MapContext, MapPanel } from './onDemand/mapPanel';
import type { TimelineContext, TimelinePanel } from './onDemand/timelinePanel';
import { OnDemandPicture, type PicturePanel, type PictureKind } from './onDemandPicture';

const FORMAT_WORDS: Record<ChartFormat, string> = { svg: 'Svg', png: 'Png', json: 'Json' };

/** A picture's commands by their common names: `briefing.<id>.show`, `briefing.<id>.export<Format>`. */
function kind<P extends PicturePanel>(
  id: string,
  viewType: string,
  name: string,
  formats: readonly ChartFormat[],
  make: (code: OnDemand) => P,
  actions?: PictureKind<P>['actions'],
): PictureKind<P> {
  return {
    viewType,
    name,
    suffix: name.replaceAll(' ', '').toLowerCase(),
    showCommand: `briefing.${id}.show`,
    exports: Object.fromEntries(formats.map((format) => [`briefing.${id}.export${FORMAT_WORDS[format]}`, format])),
    make,
    actions,
  };
}

/** "Briefing: Show Timeline", "Set Timeline Window…", its exports and its restore; the panel loads when it first opens. */
export function timelinePicture(context: TimelineContext, onDemand: OnDemandCode): OnDemandPicture<TimelinePanel> {
  const timeline = kind('timeline', TIMELINE_VIEW_TYPE, 'Timeline', ['svg', 'png'], (code) => new code.TimelinePanel(context), {
    'briefing.timeline.setWindow': (panel) => panel.askWindow(),
  });
  return new OnDemandPicture(timeline, onDemand);
}

/** "Briefing: Show Link Chart", its exports and its restore; the panel loads when it first opens. */
export function linkChartPicture(context: LinkChartContext, onDemand: OnDemandCode): OnDemandPicture<LinkChartPanel> {
  return new OnDemandPicture(
    kind('linkChart', LINK_CHART_VIEW_TYPE, 'Link Chart', ['svg', 'png', 'json'], (code) => new code.LinkChartPanel(context)),
    onDemand,
  );
}

/** "Briefing: Show Map", its exports and its restore; the panel loads when it first opens. */
export function mapPicture(context: MapContext, onDemand: OnDemandCode): OnDemandPicture<MapPanel> {
  return new OnDemandPicture(
    kind('map', MAP_VIEW_TYPE, 'Map', ['svg', 'png'], (code) => new code.MapPanel(context)),
    onDemand,
  );
}
