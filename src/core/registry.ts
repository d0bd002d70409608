import { DiagnosticSink } from './diagnostics';
import { readEntityList, type EntityDraft } from './entities';
import { LineIndex } from './lineIndex';
import { buildMatcher } from './terms';
import type { Diagnostic } from './types';
import { isMap, nodeSpan, parseYaml, scalarText, scalarValue, type YamlScope } from './yamlSource';

/** A workspace registry (`entities.yaml`, `*.entities.yaml`): actors and places shared by every briefing. */
export interface Registry {
  /** The registry's URI or path. */
  readonly source: string;
  readonly entities: readonly EntityDraft[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Whether a file name is a workspace registry's. */
export function isRegistryFileName(fileName: string): boolean {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return base === 'entities.yaml' || base.endsWith('.entities.yaml');
}

/**
 * A registry file that could not be read (permissions, a broken link, a folder by that name): it
 * contributes no entities, and says so where the user looks for problems rather than silently.
 */
export function unreadableRegistry(source: string, reason: string): Registry {
  const sink = new DiagnosticSink(new LineIndex(''));
  sink.add(0, 0, 'warning', 'registry-unreadable', `This registry could not be read (${reason}): its actors and places are not used until it can be`);
  return { source, entities: [], diagnostics: sink.sorted() };
}

/** Reads a registry. Never throws: problems are diagnostics, and the entities that could be read are kept. */
export function parseRegistry(text: string, source: string): Registry {
  const lines = new LineIndex(text);
  const sink = new DiagnosticSink(lines);
  const entities: EntityDraft[] = [];
  try {
    const scope: YamlScope = { sink, lines, base: 0, source };
    const document = parseYaml(text, scope);
    const contents = document.contents;
    if (isMap(contents)) {
      for (const pair of contents.items) {
        const key = scalarText(pair.key);
        const keySpan = nodeSpan(pair.key as never, scope, 0);
        if (key === 'actors') entities.push(...readEntityList(pair.value, keySpan, 'actor', scope));
        else if (key === 'places') entities.push(...readEntityList(pair.value, keySpan, 'place', scope));
        else sink.add(keySpan[0], keySpan[1], 'information', 'unknown-key', `Unknown key '${key ?? ''}' in a registry: only 'actors' and 'places' are read`);
      }
    } else if (scalarValue(contents) !== null && document.errors.length === 0) {
      sink.add(0, lines.lineEnd(0), 'error', 'front-matter-not-mapping', `A registry must be a YAML mapping with 'actors:' and 'places:' lists`);
    }
    buildMatcher(entities, sink, source);
  } catch (error) {
    sink.add(0, 0, 'error', 'yaml-error', `The registry could not be read: ${String(error)}`);
  }
  return { source, entities, diagnostics: sink.sorted() };
}
