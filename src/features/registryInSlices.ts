import { parsePiecesStepwise, registrySteps, type ParsedPieces, type Registry, type Steps } from '../core';
import { TimeSlice } from './timeSlice';

/**
 * A large registry read without holding up the extension host: its entries' YAML parsed a slice
 * at a time, then its entries read and their names and aliases registered a slice at a time, from
 * those pieces (what `parseRegistry` does at once).
 */
export async function parseRegistryInSlices(text: string, source: string): Promise<Registry> {
  const pieces: ParsedPieces = new Map();
  const slice = new TimeSlice();
  await finishInSlices(parsePiecesStepwise(text, pieces), slice);
  return finishInSlices(registrySteps(text, source, { previous: pieces }), slice);
}

/** Runs the steps (as `finish` does) with the event loop given a turn whenever the slice is spent. */
async function finishInSlices<T>(steps: Steps<T>, slice: TimeSlice): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await slice.turn();
  }
}
