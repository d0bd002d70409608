import * as vscode from 'vscode';
import { entityCalled, type BriefingStore, type Diagnostic, type EntityKind } from '../core';
import { ADD_ACTOR_COMMAND, ADD_PLACE_COMMAND, type AddEntityArguments } from './addEntity';
import { toRange, withEdits } from './convert';
import { REGISTRY_GLOB, type RegistryWatcher } from './registryWatcher';
import { BRIEFING_SELECTOR } from './selector';

const REGISTER_KIND = vscode.CodeActionKind.RefactorRewrite.append('registerEntity');

/**
 * Quick fixes where the fix is certain (a key's case, a duplicate alias), in briefings and in
 * registry files, each one edit of the document (one undo step); and "Register selection as
 * actor / as place…", which opens the inputs of "Add Actor…" / "Add Place…" with the name.
 */
export function registerCodeActions(store: BriefingStore, registries: RegistryWatcher): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(
      BRIEFING_SELECTOR,
      {
        provideCodeActions(document, range, context) {
          const model = store.get(document);
          const actions = quickFixes(document, model.diagnostics, context.diagnostics);

          const selected = document.getText(range).trim();
          const inBody = document.offsetAt(range.start) >= model.bodyStartOffset;
          const known = entityCalled(model, selected) !== undefined;
          if (!range.isEmpty && range.isSingleLine && inBody && selected !== '' && selected.length <= 200 && !known) {
            for (const kind of ['actor', 'place'] as EntityKind[]) {
              // The inputs of "Add Actor…" or "Add Place…", the name filled in: the writer adds the type, role, aliases.
              const title = `Register '${selected}' as ${kind === 'actor' ? 'an actor' : 'a place'}…`;
              const action = new vscode.CodeAction(title, REGISTER_KIND);
              const args: AddEntityArguments = { name: selected, uri: document.uri.toString() };
              action.command = { command: kind === 'actor' ? ADD_ACTOR_COMMAND : ADD_PLACE_COMMAND, title, arguments: [args] };
              actions.push(action);
            }
          }
          return actions;
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, REGISTER_KIND] },
    ),
    // A registry's fixes come from its last read, offered only while the document still holds that
    // text. Asked on every cursor move: with no diagnostic there, its text is not compared.
    vscode.languages.registerCodeActionsProvider(
      { pattern: REGISTRY_GLOB },
      {
        provideCodeActions: (document, _range, context) =>
          context.diagnostics.length === 0 ? [] : quickFixes(document, registries.readFrom(document)?.diagnostics ?? [], context.diagnostics),
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
}

/** The fixes of the diagnostics shown, found among the model's by code and range. */
function quickFixes(document: vscode.TextDocument, diagnostics: readonly Diagnostic[], shown: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  for (const diagnostic of shown) {
    const fix = diagnostics.find((candidate) => candidate.fix && candidate.code === diagnostic.code && toRange(candidate.range).isEqual(diagnostic.range))?.fix;
    if (!fix) continue;
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    action.edit = withEdits(document.uri, fix.edits);
    actions.push(action);
  }
  return actions;
}
