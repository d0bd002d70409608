import type { DiagnosticSink } from '../model/diagnosticSink';

/** The Admiralty (NATO) grading of a source: how reliable the source is, A to F. */
export const RELIABILITY: Readonly<Record<string, string>> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

/** …and how credible what it says is, 1 to 6. */
export const CREDIBILITY: Readonly<Record<string, string>> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
};

/** What a grade means, in its scheme's words: `B2` → "usually reliable, probably true". */
export function gradeMeaning(grade: string): string {
  return `${RELIABILITY[grade[0]]}, ${CREDIBILITY[grade[1]]}`;
}

/** A letter and a digit in brackets, right after a source's label: `(B2)`. */
const GRADE = /^\(([A-Za-z])(\d)\)(?=\s|$)/;

/**
 * Reads the Admiralty code that starts a source entry's text (`(B2) Reuters, …`), written at
 * `at` in the document: the grade and the text after it. A code out of range (`(G7)`) is a
 * Warning and no grade, the text kept whole; one in small letters (`(b2)`) is that grade, with a
 * Warning whose fix writes it in capitals.
 */
export function readGrade(entryText: string, at: number, sink: DiagnosticSink): { grade: string | undefined; text: string } {
  const code = GRADE.exec(entryText);
  if (!code) return { grade: undefined, text: entryText };
  const [written, letter, digit] = code;
  const grade = `${letter.toUpperCase()}${digit}`;
  const end = at + written.length;
  if (RELIABILITY[grade[0]] === undefined || CREDIBILITY[digit] === undefined) {
    sink.add(at, end, 'warning', 'invalid-grade', `${written} is not an Admiralty code: reliability A to F, then credibility 1 to 6, as (B2)`);
    return { grade: undefined, text: entryText };
  }
  if (letter !== grade[0]) {
    sink.add(at, end, 'warning', 'invalid-grade', `An Admiralty code is written in capitals: (${grade})`, {
      title: `Write (${grade})`,
      edits: [{ start: at, end, newText: `(${grade})` }],
    });
  }
  return { grade, text: entryText.slice(written.length).trimStart() };
}
