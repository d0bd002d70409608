import * as vscode from 'vscode';
import type { BriefingStore, EntityKind } from '../core';
import { registerEntityEdit } from '../core/register';
import { toRange } from './convert';
import { BRIEFING_SELECTOR } from './selector';

const REGISTER_KIND = vscode.CodeActionKind.RefactorRewrite.append('registerEntity');

/**
 * Quick fixes where the fix is certain (a key's case, a duplicate alias), and "Register
 * selection as actor / as place". Each is one edit of the document, one undo step.
 */
export function registerCodeActions(store: BriefingStore): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    BRIEFING_SELECTOR,
    {
      provideCodeActions(document, range, context) {
        const model = store.get(document);
        const actions: vscode.CodeAction[] = [];
        for (const shown of context.diagnostics) {
          const match = model.diagnostics.find(
            (diagnostic) => diagnostic.fix && diagnostic.code === shown.code && toRange(diagnostic.range).isEqual(shown.range),
          );
          if (!match?.fix) continue;
          const action = new vscode.CodeAction(match.fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [shown];
          action.isPreferred = true;
          action.edit = new vscode.WorkspaceEdit();
          for (const edit of match.fix.edits) action.edit.replace(document.uri, toRange(edit.range), edit.newText);
          actions.push(action);
        }

        const selected = document.getText(range).trim();
        const inBody = document.offsetAt(range.start) >= model.bodyStartOffset;
        const known = model.entities.some((entity) => entity.name === selected || entity.aliases.includes(selected));
        if (!range.isEmpty && range.isSingleLine && inBody && selected !== '' && selected.length <= 200 && !known) {
          for (const kind of ['actor', 'place'] as EntityKind[]) {
            const action = new vscode.CodeAction(`Register '${selected}' as ${kind === 'actor' ? 'an actor' : 'a place'}`, REGISTER_KIND);
            const edit = registerEntityEdit(model, kind, selected);
            action.edit = new vscode.WorkspaceEdit();
            action.edit.insert(document.uri, toRange(edit.range).start, edit.newText);
            actions.push(action);
          }
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, REGISTER_KIND] },
  );
}
