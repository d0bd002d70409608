import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseBriefing, productOf, type Briefing, type Diagnostic, type ParseOptions, type Product } from '../../src/core';

/** The repository's root, from the bundled test in out/test/unit. */
export const repoRoot = path.resolve(__dirname, '../../..');

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** A briefing with the given front matter lines (without delimiters) and body lines. */
export function briefing(frontMatter: string[], ...body: string[]): string {
  return joinLines('---', ...frontMatter, '---', ...body);
}

export function parse(text: string, options?: ParseOptions): Briefing {
  return parseBriefing(text, options);
}

/** Mentions as `entity@line:character "text"`, 0-based, for compact assertions. */
export function mentionsOf(model: Briefing): string[] {
  return model.mentions.map((m) => `${m.entity.name}@${m.range.start.line}:${m.range.start.character} ${JSON.stringify(m.text)}`);
}

/** Diagnostics as `severity@line:character`, 1-based as editors show them. */
export function diagnosticsOf(model: Briefing): string[] {
  return model.diagnostics.map((d) => `${d.severity}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
}

/** The product of a briefing that publishes (the test fails when it is refused). */
export function productOfText(text: string, force = false, boldFirstMentions = false): Product {
  const outcome = productOf(parse(text), { force, boldFirstMentions });
  assert.ok('product' in outcome, `published: ${JSON.stringify(outcome)}`);
  return outcome.product;
}

export function onlyDiagnostic(model: Briefing): Diagnostic {
  assert.equal(model.diagnostics.length, 1, `expected one diagnostic, got ${JSON.stringify(model.diagnostics.map((d) => d.message))}`);
  return model.diagnostics[0];
}

export const KIM_AND_PUTIN = [
  'actors:',
  '  - name: Kim Jong Un',
  '    aliases: [Kim, North Korean leader]',
  '    type: person',
  '  - name: Vladimir Putin',
  '    aliases: [Putin]',
  'places:',
  '  - name: Vladivostok',
  '    country: Russia',
];
