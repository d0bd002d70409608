import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const repoRoot = path.resolve(__dirname, '../../..');

let grammarPromise: Promise<textmate.IGrammar> | undefined;

/** The briefing grammar, loaded with vscode-textmate and the Oniguruma WebAssembly build, as VS Code does. */
export function loadGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) => {
        // Embedded languages are VS Code's own grammars; an empty stand-in takes their place here.
        if (scopeName !== 'text.briefing') return textmate.parseRawGrammar(JSON.stringify({ scopeName, patterns: [] }), `${scopeName}.json`);
        const file = path.join(repoRoot, 'syntaxes/briefing.tmLanguage.json');
        return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
    });
    const grammar = await registry.loadGrammar('text.briefing');
    if (!grammar) throw new Error('the briefing grammar did not load');
    return grammar;
  })();
  return grammarPromise;
}

export interface Token {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

/** Tokenizes a whole document, line by line, carrying the rule stack as VS Code does. */
export async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let state = textmate.INITIAL;
  return text.split(/\r?\n/).map((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ line, text: lineText.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}
