import * as vscode from 'vscode';
import type { OnDemandCode } from './loadOnDemand';
import type { StixContext } from './onDemand/stix';

/**
 * "Export as STIX 2.1 Bundle…" and "New Briefing from STIX Bundle…" (docs/stix.md). Each takes
 * optional arguments that stand for its dialogs, for keybindings and tests: the export a target
 * file and a scope, the import the bundle's file.
 */
export function registerStixCommands(context: StixContext, onDemand: OnDemandCode): vscode.Disposable {
  return vscode.Disposable.from(
    onDemand.command('briefing.exportStix', (code, target?: vscode.Uri, scope?: 'briefing' | 'workspace') =>
      code.exportStixBundle(context, target instanceof vscode.Uri ? target : undefined, scope),
    ),
    onDemand.command('briefing.importStix', (code, bundle?: vscode.Uri) => code.importStixBundle(context, bundle instanceof vscode.Uri ? bundle : undefined)),
  );
}
