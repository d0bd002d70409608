import { parsePiecesStepwise, registrySteps, type ParsedPieces, type Registry } from '../core';
import { TimeSlice } from './timeSlice';

/**
 * A large registry read without holding up the extension host: its entries' YAML parsed a slice
 * at a time, then its entries read and their names and aliases registered a slice at a time, from
 * those pieces (what `parseRegistry` does at once).
 */
export async function parseRegistryInSlices(text: string, source: string): Promise<Registry> {
  const pieces: ParsedPieces = new Map();
  const slice = new TimeSlice();
  for (const _piece of parsePiecesStepwise(text, pieces)) await slice.turn();
  const steps = registrySteps(text, source, { previous: pieces });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await slice.turn();
  }
}
