import { LINK_CHART_VIEW_TYPE, MAP_VIEW_TYPE, TIMELINE_VIEW_TYPE } from '../core';
import type { OnDemandCode } from './loadOnDemand';
import type { LinkChartContext, LinkChartPanel } from './onDemand/linkChartPanel';
import type { MapContext, MapPanel } from './onDemand/mapPanel';
import type { TimelineContext, TimelinePanel } from './onDemand/timelinePanel';
import { OnDemandPicture } from './onDemandPicture';

/** "Briefing: Show Timeline", its exports and its restore; the panel loads when it first opens. */
export function timelinePicture(context: TimelineContext, onDemand: OnDemandCode): OnDemandPicture<TimelinePanel> {
  return new OnDemandPicture(
    {
      viewType: TIMELINE_VIEW_TYPE,
      name: 'Timeline',
      suffix: 'timeline',
      showCommand: 'briefing.timeline.show',
      exports: { 'briefing.timeline.exportSvg': 'svg', 'briefing.timeline.exportPng': 'png' },
      actions: { 'briefing.timeline.setWindow': (panel) => panel.askWindow() },
      make: (code) => new code.TimelinePanel(context),
    },
    onDemand,
  );
}

/** "Briefing: Show Link Chart", its exports and its restore; the panel loads when it first opens. */
export function linkChartPicture(context: LinkChartContext, onDemand: OnDemandCode): OnDemandPicture<LinkChartPanel> {
  return new OnDemandPicture(
    {
      viewType: LINK_CHART_VIEW_TYPE,
      name: 'Link Chart',
      suffix: 'linkchart',
      showCommand: 'briefing.linkChart.show',
      exports: { 'briefing.linkChart.exportSvg': 'svg', 'briefing.linkChart.exportPng': 'png', 'briefing.linkChart.exportJson': 'json' },
      make: (code) => new code.LinkChartPanel(context),
    },
    onDemand,
  );
}

/** "Briefing: Show Map", its exports and its restore; the panel loads when it first opens. */
export function mapPicture(context: MapContext, onDemand: OnDemandCode): OnDemandPicture<MapPanel> {
  return new OnDemandPicture(
    {
      viewType: MAP_VIEW_TYPE,
      name: 'Map',
      suffix: 'map',
      showCommand: 'briefing.map.show',
      exports: { 'briefing.map.exportSvg': 'svg', 'briefing.map.exportPng': 'png' },
      make: (code) => new code.MapPanel(context),
    },
    onDemand,
  );
}
