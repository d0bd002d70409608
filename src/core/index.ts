/** The pure core: no `vscode`, no Node built-ins. Everything the editor and the CLI need. */
export { parseBriefing, clearParseCaches, type ParseOptions } from './parse';
export { parseRegistry, unreadableRegistry, isRegistryFileName, type Registry } from './registry';
export type { ParsedPieces } from './yamlMapping';
export { exportBriefing, exportEvent, toJson, eventsToCsv, eventsToJson, timelineEventsAs, csvCell, type BriefingExport, type EventExport } from './export';
export { LineIndex } from './lineIndex';
export { unusedHints } from './unusedHints';
export { errorMessage } from './errorMessage';
export { BriefingStore, type VersionedText } from './store';
export * from './types';
