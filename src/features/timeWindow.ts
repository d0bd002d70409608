import * as vscode from 'vscode';
import type { SharedWindow, TimeWindow, WindowOptions } from '../core';

const OPTIONS_KEY = 'briefing.timeWindow';

/**
 * The time the timeline shows, which the chart and the map keep to when asked: set by the
 * timeline's panel as its page moves, none while it is closed. Whether they keep to it, and show
 * the undated too, is one choice for both, kept with the workspace. It lives apart from the
 * panels, whose code loads only when a picture first opens.
 */
export class SharedTimeWindow implements vscode.Disposable {
  #window: TimeWindow | undefined;
  #options: WindowOptions;
  readonly #changed = new vscode.EventEmitter<void>();
  /** The window moved, the timeline closed, or the choice changed. */
  readonly onDidChange = this.#changed.event;

  constructor(private readonly memory: vscode.Memento) {
    const kept = memory.get<Partial<WindowOptions>>(OPTIONS_KEY);
    this.#options = { applied: kept?.applied === true, undated: kept?.undated === true };
  }

  get current(): TimeWindow | undefined {
    return this.#window;
  }

  /** The window and the choice, as the pages get them. */
  get shared(): SharedWindow {
    return { window: this.#window, ...this.#options };
  }

  set(window: TimeWindow | undefined): void {
    this.#window = window;
    this.#changed.fire();
  }

  /** A page's choice: told to every picture, and kept. */
  choose(options: WindowOptions): void {
    const chosen = { applied: options.applied === true, undated: options.undated === true };
    if (chosen.applied === this.#options.applied && chosen.undated === this.#options.undated) return;
    this.#options = chosen;
    void this.memory.update(OPTIONS_KEY, chosen);
    this.#changed.fire();
  }

  dispose(): void {
    this.#changed.dispose();
  }
}
