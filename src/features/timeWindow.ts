import * as vscode from 'vscode';
import type { TimeWindow } from '../core';

/**
 * The time the timeline shows, which the other pictures may keep to: set by the timeline's
 * panel as its page moves, none while it is closed. It lives apart from the panel, whose code
 * loads only when the timeline first opens.
 */
export class SharedTimeWindow implements vscode.Disposable {
  #window: TimeWindow | undefined;
  readonly #changed = new vscode.EventEmitter<void>();
  /** The window moved, or the timeline closed. */
  readonly onDidChange = this.#changed.event;

  get current(): TimeWindow | undefined {
    return this.#window;
  }

  set(window: TimeWindow | undefined): void {
    this.#window = window;
    this.#changed.fire();
  }

  dispose(): void {
    this.#changed.dispose();
  }
}
