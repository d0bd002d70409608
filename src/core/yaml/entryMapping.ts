import type { OffsetFix } from '../model/diagnosticSink';
import { isMap, nodeSpan, scalarText, scalarValue, yamlScalar, type YamlScope } from './yamlSource';

/**
 * `actors:` written as a mapping from names to their fields, as a YAML user writes a keyed list:
 *
 *     actors:                     actors:
 *       Kim Jong Un:         →      - name: Kim Jong Un
 *         role: Leader                role: Leader
 *
 * The fix writes each key as a `- name:` entry and moves its fields under it. Offered only when
 * the rewrite is certain: a block mapping whose values are block mappings (or empty) without a
 * `name` of their own, keys on lines of their own, fields on the lines below their key.
 */
export function mappingAsListFix(map: unknown, scope: YamlScope): OffsetFix | undefined {
  if (!isMap(map) || map.flow || map.items.length === 0) return undefined;
  const { lines } = scope;
  const edits: OffsetFix['edits'][number][] = [];
  for (const { key, value } of map.items) {
    const name = scalarText(key)?.trim();
    // An empty value is no node, or a scalar without a value.
    const fields = isMap(value) && !value.flow ? value : undefined;
    if (!name || !(fields || scalarValue(value) === null) || fields?.items.some((field) => scalarValue(field.key) === 'name')) return undefined;
    const [keyStart, keyEnd] = nodeSpan(key as never, scope, -1);
    const keyLine = lines.lineAt(keyStart);
    const indent = keyStart - lines.lineStart(keyLine);
    const colon = /^[ \t]*:/.exec(lines.text.slice(keyEnd, lines.lineEnd(keyLine)));
    if (!colon || lines.lineText(keyLine).slice(0, indent).trim()) return undefined;
    edits.push({ start: keyStart, end: keyEnd + colon[0].length, newText: `- name: ${yamlScalar(name)}` });
    if (!fields) continue;
    // The fields' lines move, as one block, to two columns right of the key, under `name`.
    const [start, end] = nodeSpan(fields, scope, -1);
    const firstLine = lines.lineAt(start);
    const shift = indent + 2 - (start - lines.lineStart(firstLine));
    if (firstLine <= keyLine) return undefined;
    // The span's end may be the next line's start: its last character is on the fields' last line.
    for (let line = firstLine; shift !== 0 && line <= lines.lineAt(end - 1); line++) {
      const at = lines.lineStart(line);
      const text = lines.lineText(line);
      if (text.trim() === '') continue;
      if (shift < 0 && !text.startsWith(' '.repeat(-shift))) return undefined;
      edits.push({ start: at, end: at + Math.max(0, -shift), newText: ' '.repeat(Math.max(0, shift)) });
    }
  }
  return { title: 'Make it a list of entries: - name: …', edits };
}
