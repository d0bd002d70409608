import * as vscode from 'vscode';
import type { BriefingStore } from '../core';
import type { OnDemand, OnDemandCode } from './loadOnDemand';
import type { PublishArguments, PublishFormat, PublishPictures } from './onDemand/publish';

/**
 * "Publish as Word Document…" and "…as Printable Page…" (docs/cli.md, "Publish"), with the
 * pictures as figures; the steps are on-demand code (onDemand/publish.ts).
 */
export function registerPublishCommands(store: BriefingStore, extensionUri: vscode.Uri, pictures: PublishPictures, onDemand: OnDemandCode): vscode.Disposable {
  const publish = (format: PublishFormat) => (code: OnDemand, args?: PublishArguments) => code.publishActive(store, extensionUri, pictures, format, args);
  return vscode.Disposable.from(onDemand.command('briefing.publishWord', publish('docx')), onDemand.command('briefing.publishPage', publish('html')));
}
