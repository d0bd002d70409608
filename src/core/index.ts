/** The pure core: no `vscode`, no Node built-ins. Everything the editor and the CLI need. */
export { parseBriefing, type ParseOptions } from './parse';
export { parseRegistry, isRegistryFileName, type Registry } from './registry';
export { exportBriefing, toJson, eventsToCsv, csvCell, type BriefingExport } from './export';
export { LineIndex } from './lineIndex';
export { BriefingStore, type VersionedText } from './store';
export * from './types';
