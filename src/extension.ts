import * as vscode from 'vscode';
import type { Briefing } from './core';
import { ActiveBriefing } from './features/activeBriefing';
import { registerActorsCommands } from './features/actorsCommands';
import { registerAddEntity } from './features/addEntity';
import { ActorsView } from './features/actorsView';
import { registerCheckTask } from './features/checkTask';
import { registerClassificationStatus } from './features/classificationStatus';
import { registerCodeActions } from './features/codeActions';
import { registerCompletion } from './features/completion';
import { registerDiagnostics } from './features/diagnostics';
import { registerDocumentStore } from './features/documentStore';
import { registerEventsCommands } from './features/eventsCommands';
import { EventsView } from './features/eventsView';
import { registerFolding } from './features/folding';
import { registerGoToEvent } from './features/goToEvent';
import { registerHover } from './features/hover';
import { LargeFiles } from './features/largeFiles';
import { OnDemandCode } from './features/loadOnDemand';
import type { LinkChartPanel } from './features/onDemand/linkChartPanel';
import type { MapPanel } from './features/onDemand/mapPanel';
import type { TimelinePanel } from './features/onDemand/timelinePanel';
import type { OnDemandPicture } from './features/onDemandPicture';
import { registerNavigation } from './features/navigation';
import { registerPreview } from './features/preview';
import { registerPublishCommands } from './features/publishCommands';
import { RegistryWatcher } from './features/registryWatcher';
import { registerRename } from './features/rename';
import { registerRevealLine } from './features/revealLine';
import { registerSemanticTokens } from './features/semanticTokens';
import { settings } from './features/settings';
import { registerShowModel } from './features/showModel';
import { registerStixCommands } from './features/stixCommands';
import { registerSymbols } from './features/symbols';
import { linkChartPicture, mapPicture, timelinePicture } from './features/pictures';
import { SharedTimeWindow } from './features/timeWindow';
import { WorkspaceIndex } from './features/workspaceIndex';

/** What `activate()` returns: the extension's public API, used by tests and other extensions. */
export interface BriefingsApi {
  /** The model of a briefing document (parsed once per document version, shared by every feature). */
  getBriefing(document: vscode.TextDocument): Briefing;
  /** Resolves once the workspace registries and the countries have been read. */
  readonly ready: Promise<void>;
  /** How many times a document text was parsed: a briefing is parsed once per version. */
  parseCount(): number;
  /** The tree views' providers, for tests and for other extensions that show the same data. */
  readonly views: {
    readonly events: EventsView;
    readonly actors: ActorsView;
    /** The pictures: each one's panel, once it has opened. */
    readonly timeline: OnDemandPicture<TimelinePanel>;
    readonly linkChart: OnDemandPicture<LinkChartPanel>;
    readonly map: OnDemandPicture<MapPanel>;
  };
  /** The files over `briefing.maxFileSize` that the user was told about. */
  largeFileNotices(): readonly string[];
  /** Every briefing of the workspace, as the workspace features read them. */
  readonly index: WorkspaceIndex;
}

export function activate(context: vscode.ExtensionContext): BriefingsApi {
  const registries = new RegistryWatcher();
  const models = registerDocumentStore(registries, context.extensionUri);
  const { store } = models;
  const onDemand = new OnDemandCode(context.extensionUri);
  const index = new WorkspaceIndex(store, registries, settings.maxFileSize, onDemand);
  const active = new ActiveBriefing();
  const largeFiles = new LargeFiles();
  const events = new EventsView(store, active, index, onDemand);
  const actors = new ActorsView(store, active);
  const window = new SharedTimeWindow(context.workspaceState);
  const pictureContext = { extensionUri: context.extensionUri, store, active, actors, events, window };
  const timeline = timelinePicture(pictureContext, onDemand);
  const linkChart = linkChartPicture(pictureContext, onDemand);
  const map = mapPicture(pictureContext, onDemand);
  context.subscriptions.push(
    registries,
    models.registration,
    index,
    registerSemanticTokens(store, models.onDidInvalidate, largeFiles),
    registerDiagnostics(store, registries, models.onDidInvalidate, largeFiles),
    registerHover(store),
    registerClassificationStatus(store),
    registerNavigation(store, index),
    registerRename(store, index, registries, onDemand),
    registerCompletion(store, index, registries, onDemand),
    registerSymbols(store, index),
    registerCodeActions(store, registries),
    registerFolding(store),
    registerRevealLine(),
    registerGoToEvent(store),
    registerShowModel(store, onDemand),
    registerStixCommands({ store, index, countries: models.countries }, onDemand),
    registerPreview(onDemand),
    registerPublishCommands(store, context.extensionUri, { timeline, linkChart, map }, onDemand),
    // The commands a user runs now and then: their code is on-demand.
    onDemand.command('briefing.newBriefing', (code) => code.newBriefing(context.extensionUri)),
    onDemand.command('briefing.openSample', (code) => code.openSample(context.extensionUri)),
    registerCheckTask(),
    active,
    largeFiles,
    events,
    actors,
    registerEventsCommands(events, onDemand),
    registerActorsCommands(actors, store, onDemand),
    registerAddEntity(store, active, onDemand),
    window,
    timeline,
    linkChart,
    map,
    models.onDidInvalidate(() => {
      events.refresh();
      actors.refresh();
    }),
  );
  return {
    getBriefing: (document) => store.get(document),
    ready: Promise.all([registries.ready, models.countriesRead]).then(() => undefined),
    parseCount: () => store.parseCount,
    views: { events, actors, timeline, linkChart, map },
    largeFileNotices: () => largeFiles.notices,
    index,
  };
}

export function deactivate(): void {}
