/**
 * The fresh-process baseline of issue 34: a process that reads a briefing, parses its front
 * matter with the `yaml` package and its body with markdown-it (VS Code's preview parser), and
 * prints nothing. `briefing export` of the same file is timed against it (bench/run.ts).
 */
import * as fs from 'node:fs';
import MarkdownIt from 'markdown-it';
import { parseDocument } from 'yaml';

const text = fs.readFileSync(process.argv[2], 'utf8');
const end = text.indexOf('\n---\n', 3);
parseDocument(text.slice(4, end + 1));
new MarkdownIt().parse(text.slice(end + 5), {});
