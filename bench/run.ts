/**
 * `npm run bench`: the performance of the core on synthetic briefings, against peers on the
 * same text in the same run, and the budgets it must meet (`npm run bench -- --check`).
 * Writes bench/results.json and prints a table.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AhoCorasick from 'modern-ahocorasick';
import MarkdownIt from 'markdown-it';
import { parseDocument } from 'yaml';
import {
  clearParseCaches,
  importStix,
  isoCountries,
  LineIndex,
  linkGraph,
  parseBriefing,
  parseRegistry,
  pictureEvents,
  stixBundle,
  stixToJson,
  timelinePicture,
  type Briefing,
  type TimelineEvent,
} from '../src/core';
import { DiagnosticSink } from '../src/core/model/diagnosticSink';
import { readYamlMapping } from '../src/core/yaml/yamlMapping';
import { completionContext, entityCompletions } from '../src/core/language/completion';
import { hoverMarkdown } from '../src/core/language/hover';
import { sameInActorsView } from '../src/core/language/actorRows';
import { entityAt } from '../src/core/language/lookup';
import { TermMatcher } from '../src/core/match/matcher';
import { YAML_OPTIONS } from '../src/core/yaml/yamlSource';
import { encodeSemanticTokens } from '../src/core/language/semanticTokens';
import { buildTimeline, collectEvents, sameTimeline } from '../src/core/language/timeline';
import { BAD_INPUTS } from './badInput';
import { makeHeldOut, makeLarge, makeMedium, makeWorkspace } from './generate';
import { measureFreshExport } from './freshProcess';
import { revealLineTarget } from '../src/features/commandLinks';
import { format, measure, measureBeyond, type Timing } from './measure';

const repoRoot = path.resolve(__dirname, '../..');
const check = process.argv.includes('--check');

interface Row {
  readonly name: string;
  readonly timing?: Timing;
  readonly value?: string;
}
const rows: Row[] = [];
const results: Record<string, unknown> = {};
const note = (name: string, timing: Timing) => {
  rows.push({ name, timing });
  results[name] = { medianMs: timing.median, minMs: timing.min, maxMs: timing.max, runs: timing.runs, spread: timing.spread };
  return timing.median;
};
const benchStart = performance.now();
const log = (text: string) => process.stderr.write(`[${((performance.now() - benchStart) / 1000).toFixed(1)} s] ${text}\n`);

// ---- Corpora -------------------------------------------------------------------------------
log('generating the corpora…');
const sample = fs.readFileSync(path.join(repoRoot, 'samples/vladivostok-summit.briefing'), 'utf8');
const medium = makeMedium().text;
const large = makeLarge();
let xl: string | undefined = makeLarge(10, 4).text;
const workspace = makeWorkspace();
const sizes = { S: sample.length, M: medium.length, L: large.text.length, XL: xl!.length, W: workspace.briefings.reduce((sum, text) => sum + text.length, 0) };

// ---- Parsing --------------------------------------------------------------------------------
log('parsing…');
note(
  'parse S (sample)',
  measure(() => parseBriefing(sample)),
);
note(
  'parse M (100 KB)',
  measure(() => parseBriefing(medium)),
);
const parseL = note(
  'parse L (1 MB), cold: no cache',
  measure(
    () => {
      clearParseCaches();
      return parseBriefing(large.text);
    },
    { minRuns: 10, budgetMs: 4000 },
  ),
);
// What a cold parse spends in the `yaml` package: the same call, on L's front matter alone.
const frontMatterL = (() => {
  const { contentRange } = parseBriefing(large.text).frontMatter!;
  return large.text.slice(contentRange.startOffset, contentRange.endOffset);
})();
const frontMatterLines = new LineIndex(frontMatterL);
const readFrontMatterYaml = (whole: boolean) =>
  readYamlMapping(frontMatterL, { sink: new DiagnosticSink(frontMatterLines), lines: frontMatterLines, base: 0, source: undefined }, { whole });
// The rows a budget holds are measured by a function each, so that a budget that fails is
// measured again (a fresh run) before it is reported as failed: one slow spell of the machine
// fails no budget, and a budget is never loosened to pass one.
const measureFrontMatterRead = () => measure(() => readFrontMatterYaml(false), { minRuns: 10, budgetMs: 3000 });
const measureYamlWhole = () => measure(() => parseDocument(frontMatterL, YAML_OPTIONS), { minRuns: 10, budgetMs: 3000 });
const frontMatterReadL = note(`  of which: the yaml package reading L's front matter (${(frontMatterL.length / 1024).toFixed(0)} KB) in pieces`, measureFrontMatterRead());
const yamlWholeL = note('  for comparison: the yaml package reading it whole', measureYamlWhole());
// The cold parse less the `yaml` package's own parse of the same front matter (issue 34's
// decision), in paired runs: each cold parse timed beside a parse of the front matter alone.
const measureColdBeyondYaml = () =>
  measureBeyond(
    () => {
      clearParseCaches();
      return parseBriefing(large.text);
    },
    () => parseDocument(frontMatterL, YAML_OPTIONS),
    { minRuns: 15, budgetMs: 5000 },
  );
const coldBeyondYaml = note("  the cold parse of L beyond the yaml package's parse of its front matter (paired runs)", measureColdBeyondYaml());
const measureParseLWarm = () => measure(() => parseBriefing(large.text), { minRuns: 15, budgetMs: 3000 });
const parseLWarm = note('parse L (1 MB), front matter cached', measureParseLWarm());
note(
  'parse XL (10 MB)',
  measure(() => parseBriefing(xl!), { warmup: 1, minRuns: 3, maxRuns: 5 }),
);
const editAt = (at: number) => `${large.text.slice(0, at)}x${large.text.slice(at + 1)}`;
const frontMatterEnd = large.text.indexOf('\n---\n', 3);
// As the editor does it: the document's previous model is at hand, parsed as an open document is
// (keeping what the next version reuses), after the front matter was read for the first time.
clearParseCaches();
const beforeEdit = parseBriefing(large.text, { incremental: true });
const reparseAfter = (edited: string, frontMatterEdited = true) =>
  measure(
    () => {
      // Each run must read an edited front matter as the first time, not from the cache of the run before.
      if (frontMatterEdited) clearParseCaches();
      return parseBriefing(edited, { incremental: true, previous: beforeEdit });
    },
    { minRuns: 15, budgetMs: 3000 },
  );
const reparse = note('re-parse L after a one-character edit in the body', reparseAfter(editAt(large.text.indexOf('\n- ', large.text.length / 2) + 5), false));
const reparseSummary = note(
  "re-parse L after a one-character edit in an entry's summary (front matter)",
  reparseAfter(editAt(large.text.indexOf('summary: ', frontMatterEnd / 2) + 12)),
);
const reparseName = note(
  "re-parse L after a one-character edit in an entry's name (front matter)",
  reparseAfter(editAt(large.text.indexOf('  - name: ', frontMatterEnd / 2) + 12)),
);
// Not a one-character edit, so no budget: what "Register Selection as Actor" does, a new entry at
// the end of the actors, before the places (whose indices all move).
const placesKey = large.text.indexOf('\nplaces:\n') + 1;
note('re-parse L after a new actor is added (front matter)', reparseAfter(`${large.text.slice(0, placesKey)}  - name: Newly Registered\n${large.text.slice(placesKey)}`));

// ---- Bad input: time grows with the text ----------------------------------------------------
log('bad input…');
/**
 * Each hostile body parsed at a size and at ten times it: the time's growth divided by the
 * text's (1 when linear, about 10 for a quadratic corner). The fastest of the runs, as a pause
 * of the machine only ever adds time.
 */
const growths: { name: string; growth: number }[] = [];
for (const input of BAD_INPUTS) {
  const small = `---\nactors: [Kim Jong Un, Kim]\n---\n${input.make(input.size)}`;
  const big = `---\nactors: [Kim Jong Un, Kim]\n---\n${input.make(input.size * 10)}`;
  const fastest = (text: string) => measure(() => parseBriefing(text), { warmup: 1, minRuns: 3, maxRuns: 10, budgetMs: 1000 }).min;
  const [smallMs, bigMs] = [fastest(small), fastest(big)];
  const growth = bigMs / Math.max(smallMs, 0.05) / (big.length / small.length);
  growths.push({ name: input.name, growth });
  rows.push({
    name: `bad input: ${input.name}, ×1 → ×10 (${(small.length / 1024).toFixed(0)} KB → ${(big.length / 1024).toFixed(0)} KB)`,
    value: `${format(smallMs)} → ${format(bigMs)}, growth ${growth.toFixed(2)}`,
  });
  results[`bad input: ${input.name}`] = { smallMs, bigMs, smallBytes: small.length, bigBytes: big.length, growth };
}

const modelL: Briefing = parseBriefing(large.text);
const xlErrors = parseBriefing(xl).diagnostics.filter((d) => d.severity === 'error').length;
// XL is done with: let the collector have it before the workspace is measured.
xl = undefined;

// ---- Editor features from the cached model ------------------------------------------------
log('features…');
const tokens = note(
  'semantic tokens of L (cached model)',
  measure(() => encodeSemanticTokens(modelL), { minRuns: 20 }),
);
const mention = modelL.mentions[Math.floor(modelL.mentions.length / 2)];
const hoverOffset = mention.range.startOffset + 1;
const hover = note(
  'hover in L',
  measure(
    () => {
      const found = entityAt(modelL, hoverOffset)!;
      return hoverMarkdown(modelL, found.entity, 'file:///l.briefing', revealLineTarget);
    },
    { minRuns: 50 },
  ),
);
// As after an edit: the first hover on a model just parsed, whose mention objects are not made yet.
const firstHover = note(
  'hover in L, the first on a new model',
  measure(
    (fresh: Briefing) => {
      const found = entityAt(fresh, hoverOffset)!;
      return hoverMarkdown(fresh, found.entity, 'file:///l.briefing', revealLineTarget);
    },
    { minRuns: 20, budgetMs: 2000, setup: () => parseBriefing(large.text) },
  ),
);
const definition = note(
  'definition in L',
  measure(() => entityAt(modelL, hoverOffset)?.entity.definition, { minRuns: 50 }),
);
const completionOffset = mention.range.startOffset + 2;
const completion = note(
  'completion in L',
  measure(
    () => {
      const context = completionContext(modelL, completionOffset);
      return context.kind === 'entity' ? entityCompletions(modelL) : [];
    },
    { minRuns: 50 },
  ),
);
// On a model just parsed, as after an edit: what events make when first read is counted.
// After an edit, the views check whether what they show changed before VS Code is sent 6,000
// items again: a line of prose typed in the body, on two models just parsed (as in the editor).
const proseEdited = editAt(large.text.indexOf('\n- ', large.text.length / 2) - 2);
const timelineOf = (model: Briefing) =>
  buildTimeline(collectEvents([{ source: 'file:///l.briefing', label: 'l.briefing', briefing: model }]), { order: 'chronological', grouping: 'none' });
note(
  "views' check after a prose edit in L: events and Actors unchanged? (new models each run, ten entities expanded)",
  measure(
    ([before, after]: Briefing[]) => {
      const expanded = new Set(before.entities.slice(0, 10).map((entity) => entity.id));
      if (!sameTimeline(timelineOf(before), timelineOf(after)) || !sameInActorsView(before, after, (entity) => expanded.has(entity.id)))
        throw new Error('a prose edit changed what the views show');
    },
    { minRuns: 20, budgetMs: 2000, setup: () => [parseBriefing(large.text), parseBriefing(proseEdited)] },
  ),
);
const tree = note(
  'events tree of L (a new model each run)',
  measure(
    (fresh: Briefing) => buildTimeline(collectEvents([{ source: 'file:///l.briefing', label: 'l.briefing', briefing: fresh }]), { order: 'chronological', grouping: 'none' }),
    { minRuns: 20, budgetMs: 2000, setup: () => parseBriefing(large.text) },
  ),
);

// The picture's data beyond what the Events view has built (its events, shared with the panel):
// the events as plain data for the page's message, and the picture's items and lanes.
const timelineData = note(
  'timeline picture data of L, lanes by actor (the events as the Events view built them; a new model each run)',
  measure((events: TimelineEvent[]) => timelinePicture(pictureEvents(events), 'actor'), {
    minRuns: 20,
    budgetMs: 2000,
    // The parse's garbage is collected before the run is timed: the run pays for its own work only
    // (the collections it caused had made the spread of this row 40–90 %).
    setup: () => {
      const events = collectEvents([{ source: 'file:///l.briefing', label: 'l.briefing', briefing: parseBriefing(large.text) }]);
      (globalThis as { gc?: () => void }).gc?.();
      return events;
    },
  }),
);

// The link chart's data: nodes, relations, and the pairs of entities that share events.
const graphData = note(
  'link graph data of L: nodes, relations, shared events weighed (a new model each run)',
  measure((fresh: Briefing) => linkGraph([{ source: 'L', briefing: fresh }]), {
    minRuns: 20,
    budgetMs: 2000,
    setup: () => {
      const fresh = parseBriefing(large.text);
      (globalThis as { gc?: () => void }).gc?.();
      return fresh;
    },
  }),
);

// ---- STIX 2.1 ------------------------------------------------------------------------------
log('STIX export and import…');
// L with a TLP, so that every object carries its markings as a real briefing's would.
const largeWithTlp = large.text.replace('classification: UNCLASSIFIED', 'classification: UNCLASSIFIED\ntlp: AMBER');
const stixExport = note(
  'STIX 2.1 export of L: the bundle as JSON text (the model given, as the editor has it)',
  measure((fresh: Briefing) => stixToJson(stixBundle([{ file: 'l.briefing', text: largeWithTlp, briefing: fresh }], { countries: isoCountries() })), {
    minRuns: 10,
    budgetMs: 3000,
    setup: () => {
      const fresh = parseBriefing(largeWithTlp);
      (globalThis as { gc?: () => void }).gc?.();
      return fresh;
    },
  }),
);
// 10,000 objects: L's own export, and objects of a platform's (indicators, with no place in a briefing) to make up the count.
const stixBundle10k = (() => {
  const bundle = stixBundle([{ file: 'l.briefing', text: largeWithTlp, briefing: parseBriefing(largeWithTlp) }], { countries: isoCountries() });
  const foreign = Array.from({ length: 10_000 - bundle.objects.length }, (_, index) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    created: '2023-11-13T00:00:00.000Z',
    modified: '2023-11-13T00:00:00.000Z',
    name: `Indicator ${index}`,
    pattern: `[ipv4-addr:value = '10.0.${index >> 8}.${index & 255}']`,
    pattern_type: 'stix',
    valid_from: '2023-11-13T00:00:00Z',
  }));
  const report = bundle.objects.find((object) => object.type === 'report')!;
  (report.object_refs as string[]).push(...foreign.map((object) => object.id));
  return stixToJson({ ...bundle, objects: [...bundle.objects, ...foreign] });
})();
const stixImport = note(
  "STIX 2.1 import of a 10,000-object bundle (L exported, and indicators): JSON text to the briefing's text",
  measure(
    () => {
      const imported = importStix(stixBundle10k, isoCountries());
      if (!imported.ok) throw new Error(imported.message);
      return imported.briefings;
    },
    { minRuns: 5, budgetMs: 5000 },
  ),
);

// ---- The workspace -------------------------------------------------------------------------
log('workspace of 1,000 briefings…');
(globalThis as { gc?: () => void }).gc?.();
const indexW = note(
  'workspace index + merged chronology of W',
  measure(
    () => {
      const registries = [parseRegistry(workspace.registry, 'entities.yaml')];
      const models = workspace.briefings.map((text, index) => ({
        source: `file:///w/${index}.briefing`,
        label: `${index}.briefing`,
        briefing: parseBriefing(text, { registries }),
      }));
      return buildTimeline(collectEvents(models), { order: 'chronological', grouping: 'none' });
    },
    { warmup: 1, minRuns: 3, maxRuns: 5, collectBetweenRuns: true },
  ),
);

// ---- Peers on the same text ---------------------------------------------------------------
log('peers…');
const bodyL = large.text.slice(modelL.bodyStartOffset);
const terms = large.entities.flatMap((entity) => [entity.name, ...entity.aliases]);
const markdownIt = new MarkdownIt();
const measureMarkdownIt = () => measure(() => markdownIt.parse(bodyL, {}), { minRuns: 10, budgetMs: 4000 });
const mdParse = note("peer: markdown-it parse of L's body", measureMarkdownIt());
const byLength = [...terms].sort((a, b) => b.length - a.length);
const escapeRegExp = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const countMatches = (pattern: RegExp) => {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(bodyL)) count++;
  return count;
};
// As highlight-word extensions do: the names escaped and joined, longest first, with word boundaries.
const alternation = new RegExp(`\\b(?:${byLength.map(escapeRegExp).join('|')})\\b`, 'g');
const measureAlternation = () => measure(() => countMatches(alternation), { minRuns: 5, budgetMs: 4000 });
const regexMatch = note('peer: one RegExp alternation of every name and alias', measureAlternation());
// Our rule that a space in a name matches any run of spaces and tabs, written into the same
// alternation (`[ \t]+`), takes it from milliseconds to seconds in V8: timed for comparison, no budget.
const flexibleAlternation = new RegExp(`\\b(?:${byLength.map((term) => escapeRegExp(term).replace(/ /g, '[ \\t]+')).join('|')})\\b`, 'g');
note(
  'peer: the same alternation with our flexible spaces ([ \\t]+ between words)',
  measure(() => countMatches(flexibleAlternation), { warmup: 0, minRuns: 1, maxRuns: 1 }),
); // one run: it takes many seconds
const ahoCorasick = new AhoCorasick(terms);
const acMatch = note(
  'peer: modern-ahocorasick, leftmost-longest, no boundary rule',
  measure(() => ahoCorasick.search(bodyL, { strategy: 'leftmost-longest' }).length, { minRuns: 5, budgetMs: 4000 }),
);
// Its own boundary rule (`boundary: 'unicode'`, ours in spirit) costs more than the text's length
// can explain: timed on a tenth of the body, once.
const ahoCorasickBounded = new AhoCorasick(terms, { boundary: 'unicode' });
const bodyTenth = bodyL.slice(0, bodyL.indexOf('\n', bodyL.length / 10));
note(
  `peer: the same with its Unicode boundary rule, on a tenth of the body (${(bodyTenth.length / 1024).toFixed(0)} KB)`,
  measure(() => ahoCorasickBounded.search(bodyTenth, { strategy: 'leftmost-longest' }).length, { warmup: 0, minRuns: 1, maxRuns: 1 }),
);
const ourMatcher = new TermMatcher();
terms.forEach((term, index) => ourMatcher.add(term, index));
const ours = note(
  'ours: the trie matcher alone (our rules: Unicode boundaries, flexible spaces)',
  measure(
    () => {
      let count = 0;
      ourMatcher.findAll(bodyL, 0, bodyL.length, [], () => count++);
      return count;
    },
    { minRuns: 10 },
  ),
);
const measureFloor = () =>
  measure(
    () => {
      let sum = 0;
      for (let i = 0; i < bodyL.length; i++) sum = (sum + bodyL.charCodeAt(i)) | 0;
      return sum;
    },
    { minRuns: 20 },
  );
const floor = note("floor: one charCodeAt pass over L's body", measureFloor());

// ---- The bundle ----------------------------------------------------------------------------
log('bundle and activation…');
const bundle = path.join(repoRoot, 'dist/extension.js');
const bundleBytes = fs.statSync(bundle).size;
/** require + activate in fresh processes: their median (what the budget holds) and their fastest. */
const ACTIVATION_PROCESSES = 11;
const measureActivation = () => {
  const times = Array.from({ length: ACTIVATION_PROCESSES }, () => {
    const child = spawnSync(process.execPath, [path.join(__dirname, 'activate.js'), bundle], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`activation failed: ${child.stderr}`);
    const { requireMs, activateMs } = JSON.parse(child.stdout) as { requireMs: number; activateMs: number };
    return requireMs + activateMs;
  }).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0] };
};
const activationRun = measureActivation();
const activation = activationRun.median;
rows.push({ name: 'extension bundle (minified)', value: `${(bundleBytes / 1024).toFixed(1)} KB` });
// The timeline's page: loaded only when the picture opens, so it has no budget of the extension's.
const timelinePage = ['js', 'css'].map((extension) => fs.statSync(path.join(repoRoot, `dist/webview/timeline.${extension}`)).size);
rows.push({
  name: 'timeline webview bundle (minified: script + stylesheet), loaded when the picture opens',
  value: `${(timelinePage[0] / 1024).toFixed(0)} KB + ${(timelinePage[1] / 1024).toFixed(0)} KB`,
});
results.timelinePageBytes = timelinePage[0] + timelinePage[1];
const chartPage = ['js', 'css'].map((extension) => fs.statSync(path.join(repoRoot, `dist/webview/linkChart.${extension}`)).size);
rows.push({
  name: 'link chart webview bundle (minified: script + stylesheet), loaded when the chart opens',
  value: `${(chartPage[0] / 1024).toFixed(0)} KB + ${(chartPage[1] / 1024).toFixed(0)} KB`,
});
rows.push({
  name: 'on-demand bundle (commands run on request, the link chart panel), loaded when first used',
  value: `${(fs.statSync(path.join(repoRoot, 'dist/onDemand.js')).size / 1024).toFixed(1)} KB`,
});
rows.push({ name: `require + activate (median of ${ACTIVATION_PROCESSES} fresh processes; the fastest)`, value: `${format(activation)} (${format(activationRun.min)})` });
results.bundleBytes = bundleBytes;
results.activationMs = activation;

// ---- A fresh `briefing export` (issue 34) ----------------------------------------------------
log('a fresh `briefing export` against a fresh markdown-it + yaml process…');
const freshFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-fresh-'));
const heldOut = path.join(freshFolder, 'held-out.briefing');
fs.writeFileSync(heldOut, makeHeldOut().text);
const FRESH_PAIRS = 11;
const measureFresh = () =>
  measureFreshExport({ cli: path.join(repoRoot, 'dist/cli.js'), baseline: path.join(__dirname, 'coldBaseline.js'), briefing: heldOut, folder: freshFolder, pairs: FRESH_PAIRS });
const freshRun = measureFresh();
const freshName = (side: string) => `a new process on the held-out 1 MB briefing (116 KB of front matter), ${side} (${FRESH_PAIRS} alternating pairs)`;
note(freshName('`briefing export` to a file'), freshRun.export);
note(freshName('the peer: the yaml package on its front matter and markdown-it on its body'), freshRun.baseline);

// ---- Publishing (issue 35) -------------------------------------------------------------------
log('publishing L as a page and as a Word document…');
const publishChild = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'publish.js')], { encoding: 'utf8', maxBuffer: 1 << 20 });
if (publishChild.status !== 0) throw new Error(`bench/publish failed: ${publishChild.stderr}`);
const published = JSON.parse(publishChild.stdout) as { page: Timing; word: Timing };
const publishPage = note('publish L as a printable page from its model, as the editor does (the product, then the page)', published.page);
const publishWord = note('publish L as a Word document from its model, as the editor does (the product, then the .docx)', published.word);
// `briefing publish` in a new process: a cold start, a cold parse of L, the writers' bundle read.
const freshLarge = path.join(freshFolder, 'large.briefing');
fs.writeFileSync(freshLarge, large.text);
const freshPublish = (format: 'html' | 'docx') =>
  measure(
    () => {
      const child = spawnSync(
        process.execPath,
        [path.join(repoRoot, 'dist/cli.js'), 'publish', freshLarge, '--format', format, '--out', path.join(freshFolder, `large.${format}`)],
        { encoding: 'utf8' },
      );
      if (child.status !== 0) throw new Error(`briefing publish --format ${format} failed: ${child.stderr}`);
    },
    { warmup: 1, minRuns: 5, budgetMs: 0 },
  );
note('a new process: `briefing publish` of L as a page, to a file', freshPublish('html'));
note('a new process: `briefing publish` of L as a Word document, to a file', freshPublish('docx'));

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { activationEvents?: string[] };
const eagerActivation = (manifest.activationEvents ?? []).filter((event) => event === '*' || event === 'onStartupFinished');

interface MemoryUse {
  readonly peakRssMb: number;
  readonly heapUsedMb: number;
}
const MEMORY_RUNS = 3;
/**
 * The median of three fresh processes by peak RSS: one run of L once peaked at twice what ten
 * others gave, and the budget's row should not rest on one process.
 */
const memory = (scenario: string): MemoryUse => {
  const runs = Array.from({ length: MEMORY_RUNS }, () => {
    const child = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'memory.js'), scenario], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`memory ${scenario} failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as MemoryUse;
  });
  return runs.sort((a, b) => a.peakRssMb - b.peakRssMb)[Math.floor(MEMORY_RUNS / 2)];
};
const memoryL = memory('L');
const memoryW = memory('W');
rows.push({ name: `peak memory, L (process RSS, median of ${MEMORY_RUNS} processes)`, value: `${memoryL.peakRssMb.toFixed(0)} MB (heap ${memoryL.heapUsedMb.toFixed(0)} MB)` });
rows.push({ name: `peak memory, W (process RSS, median of ${MEMORY_RUNS} processes)`, value: `${memoryW.peakRssMb.toFixed(0)} MB (heap ${memoryW.heapUsedMb.toFixed(0)} MB)` });
results.memory = { L: memoryL, W: memoryW };

// ---- Budgets -------------------------------------------------------------------------------
interface Budget {
  readonly name: string;
  actual: number;
  readonly limit: number;
  readonly unit: string;
  /** Measures it again: a budget that fails is retried once, and the retry decides. */
  readonly retry?: () => number;
  /** The first measure, when it failed and was retried. */
  first?: number;
}
/** A row's median, and how to measure it again. */
type Measured = readonly [median: number, again: () => Timing];

/** A budget on the ratio of two rows of one run; measured again, both rows fresh, when it fails. */
function ratioBudget(name: string, limit: number, [numerator, measureNumerator]: Measured, [denominator, measureDenominator]: Measured): Budget {
  return { name, actual: numerator / denominator, limit, unit: '×', retry: () => measureNumerator().median / measureDenominator().median };
}
/**
 * Budgets on the figures of a run made once, in processes of its own (W10k, the pictures): when
 * one fails, the whole run is made again, once for all of its budgets, and that second run decides
 * (kept in the results as `<key>Again`).
 */
function onceRunBudgets<R>(label: string, key: string, first: () => R, again: () => R) {
  let second: R | undefined;
  return (name: string, figure: (run: R) => number, limit: number, unit = 'ms'): Budget => ({
    name,
    actual: figure(first()),
    limit,
    unit,
    retry: () => {
      if (second === undefined) {
        log(`${label}: measured again…`);
        results[`${key}Again`] = second = again();
      }
      return figure(second);
    },
  });
}
const REFRESH_DELAY_MS = 300;
// ---- A team's 10,000 briefings (--w10k) -------------------------------------------------------
// Written to a temporary folder (about 200 MB), then read in processes of their own: every file
// parsed whole (the index as it was: the baseline), the extension's index as it is, and the
// command-line program in a new process, as CI runs it.
interface CliRun {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly outputMb: number;
}
interface W10kRun {
  readonly files: number;
  readonly megabytes: number;
  readonly parsedMs: number;
  readonly firstHundredMs: number;
  readonly chronologyMs: number;
  readonly events: number;
  readonly longestBlockMs: number;
  readonly peakRssMb: number;
  readonly cli: { readonly check: CliRun; readonly events: CliRun; readonly checkShard: CliRun };
  /** How late a timer fires in a process that does nothing else, the machine quiet and then another process reading as the index does: bench/timerFloor.ts. */
  readonly timerFloor: Record<'quiet' | 'loaded', { readonly timers: number; readonly maxMs: number; readonly p99Ms: number }>;
  /** The extension's workspace index (its code, over Node's file system) on the same folder: bench/indexW10k.ts. */
  readonly index: {
    readonly registryMs: number;
    readonly registryBlockMs: number;
    readonly registryTermsMs: number;
    readonly answeredMs: number;
    readonly longestBlockMs: number;
    readonly longestHoverMs: number;
    /** Calls of `vscode.workspace.fs` while the files were read (each a trip to the window and back, in VS Code). */
    readonly workspaceFsCalls: number;
    readonly heapAfterMb: number;
    readonly peakRssMb: number;
    readonly symbolsMs: number;
    readonly changeMs: number;
    readonly chronology: {
      readonly ms: number;
      readonly months: number;
      readonly biggestMonth: number;
      readonly expandMs: number;
      readonly textMs: number;
      readonly actorMs: number;
      readonly tagMs: number;
    };
  };
}
/** One run of W10k: the folder written, the index and the command-line program over it, in processes of their own. */
function runW10k(): W10kRun {
  const child = spawnSync(process.execPath, [path.join(__dirname, 'w10k.js')], { encoding: 'utf8', timeout: 20 * 60 * 1000, maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`the W10k bench failed: ${child.stderr.slice(-3000)}`);
  return JSON.parse(child.stdout) as W10kRun;
}
let w10k: W10kRun | undefined;
const w10kBudget = onceRunBudgets('W10k', 'w10k', () => w10k!, runW10k);
if (process.argv.includes('--w10k')) {
  log("W10k: a team's 10,000 briefings…");
  w10k = runW10k();
  results.w10k = w10k;
  rows.push({
    name: `W10k (${w10k.files} briefings, ${w10k.megabytes.toFixed(0)} MB, a registry of 20,000 entities): every file read and parsed whole, today's index (one run)`,
    value: `${(w10k.parsedMs / 1000).toFixed(1)} s (the first 100 files: ${w10k.firstHundredMs.toFixed(0)} ms)`,
  });
  rows.push({ name: `W10k: the merged chronology of its ${w10k.events} events (one run)`, value: format(w10k.chronologyMs) });
  rows.push({ name: 'W10k: the longest time the event loop was blocked meanwhile', value: format(w10k.longestBlockMs) });
  rows.push({ name: 'W10k: peak memory (process RSS)', value: `${w10k.peakRssMb.toFixed(0)} MB` });
  const { index } = w10k;
  rows.push({
    name: "W10k, the extension's index: the registry of 20,000 entities read in slices, as the extension reads a long one / its longest block / the first briefing's parse after it",
    value: `${format(index.registryMs)} / ${format(index.registryBlockMs)} / ${format(index.registryTermsMs)}`,
  });
  rows.push({ name: "W10k, the extension's index: the first request answered, every file read as a summary (one run)", value: `${(index.answeredMs / 1000).toFixed(1)} s` });
  rows.push({
    name: '… meanwhile: calls of `vscode.workspace.fs` (in VS Code, a trip to the window and back each; local files are read with Node’s)',
    value: `${index.workspaceFsCalls}`,
  });
  rows.push({
    name: '… meanwhile: the longest block of the event loop / the longest a hover waited and took',
    value: `${index.longestBlockMs.toFixed(0)} ms / ${index.longestHoverMs.toFixed(0)} ms`,
  });
  const { quiet, loaded } = w10k.timerFloor;
  rows.push({
    name: "… the machine's floor: how late a 20 ms timer fired in an idle process, the machine quiet / while another process read 3,000 of the files as the index does (the longest; 99th percentile)",
    value: `${quiet.maxMs.toFixed(1)} ms (${quiet.p99Ms.toFixed(1)}) / ${loaded.maxMs.toFixed(1)} ms (${loaded.p99Ms.toFixed(1)})`,
  });
  rows.push({
    name: '… the summaries held (heap after a full GC) / the peak memory of the process',
    value: `${index.heapAfterMb.toFixed(0)} MB / ${index.peakRssMb.toFixed(0)} MB`,
  });
  rows.push({ name: 'W10k: a file changed on disk, read again / Go to Symbol over every summary', value: `${index.changeMs.toFixed(1)} ms / ${index.symbolsMs.toFixed(0)} ms` });
  const { chronology } = index;
  rows.push({
    name: `W10k: the Events view's long chronology, years of ${chronology.months} months built (every event filed in its month, none made)`,
    value: format(chronology.ms),
  });
  rows.push({ name: `W10k: its largest month (${chronology.biggestMonth} events) expanded: sorted, its rows made`, value: format(chronology.expandMs) });
  rows.push({
    name: 'W10k: the filter over every event: text / actor / tag',
    value: `${chronology.textMs.toFixed(0)} / ${chronology.actorMs.toFixed(0)} / ${chronology.tagMs.toFixed(0)} ms`,
  });
  for (const [run, name] of [
    ['check', "`briefing check '**/*.briefing' -e entities.yaml` (every core)"],
    ['events', "`briefing events '**/*.briefing' -e entities.yaml` (every core)"],
    ['checkShard', '`briefing check … --shard 1/2` (one runner of a matrix of two)'],
  ] as const) {
    const { ms, peakRssMb, outputMb } = w10k.cli[run];
    rows.push({ name: `W10k: ${name}, a new process (one run)`, value: `${(ms / 1000).toFixed(1)} s, peak ${peakRssMb.toFixed(0)} MB, ${outputMb.toFixed(0)} MB printed` });
  }
}

// ---- The pictures in the real UI (--views) ---------------------------------------------------
interface ViewsRun {
  readonly drawn: number;
  readonly firstOpenMs: number;
  readonly openMs: number;
  /** When the page's script ran, its data came and the picture was drawn, in ms after the command (settled). */
  readonly openSteps: { readonly ready?: number; readonly data?: number; readonly drawn?: number };
  /** The lanes it opened with (L has a thousand actors: one lane), and the time to draw lanes by actor when chosen. */
  readonly lanes: string;
  readonly byActorMs: number;
  readonly editMs: number;
  readonly redrawMs: number;
  /** The link chart: of L from the command, redrawn after an edit that changes a count (less the pause), of the sample from the command. */
  readonly chart: { readonly nodes: number; readonly shown: number; readonly ms: number; readonly redrawMs: number; readonly sampleMs: number };
  /** The map of L (its places in real countries) from the command. */
  readonly map: { readonly regions: number; readonly points: number; readonly firstMs: number; readonly ms: number };
  /** The timeline's window set by hand, the three pictures side by side: each redrawn, in ms after the Enter; then moved in the timeline's page (a zoom key), the chart and the map redrawn after the timeline moved. */
  readonly window: { readonly text: string; readonly timelineMs: number; readonly chartMs: number; readonly mapMs: number; readonly refilterMs: number };
}
/** One run of the pictures in the real UI, in a process of its own (a new VS Code). */
function runViews(): ViewsRun {
  const child = spawnSync(process.execPath, [path.join(__dirname, 'views.js')], { encoding: 'utf8', timeout: 10 * 60 * 1000 });
  if (child.status !== 0) throw new Error(`the views bench failed: ${child.stderr.slice(-3000)}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ViewsRun;
}
let views: ViewsRun | undefined;
const viewsBudget = onceRunBudgets('the pictures', 'views', () => views!, runViews);
if (process.argv.includes('--views')) {
  log('the timeline, the link chart and the map of L in the real UI (code-server, Chromium)…');
  views = runViews();
  rows.push({
    name: `timeline of L in the real UI: the command to its ${views.drawn} events drawn (${views.lanes === 'none' ? 'one lane' : `lanes by ${views.lanes}`}, the latest 100 in sight), at once after L opens (one run)`,
    value: format(views.firstOpenMs),
  });
  rows.push({ name: 'timeline of L in the real UI: the same, opened again once VS Code has settled (one run)', value: format(views.openMs) });
  const { ready, data, drawn } = views.openSteps;
  rows.push({ name: "… of which: the page's script run / its data come / the picture laid out, after the command", value: `${ready} / ${data} / ${drawn} ms` });
  rows.push({
    name: `timeline of L in the real UI: an event pasted (one edit) to the picture painted, less the ${REFRESH_DELAY_MS} ms pause (one run)`,
    value: format(views.redrawMs),
  });
  rows.push({ name: 'timeline of L in the real UI: lanes by actor chosen, to the picture redrawn (one run)', value: format(views.byActorMs) });
  rows.push({
    name: `link chart of L in the real UI: the command to its ${views.chart.nodes} actors and places taken in, the ${views.chart.shown} most mentioned laid out, drawn and painted (one run)`,
    value: format(views.chart.ms),
  });
  rows.push({
    name: `link chart of L in the real UI: an edit that changes a count to the chart painted, less the ${REFRESH_DELAY_MS} ms pause (one run)`,
    value: format(views.chart.redrawMs),
  });
  rows.push({ name: 'link chart of the sample in the real UI: the command to the chart painted (one run)', value: format(views.chart.sampleMs) });
  rows.push({
    name: `map of L in the real UI (its 250 places in real countries, half with coordinates): the command to its ${views.map.regions} countries and ${views.map.points} points painted, at once after L opens (one run)`,
    value: format(views.map.firstMs),
  });
  rows.push({ name: 'map of L in the real UI: the same, opened again once VS Code has settled (one run)', value: format(views.map.ms) });
  rows.push({
    name: `time window set to ${views.window.text} in the real UI, the three pictures side by side: the timeline moved / the chart / the map painted again, after the Enter (one run)`,
    value: `${views.window.timelineMs} / ${views.window.chartMs} / ${views.window.mapMs} ms`,
  });
  rows.push({
    name: "the window moved in the timeline's page (zoomed out by a key, as a drag or Play moves it): the chart and the map re-filtered and painted, after the timeline moved (one run)",
    value: format(views.window.refilterMs),
  });
  results.views = views;
}

const budgets: Budget[] = [
  // The team's decision on the cold parse (issue 34): the front matter is counted apart. The
  // `yaml` package stays (its positions serve diagnostics, hovers, rename and quick fixes), so
  // its own parse of the front matter is taken out of the cold parse, and our reading of the
  // front matter is held to that parse.
  ratioBudget('L cold parse − the yaml package parsing its front matter / markdown-it parse', 0.25, [coldBeyondYaml, measureColdBeyondYaml], [mdParse, measureMarkdownIt]),
  ratioBudget("L front matter: our reading / the yaml package's parse of the same text", 1.15, [frontMatterReadL, measureFrontMatterRead], [yamlWholeL, measureYamlWhole]),
  ratioBudget('L parse, front matter cached / markdown-it parse', 0.25, [parseLWarm, measureParseLWarm], [mdParse, measureMarkdownIt]),
  ratioBudget('L parse, front matter cached / RegExp alternation', 1.0, [parseLWarm, measureParseLWarm], [regexMatch, measureAlternation]),
  ratioBudget('L parse, front matter cached / charCodeAt floor', 10, [parseLWarm, measureParseLWarm], [floor, measureFloor]),
  { name: 'L semantic tokens', actual: tokens, limit: 20, unit: 'ms' },
  { name: 'L events tree', actual: tree, limit: 10, unit: 'ms' },
  { name: 'L timeline picture data', actual: timelineData, limit: 10, unit: 'ms' },
  { name: 'L link graph data', actual: graphData, limit: 20, unit: 'ms' },
  { name: 'L STIX 2.1 export', actual: stixExport, limit: 100, unit: 'ms' },
  { name: 'STIX 2.1 import of 10,000 objects', actual: stixImport, limit: 2000, unit: 'ms' },
  { name: 'L published as a printable page (from its model)', actual: publishPage, limit: 500, unit: 'ms' },
  { name: 'L published as a Word document (from its model)', actual: publishWord, limit: 2000, unit: 'ms' },
  ...(w10k
    ? [
        w10kBudget('W10k index: the first request answered', (run) => run.index.answeredMs / 1000, 10, 's'),
        w10kBudget('W10k index: the longest block of the event loop while reading', (run) => run.index.longestBlockMs, 50, 'ms'),
        w10kBudget('W10k index: a hover meanwhile (waiting and taking)', (run) => run.index.longestHoverMs, 5, 'ms'),
        w10kBudget('W10k index: peak memory', (run) => run.index.peakRssMb, 700, 'MB'),
        w10kBudget('W10k index: a file changed on disk read again', (run) => run.index.changeMs, 50, 'ms'),
        w10kBudget('W10k Events view: a month expanded', (run) => run.index.chronology.expandMs, 100, 'ms'),
        w10kBudget('W10k Events view: the filter (text, the slowest)', ({ index: { chronology } }) => Math.max(chronology.textMs, chronology.actorMs, chronology.tagMs), 200, 'ms'),
        w10kBudget('W10k `briefing check`, a new process on every core', (run) => run.cli.check.ms / 1000, 15, 's'),
        w10kBudget('W10k `briefing check`, its peak memory', (run) => run.cli.check.peakRssMb, 500, 'MB'),
        w10kBudget('W10k `briefing events`, a new process on every core', (run) => run.cli.events.ms / 1000, 15, 's'),
        w10kBudget('W10k `briefing events`, its peak memory', (run) => run.cli.events.peakRssMb, 500, 'MB'),
      ]
    : []),
  { name: 'L hover', actual: hover, limit: 1, unit: 'ms' },
  { name: 'L hover, the first on a new model', actual: firstHover, limit: 1, unit: 'ms' },
  { name: 'L definition', actual: definition, limit: 1, unit: 'ms' },
  { name: 'L completion', actual: completion, limit: 1, unit: 'ms' },
  { name: 'L re-parse after an edit in the body', actual: reparse, limit: 15, unit: 'ms' },
  { name: 'L re-parse after an edit in a summary (front matter)', actual: reparseSummary, limit: 15, unit: 'ms' },
  { name: 'L re-parse after an edit in a name (front matter)', actual: reparseName, limit: 15, unit: 'ms' },
  { name: 'W workspace index', actual: indexW, limit: 2000, unit: 'ms' },
  { name: 'W peak memory', actual: memoryW.peakRssMb, limit: 300, unit: 'MB' },
  { name: 'XL parses without error', actual: xlErrors, limit: 0, unit: 'errors' },
  ...growths.map(({ name, growth }) => ({ name: `bad input grows with the text (time ×10 ÷ text ×10): ${name}`, actual: growth, limit: 2, unit: '×' })),
  { name: 'bundle size', actual: bundleBytes / 1024, limit: 200, unit: 'KB' },
  {
    name: 'a fresh `briefing export` of the held-out briefing / the fresh yaml + markdown-it process',
    actual: freshRun.export.median / freshRun.baseline.median,
    limit: 0.8,
    unit: '×',
    retry: () => {
      const again = measureFresh();
      return again.export.median / again.baseline.median;
    },
  },
  { name: 'require + activate', actual: activation, limit: 20, unit: 'ms', retry: () => measureActivation().median },
  { name: 'eager activation events (*, onStartupFinished)', actual: eagerActivation.length, limit: 0, unit: '' },
  ...(views
    ? [
        viewsBudget('L timeline drawn from the command (real UI)', (run) => run.openMs, 1500),
        viewsBudget('L timeline redrawn after an edit (real UI, after the pause)', (run) => run.redrawMs, 300),
        viewsBudget('L link chart drawn from the command (real UI)', (run) => run.chart.ms, 3000),
        viewsBudget('sample link chart drawn from the command (real UI)', (run) => run.chart.sampleMs, 500),
        viewsBudget('L link chart redrawn after an edit (real UI, after the pause)', (run) => run.chart.redrawMs, 300),
        viewsBudget('L map drawn from the command (real UI)', (run) => run.map.ms, 1000),
        viewsBudget("L chart and map re-filtered after the timeline's window moved in its page (real UI)", (run) => run.window.refilterMs, 100),
      ]
    : []),
];
for (const budget of budgets) {
  if (budget.actual <= budget.limit || !budget.retry) continue;
  log(`${budget.name}: over its budget; measured again…`);
  budget.first = budget.actual;
  budget.actual = budget.retry();
}
fs.rmSync(freshFolder, { recursive: true, force: true });
const failed = budgets.filter((budget) => !(budget.actual <= budget.limit));

// ---- Report --------------------------------------------------------------------------------
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`;
const lines: string[] = [];
lines.push(`Machine: ${machine}`);
lines.push(
  `Corpora: S ${(sizes.S / 1024).toFixed(1)} KB · M ${(sizes.M / 1024).toFixed(0)} KB · L ${(sizes.L / 1048576).toFixed(2)} MB (${modelL.events.length} events, ${modelL.entities.length} entities, ${modelL.mentions.length} mentions) · XL ${(sizes.XL / 1048576).toFixed(1)} MB · W ${workspace.briefings.length} files, ${(sizes.W / 1048576).toFixed(1)} MB`,
);
lines.push('');
lines.push('| measure | median | fastest | spread (IQR/median) | runs |');
lines.push('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  if (row.timing) lines.push(`| ${row.name} | ${format(row.timing.median)} | ${format(row.timing.min)} | ${(row.timing.spread * 100).toFixed(0)} % | ${row.timing.runs} |`);
  else lines.push(`| ${row.name} | ${row.value} | | | |`);
}
lines.push('');
lines.push('| budget | actual | limit | |');
lines.push('| --- | ---: | ---: | --- |');
for (const budget of budgets) {
  const value = (actual: number) => (budget.unit === '×' ? `${actual.toFixed(3)} ×` : `${actual.toFixed(budget.unit === 'ms' && actual < 10 ? 3 : 1)} ${budget.unit}`);
  const shown = budget.first === undefined ? value(budget.actual) : `${value(budget.first)}, again ${value(budget.actual)}`;
  lines.push(`| ${budget.name} | ${shown} | ${budget.limit} ${budget.unit} | ${budget.actual <= budget.limit ? 'pass' : '**FAIL**'} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);

fs.writeFileSync(
  path.join(repoRoot, 'bench/results.json'),
  `${JSON.stringify({ machine, date: new Date().toISOString().slice(0, 10), sizes, results, budgets, ratios: { parseLOverMarkdownIt: parseL / mdParse, parseLOverRegExp: parseL / regexMatch, parseLOverFloor: parseL / floor, ahoCorasickOverOurs: acMatch / ours } }, null, 2)}\n`,
);
if (check && failed.length > 0) {
  process.stderr.write(`\n${failed.length} budget(s) failed: ${failed.map((budget) => budget.name).join('; ')}\n`);
  process.exit(1);
}
