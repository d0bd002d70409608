import type { DiagnosticSink } from '../model/diagnosticSink';
import { TLP_LEVELS, type TlpLevel } from '../model/types';

/** Who may receive what a level marks, in FIRST's words, short. */
export const TLP_MEANINGS: Readonly<Record<TlpLevel, string>> = {
  CLEAR: 'disclosure is not limited',
  GREEN: 'limited disclosure: the recipients’ community',
  AMBER: 'limited disclosure: the recipients’ organizations and their clients, on a need-to-know basis',
  'AMBER+STRICT': 'limited disclosure: the recipients’ organizations only, on a need-to-know basis',
  RED: 'for the eyes and ears of the individual recipients only',
};

const isLevel = (text: string): text is TlpLevel => (TLP_LEVELS as readonly string[]).includes(text);

/**
 * Reads `tlp:`. A TLP 2.0 level as FIRST writes it is the level. A level written otherwise
 * (`amber`, `TLP:AMBER`, `AMBER + STRICT`) or TLP 1.0's `WHITE` (now `CLEAR`) is that level, with
 * a Warning whose quick fix writes it as TLP 2.0 does; anything else is a Warning, and no level:
 * a marking is never guessed.
 */
export function readTlp(written: string, span: readonly [number, number], sink: DiagnosticSink): TlpLevel | undefined {
  if (isLevel(written)) return written;
  let level = written
    .toUpperCase()
    .replace(/^TLP\s*[:\s]\s*/, '')
    .replace(/\s+/g, '');
  const white = level === 'WHITE';
  if (white) level = 'CLEAR';
  if (isLevel(level)) {
    const fix = { title: `Write ${level}`, edits: [{ start: span[0], end: span[1], newText: level }] };
    const message = white ? `'tlp' is TLP 2.0, where WHITE is now CLEAR` : `'tlp' is written ${level} in TLP 2.0, not '${written}'`;
    sink.add(span[0], span[1], 'warning', 'invalid-tlp', message, fix);
    return level;
  }
  sink.add(span[0], span[1], 'warning', 'invalid-tlp', `'tlp' must be a TLP 2.0 level: ${TLP_LEVELS.join(', ')}; not '${written}'`);
  return undefined;
}
