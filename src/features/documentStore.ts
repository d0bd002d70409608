import * as vscode from 'vscode';
import { BriefingStore, CountryNames, errorMessage } from '../core';
import type { RegistryWatcher } from './registryWatcher';

export interface DocumentStoreRegistration {
  readonly store: BriefingStore;
  /** Fires when models were dropped: every model when the workspace registries changed, those that write a `country:` when the countries came. */
  readonly onDidInvalidate: vscode.Event<void>;
  /** Resolves once the countries are read (or could not be). */
  readonly countriesRead: Promise<void>;
  /** The countries, once read. */
  countries(): CountryNames | undefined;
  readonly registration: vscode.Disposable;
}

/**
 * The shared model cache, parsed with the workspace registries and the countries a `country:`
 * may name; closed documents are evicted. The countries are a file beside the bundle
 * (`dist/countries.txt`, read once), where the bundle read at activation has no room for them:
 * until it is read, `country:` values go unchecked, then the models that write one are made again.
 */
export function registerDocumentStore(registries: RegistryWatcher, extensionUri: vscode.Uri): DocumentStoreRegistration {
  let countries: CountryNames | undefined;
  const store = new BriefingStore(() => ({ registries: registries.registries, countries }));
  const invalidated = new vscode.EventEmitter<void>();
  const invalidate = () => {
    store.invalidate();
    invalidated.fire();
  };
  const countriesRead = Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'countries.txt')))
    .then((bytes) => {
      countries = new CountryNames(new TextDecoder().decode(bytes));
      // Only a model whose entries write a `country:` reads them: the others (a long briefing
      // open at start-up among them) are not parsed again.
      if (store.invalidateWhere((model) => model.entities.some((entity) => entity.country !== undefined)) > 0) invalidated.fire();
    })
    // A file read but not decoded is told as one not read: never a rejection nobody handles.
    .catch((error: unknown) => console.error(`Analyst Briefings: the countries could not be read, so country: values go unchecked (${errorMessage(error)})`));
  return {
    store,
    onDidInvalidate: invalidated.event,
    countriesRead,
    countries: () => countries,
    registration: vscode.Disposable.from(
      invalidated,
      vscode.workspace.onDidCloseTextDocument((document) => store.evict(document.uri)),
      registries.onDidChange(invalidate),
    ),
  };
}
