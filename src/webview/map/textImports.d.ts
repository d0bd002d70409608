// A file imported with `?text` is its text (scripts/lib/textImports.js).
declare module '*?text' {
  const text: string;
  export default text;
}
