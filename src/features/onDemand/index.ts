// The code that runs only on a user's command: its own bundle (dist/onDemand.js), read on first
// use by loadOnDemand.ts. Its files take from the rest of the extension only types, the core and
// small helpers (see the architecture test), so that the bundle read at activation stays small.
export { addEntity } from './addEntity';
export { copyEvent, exportEvents, pickEventsFilter } from './eventsCommands';
export { exportPicture } from './exportPicture';
export { openPreview } from './preview';
// The model as `briefing export` prints it, for "Show Model as JSON".
export { toJson } from '../../core';
export { findMentions } from './findMentions';
export { completionItems, resolveCompletionItem } from './completionItems';
export { pickActorOrder, pickEventGrouping, pickEventOrder } from './orderPickers';
export { LinkChartPanel } from './linkChartPanel';
export { TimelinePanel } from './timelinePanel';
export { MapPanel } from './mapPanel';
export { exportStixBundle, importStixBundle } from './stix';
export { publishActive } from './publish';
export { showModel } from './showModel';
// A briefing's summary, which the workspace index keeps of a file that is not open.
export { internTable, summarize } from '../../core';
// The Events view's years of months, for the workspace's long chronology (made of summaries).
export { longChronology } from '../../core';
export { readBriefing, readBriefings } from './readBriefings';
// New Briefing, Open Sample Briefing.
export { newBriefing } from './newBriefing';
export { openSample } from './openSample';
export { renameEdits } from './renameEdits';
