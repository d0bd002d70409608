/** A semantic token decoded from VS Code's relative encoding. */
export interface DecodedToken {
  line: number;
  start: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** Decodes five integers a token (delta line, delta start, length, type, modifier bits) to absolute tokens. */
export function decodeTokens(data: ArrayLike<number>, types: readonly string[], modifiers: readonly string[]): DecodedToken[] {
  const tokens: DecodedToken[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    tokens.push({ line, start, length: data[i + 2], type: types[data[i + 3]], modifiers: modifiers.filter((_, bit) => data[i + 4] & (1 << bit)) });
  }
  return tokens;
}
