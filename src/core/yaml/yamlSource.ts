import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type ParsedNode } from 'yaml';
import type { DiagnosticSink } from '../model/diagnosticSink';
import type { LineIndex } from '../text/lineIndex';
import { explainYamlErrors, type YamlMistake } from './yamlMistakes';

/** A YAML text inside a document: where it starts, and where its problems go. */
export interface YamlScope {
  readonly sink: DiagnosticSink;
  readonly lines: LineIndex;
  /** Offset of the YAML text in the document. */
  readonly base: number;
  /** The registry's URI or path; undefined for a briefing's front matter. */
  readonly source: string | undefined;
}

/** How every YAML text is parsed (exported for the benchmark, which times the same call). */
export const YAML_OPTIONS = Object.freeze({ prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });

/**
 * Parses YAML with the `yaml` package, reporting its errors and warnings at their exact positions;
 * the errors a common mistake accounts for are told in plain words, with their fix (yamlMistakes.ts).
 */
export function parseYaml(yamlText: string, scope: YamlScope): Document.Parsed {
  const document = parseDocument(yamlText, YAML_OPTIONS);
  const { mistakes, unexplained } = explainYamlErrors(yamlText, document.errors, (offset) => scope.lines.lineAt(scope.base + offset) + 1);
  for (const mistake of mistakes) reportMistake(mistake, scope);
  for (const error of unexplained) {
    const [start, end] = error.pos;
    scope.sink.add(scope.base + start, scope.base + Math.max(end, start + 1), 'error', 'yaml-error', `YAML: ${firstLine(error.message)}`);
  }
  for (const warning of document.warnings) {
    const [start, end] = warning.pos;
    scope.sink.add(scope.base + start, scope.base + Math.max(end, start + 1), 'warning', 'yaml-warning', `YAML: ${firstLine(warning.message)}`);
  }
  return document;
}

/** Reports a mistake found in a YAML text, at its place in the document. */
export function reportMistake(mistake: YamlMistake, scope: YamlScope): void {
  const { base } = scope;
  const fix = mistake.fix && { title: mistake.fix.title, edits: mistake.fix.edits.map((edit) => ({ start: base + edit.start, end: base + edit.end, newText: edit.newText })) };
  scope.sink.add(base + mistake.start, base + mistake.end, mistake.severity, mistake.code, mistake.message, fix);
  if (mistake.broken) scope.sink.quiet(base + mistake.broken[0], base + mistake.broken[1]);
}

function firstLine(message: string): string {
  return message.split(/\r?\n/, 1)[0].trim();
}

/** The document offsets of a node's value (without trailing comments). */
export function nodeSpan(node: Node | null | undefined, scope: YamlScope, fallback: number): [number, number] {
  const range = (node as ParsedNode | null | undefined)?.range;
  if (!range) return [fallback, fallback];
  return [scope.base + range[0], scope.base + range[1]];
}

export type ScalarValue = string | number | boolean | null;

/** A scalar's value, or undefined when the node is a collection or an alias. */
export function scalarValue(node: unknown): ScalarValue | undefined {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    if (typeof value === 'bigint') return value.toString();
    return String(value);
  }
  return undefined;
}

/** Reads a scalar as text: strings as they are, numbers and booleans as written; null for an empty value. */
export function scalarText(node: unknown): string | null | undefined {
  const value = scalarValue(node);
  if (value === undefined || value === null) return value;
  if (typeof value === 'string') return value;
  return isScalar(node) && node.source !== undefined ? String(node.source) : String(value);
}

/** Plain data of a node for keys the format does not define; aliases are not expanded. */
export function plainData(node: unknown): unknown {
  if (isMap(node)) {
    const result: Record<string, unknown> = {};
    for (const pair of node.items) result[String(scalarText(pair.key) ?? '')] = plainData(pair.value);
    return result;
  }
  if (isSeq(node)) return node.items.map(plainData);
  if (isAlias(node)) return `*${node.source}`;
  return scalarValue(node) ?? null;
}

/**
 * Plain text YAML would read as another type: a boolean, null, a number (hexadecimal, octal,
 * infinity and not-a-number among them). Such text is written quoted.
 */
const READ_AS_NOT_TEXT = /^(?:true|false|null|yes|no|on|off|~|[-+]?[\d.]+(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|[-+]?\.(?:inf|nan))$/i;

/**
 * A string as a YAML scalar: plain when YAML reads it back unchanged (in a block or in a flow
 * list: no `,`, brackets or braces), else double-quoted (JSON escapes are YAML's).
 */
export function yamlScalar(name: string): string {
  const plain =
    /^[\p{L}\p{N}_][\p{L}\p{N}\p{M}_ .'’()\-&/]*$/u.test(name) &&
    !/[ .]$/.test(name) &&
    // Its first character is a letter, digit or `_`, so `.inf` and `.nan` never reach this test.
    !READ_AS_NOT_TEXT.test(name);
  return plain ? name : JSON.stringify(name);
}

/**
 * A string as the value of a block mapping's key (`summary: …`): plain when YAML reads it back
 * unchanged there (commas and brackets inside are text), else double-quoted.
 */
export function yamlBlockScalar(text: string): string {
  const plain =
    text !== '' &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) &&
    !/\s$/.test(text) &&
    !/[\n\r\t]|: |:$| #/.test(text) &&
    // eslint-disable-next-line no-control-regex -- control characters are what a plain scalar cannot hold
    !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text) &&
    !READ_AS_NOT_TEXT.test(text);
  return plain ? text : JSON.stringify(text);
}

export { isAlias, isMap, isScalar, isSeq };
