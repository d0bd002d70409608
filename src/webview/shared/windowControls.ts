// The chart's and the map's way to keep to the timeline's window: two checkboxes whose choice is
// one for both pictures (the extension holds it and tells every page).
import type { SharedWindow, WindowDays, WindowOptions } from '../../core';
// Imported as itself, not through the core's index: the page's bundle takes only what it runs.
import { appliedDays, windowText, windowTitle } from '../../core/language/timeWindow';
import { element } from './dom';

export class WindowControls {
  #shared: SharedWindow = { window: undefined, applied: false, undated: false };
  readonly #applied = element('input', { type: 'checkbox' });
  readonly #undated = element('input', { type: 'checkbox' });
  readonly #appliedLabel = element('label', {}, this.#applied, " Timeline's window");
  readonly #undatedLabel = element('label', { title: 'Show the actors and places that take part in no dated event too' }, this.#undated, ' Undated');
  /** The toolbar's two checkboxes. */
  readonly element = element('span', { class: 'window' }, this.#appliedLabel, this.#undatedLabel);

  /** `changed` redraws the page; `tell` hands the choice to the extension, for the other picture. */
  constructor(
    private readonly changed: () => void,
    tell: (options: WindowOptions) => void,
  ) {
    const chosen = () => {
      this.#shared = { ...this.#shared, applied: this.#applied.checked, undated: this.#undated.checked };
      this.#show();
      tell({ applied: this.#shared.applied, undated: this.#shared.undated });
      changed();
    };
    this.#applied.addEventListener('change', chosen);
    this.#undated.addEventListener('change', chosen);
    this.#show();
  }

  /** The window, or the choice, as the extension tells it; the page redraws if it changed. */
  receive(shared: SharedWindow): void {
    const before = JSON.stringify(this.#shared);
    this.#shared = { window: shared.window, applied: shared.applied === true, undated: shared.undated === true };
    this.#show();
    if (JSON.stringify(this.#shared) !== before) this.changed();
  }

  /** The days the picture keeps to, if it does. */
  get days(): WindowDays | undefined {
    return appliedDays(this.#shared);
  }

  get undated(): boolean {
    return this.#shared.undated;
  }

  /** What the picture's title adds: the window it keeps to. */
  get title(): string {
    return windowTitle(this.#shared);
  }

  #show(): void {
    const { window, applied, undated } = this.#shared;
    this.#applied.checked = applied;
    this.#undated.checked = undated;
    this.#applied.disabled = window === undefined;
    this.#undated.disabled = window === undefined || !applied;
    this.#appliedLabel.title = window ? `Only the events from ${windowText(window)} (the timeline's window) count` : 'Open the timeline to keep to its window';
  }
}
