/** The examples of the CommonMark spec, as the npm package `commonmark-spec` ships them. */
declare module 'commonmark-spec' {
  interface Example {
    readonly markdown: string;
    readonly html: string;
    readonly section: string;
    readonly number: number;
  }
  const spec: { readonly tests: readonly Example[]; readonly text: string };
  export = spec;
}
