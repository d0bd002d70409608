/**
 * The pure core's public surface: no `vscode`, no Node built-ins. The editor's features and the
 * CLI import from here only (test/unit/architecture.test.ts; the tests and the bench may reach the
 * parts they time or test); the folders below it are layers, each importing only the ones under it.
 */

// The model and its parts.
export * from './model/types';
export { LineIndex } from './text/lineIndex';
export { FixedRange } from './text/fixedRange';
export { errorMessage } from './text/errorMessage';
export { base64 } from './text/base64';
export { formatCheckLine, parseCheckLine, type CheckLine } from './language/checkLine';
export { escapeMarkdown, plainText } from './text/escape';
export { datePointAt, dayNumber, pointLength } from './dates/dates';
export { classificationStatus } from './yaml/markings';
export { productOf, type Product, type ProductEvent, type ProductOutcome, type ProductSource } from './publish/product';
export { TLP_MEANINGS } from './yaml/tlp';
export { CREDIBILITY, gradeMeaning, RELIABILITY } from './body/grade';
export { entityId } from './yaml/entities';
export { CountryNames, type Country, type CountryLookup } from './geo/countries';
export { isoCountries } from './geo/isoCountries';
export { parsePiecesStepwise, type ParsedPieces } from './yaml/yamlMapping';
export { likelihoodHoverMarkdown, likelihoodTermAt } from './body/estimative';

// Parsing, once per document version.
export { parseBriefing, clearParseCaches, type ParseOptions } from './parse/parse';
export { parseRegistry, registrySteps, unreadableRegistry, isRegistryFileName, type Registry } from './parse/registry';
export type { Steps } from './text/steps';
export { BriefingStore, type VersionedText } from './parse/store';

// What the editor and the CLI show, computed from a model.
export {
  symbolAt,
  entityAt,
  entityCalled,
  sourceAt,
  citationsOf,
  eventsOf,
  hasEvents,
  mentionCount,
  labelIdRange,
  relationAt,
  type RelationAt,
  type SymbolAt,
  type EntityAt,
  type SourceAt,
} from './language/lookup';
export { hoverMarkdown, relationHoverMarkdown, sourceHoverMarkdown, type LineTarget } from './language/hover';
export { completionContext, entityCompletions, keyCompletions, relationTypesOf, tagsOf, TYPE_VALUES } from './language/completion';
export { documentSymbols, eventLabel, type BriefingSymbol, type SymbolKind } from './language/symbols';
export { renameDefinitionEdit, renameEditsInBriefing, renameEditsInRegistry, renameProblem, renameSourceEdits, type TextEdit } from './language/rename';
export { newEntryEdit, type NewEntry } from './language/newEntry';
export { foldingRegions } from './language/folding';
export { encodeSemanticTokens, semanticTokensEdit, TOKEN_MODIFIERS, TOKEN_TYPES } from './language/semanticTokens';
export { unusedHints } from './language/unusedHints';
export { mentionPositionsOf, summarize, type BriefingSummary, type RelationFacts, type SummaryEntity } from './language/summary';
export { internTable, type Intern } from './language/intern';
export { longChronology, type ColumnsSource, type LongChronology } from './language/longChronology';
export { ACTOR_ORDERS, changedInActorsView, orderedEntities, type ActorOrder } from './language/actorRows';
export {
  buildTimeline,
  chronologyKey,
  DAYS_IN_CHRONOLOGY_KEY,
  MONTHS_IN_CHRONOLOGY_KEY,
  collectEvents,
  dateLabel,
  describeFilter,
  eventAsText,
  eventById,
  eventCount,
  isEventAt,
  eventKindOf,
  eventRowLabel,
  EVENT_GROUPINGS,
  EVENT_ORDERS,
  matchesFilter,
  filterEvents,
  sameRows,
  sameShown,
  sortChronologically,
  type EventFilter,
  type EventGrouping,
  type EventOrder,
  type EventsOfBriefing,
  type ChronologyYear,
  type Timeline,
  type TimelineEvent,
  type TimelineGroup,
  type TimelineSource,
} from './language/timeline';
export { EventAtLine } from './language/eventAtLine';
export { eventsChanged } from './language/eventsChanged';
export { graphChanged } from './language/graphChanged';
export {
  timelinePicture,
  pictureEvent,
  pictureEvents,
  TIMELINE_LANES,
  type PictureEvent,
  type TimelineItem,
  type TimelineLane,
  type TimelineLanes,
  type TimelinePictureData,
} from './language/timelinePicture';
export {
  TIMELINE_VIEW_TYPE,
  type PictureFormat,
  type PictureStyle,
  type TimeWindow,
  type TimelineFromWebview,
  type TimelineState,
  type TimelineToWebview,
} from './language/timelineMessages';
export { LINK_CHART_VIEW_TYPE, type ChartFormat, type LinkChartFromWebview, type LinkChartState, type LinkChartToWebview } from './language/linkChartMessages';
export {
  graphToJson,
  linkGraph,
  type EventDays,
  type EventsEdge,
  type GraphEdge,
  type GraphEvent,
  type GraphNode,
  type GraphOptions,
  type GraphSource,
  type LinkGraph,
  type RelationEdge,
} from './language/linkGraph';
export { countryOfEntity, mapData, type MapData, type MapPoint, type MapRegion } from './language/mapData';
export { MAP_VIEW_TYPE, type MapFromWebview, type MapToWebview } from './language/mapMessages';
export { appliedDays, eventsMeeting, keptInWindow, windowDays, windowText, windowTitle, type SharedWindow, type WindowDays, type WindowOptions } from './language/timeWindow';
export { parseWindow } from './language/parseWindow';
export {
  exportBriefing,
  exportEvent,
  toJson,
  eventsToCsv,
  eventsToJson,
  eventsCsvHeader,
  eventCsvRow,
  eventJsonElement,
  timelineEventsAs,
  csvCell,
  type BriefingExport,
  type EventExport,
} from './language/export';

// Exchange with threat-intelligence platforms: STIX 2.1.
export { stixBundle, stixToJson, type StixBundle, type StixObject, type StixOptions, type StixSource } from './stix/exportBundle';
export { importStix, IMPORT_MAX_OBJECTS, type ImportedBriefing, type StixImport } from './stix/importBundle';
