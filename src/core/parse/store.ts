import { parseBriefing, type ParseOptions } from './parse';
import type { Briefing } from '../model/types';

/** The little of a text document the store needs (VS Code's TextDocument fits). */
export interface VersionedText {
  readonly uri: { toString(): string } | string;
  readonly version: number;
  getText(): string;
}

interface CacheEntry {
  readonly version: number;
  readonly generation: number;
  readonly model: Briefing;
}

/**
 * Models cached by document URI and version: a document is parsed once per version, and every
 * feature shares that model. Negative versions are never cached (they do not identify a text).
 * `invalidate()` drops every model, for when the workspace registries change; `invalidateWhere`
 * those a change concerns.
 */
export class BriefingStore {
  readonly #cache = new Map<string, CacheEntry>();
  #generation = 0;
  /** How many times a text was parsed; for tests and benchmarks. */
  parseCount = 0;
  readonly #options: () => ParseOptions;

  constructor(options: () => ParseOptions = () => ({})) {
    this.#options = options;
  }

  get(document: VersionedText): Briefing {
    const key = document.uri.toString();
    const cached = this.#cache.get(key);
    if (cached && cached.version === document.version && cached.generation === this.#generation) return cached.model;
    // The previous version's model lets a long document re-match only the lines that changed.
    const previous = cached && cached.generation === this.#generation ? cached.model : undefined;
    const model = parseBriefing(document.getText(), { ...this.#options(), incremental: true, previous });
    this.parseCount++;
    if (document.version >= 0) this.#cache.set(key, { version: document.version, generation: this.#generation, model });
    else this.#cache.delete(key);
    return model;
  }

  /** The cached model of a URI if it is current for that version, without parsing. */
  peek(uri: string, version: number): Briefing | undefined {
    const cached = this.#cache.get(uri);
    return cached && cached.version === version && cached.generation === this.#generation ? cached.model : undefined;
  }

  evict(uri: { toString(): string } | string): void {
    this.#cache.delete(uri.toString());
  }

  /** Forget the models `stale` picks (the rest stay current); returns how many. */
  invalidateWhere(stale: (model: Briefing) => boolean): number {
    let dropped = 0;
    for (const [key, entry] of this.#cache) {
      if (entry.generation !== this.#generation || !stale(entry.model)) continue;
      this.#cache.delete(key);
      dropped++;
    }
    return dropped;
  }

  /** Forget every model: the next `get` of each document parses again. */
  invalidate(): void {
    this.#generation++;
    this.#cache.clear();
  }

  get size(): number {
    return this.#cache.size;
  }
}
