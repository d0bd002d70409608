import * as vscode from 'vscode';
import type { ChartFormat, PictureStyle } from '../core';
import type { OnDemand, OnDemandCode } from './loadOnDemand';

/** A picture's panel (on-demand code), as its commands see it. */
export interface PicturePanel extends vscode.Disposable {
  /** Opens the panel beside the editor, or shows it. */
  show(): Promise<void>;
  /** Takes a panel VS Code restores after a reload. */
  adopt(panel: vscode.WebviewPanel): void;
  draw(format: ChartFormat, style: PictureStyle): Promise<string | undefined>;
}

/** What tells one picture from another. */
export interface PictureKind<P> {
  readonly viewType: string;
  /** Its name in messages ("Link Chart"), and the word of its files' names (`kim-putin.linkchart.svg`). */
  readonly name: string;
  readonly suffix: string;
  readonly showCommand: string;
  /** Each export command, and the format it writes. */
  readonly exports: Readonly<Record<string, ChartFormat>>;
  /** Its other commands, each an action on its panel. */
  readonly actions?: Readonly<Record<string, (panel: P) => unknown>>;
  /** Makes its panel from the on-demand code. */
  make(code: OnDemand): P;
}

/**
 * A picture's "Show" and "Export" commands and its restore after a reload. The panel itself is
 * on-demand code (src/features/onDemand), made the first time the picture opens: the bundle read
 * at every activation carries only this.
 */
export class OnDemandPicture<P extends PicturePanel> implements vscode.Disposable {
  #panel: P | undefined;
  readonly #disposables: vscode.Disposable[];

  constructor(
    private readonly kind: PictureKind<P>,
    private readonly onDemand: OnDemandCode,
  ) {
    this.#disposables = [
      vscode.commands.registerCommand(kind.showCommand, async () => (await this.#made())?.show()),
      ...Object.entries(kind.exports).map(([command, format]) =>
        vscode.commands.registerCommand(command, async () => {
          const panel = await this.#made();
          return panel && (await this.onDemand.load())?.exportPicture(panel, kind.name, kind.suffix, format);
        }),
      ),
      ...Object.entries(kind.actions ?? {}).map(([command, action]) =>
        vscode.commands.registerCommand(command, async () => {
          const panel = await this.#made();
          return panel && action(panel);
        }),
      ),
      vscode.window.registerWebviewPanelSerializer(kind.viewType, {
        // The page restores its own choices from its state.
        deserializeWebviewPanel: async (panel) => {
          const made = await this.#made();
          if (made) made.adopt(panel);
          else panel.dispose();
        },
      }),
    ];
  }

  /** The panel, once the picture has opened (for tests). */
  get current(): P | undefined {
    return this.#panel;
  }

  async #made(): Promise<P | undefined> {
    if (this.#panel) return this.#panel;
    const code = await this.onDemand.load();
    this.#panel ??= code && this.kind.make(code);
    return this.#panel;
  }

  dispose(): void {
    this.#panel?.dispose();
    for (const disposable of this.#disposables) disposable.dispose();
  }
}
