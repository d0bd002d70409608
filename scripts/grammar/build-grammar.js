// The TextMate grammar is written here as JavaScript, so that shared regex pieces (dates,
// list markers) are defined once; `node scripts/grammar/build-grammar.js` writes
// syntaxes/briefing.tmLanguage.json, and a unit test checks that the file is up to date.
const fs = require('node:fs');
const path = require('node:path');

const DATE = String.raw`~?\d{4}(?:-\d{2}){0,2}`;
const DATE_EXPRESSION = String.raw`${DATE}(?:\.\.${DATE})?`;
const SEPARATOR = String.raw`[ \t]*:|[ \t]+[-\x{2013}\x{2014}](?=[ \t]|$)`;
const LIST_MARKER = String.raw`[-*+]|\d{1,9}[.)]`;
// What may open a fence's line: list markers and quote marks (`- \x60\x60\x60`, `> ~~~`), as CommonMark allows.
const FENCE_CONTAINERS = String.raw`(?:[ \t]*(?:${LIST_MARKER})[ \t]+|[ \t]*>[ ]?)*[ \t]*`;
const CLASSIFICATION = String.raw`UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP[ ]SECRET|CUI|RESTRICTED|OFFICIAL(?:-SENSITIVE)?`;
const ESTIMATIVE = [
  'almost no chance',
  'very unlikely',
  'highly improbable',
  'unlikely',
  'improbabl[ey]',
  'roughly even (?:chance|odds)',
  'very likely',
  'highly probable',
  'likely',
  'probabl[ey]',
  'almost certain(?:ly)?',
  'nearly certain(?:ly)?',
  'remote (?:chance|possibility|likelihood)',
].join('|');

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Briefing',
  scopeName: 'text.briefing',
  patterns: [
    { include: '#frontMatter' },
    { include: '#fencedCode' },
    { include: '#heading' },
    { include: '#classificationBanner' },
    { include: '#blockQuote' },
    { include: '#event' },
    { include: '#listItem' },
    { include: '#inline' },
  ],
  repository: {
    frontMatter: {
      name: 'meta.embedded.block.frontmatter.briefing',
      begin: String.raw`\A(---)[ \t]*$`,
      beginCaptures: { 1: { name: 'punctuation.definition.frontmatter.begin.briefing' } },
      end: String.raw`^(---|\.\.\.)[ \t]*$`,
      endCaptures: { 1: { name: 'punctuation.definition.frontmatter.end.briefing' } },
      patterns: [{ include: '#yaml' }],
    },
    yaml: {
      patterns: [
        { name: 'comment.line.number-sign.yaml.briefing', match: String.raw`(?:^|(?<=[ \t]))(#).*$`, captures: { 1: { name: 'punctuation.definition.comment.yaml.briefing' } } },
        {
          match: String.raw`^[ \t]*(?:(-)[ \t]+)?([A-Za-z_][\w .-]*?)[ \t]*(:)(?=[ \t]|$)`,
          captures: {
            1: { name: 'punctuation.definition.block.sequence.item.yaml.briefing' },
            2: { name: 'entity.name.tag.yaml.briefing' },
            3: { name: 'punctuation.separator.key-value.mapping.yaml.briefing' },
          },
        },
        { match: String.raw`^[ \t]*(-)(?=[ \t]|$)`, captures: { 1: { name: 'punctuation.definition.block.sequence.item.yaml.briefing' } } },
        // An unclosed string runs to the end of the line: a failed match would be retried at every quote.
        { name: 'string.quoted.double.yaml.briefing', match: String.raw`"(?:[^"\\]|\\.)*(?:"|\\?$)` },
        { name: 'string.quoted.single.yaml.briefing', match: String.raw`'(?:[^']|'')*(?:'|$)` },
        { name: 'punctuation.definition.sequence.yaml.briefing', match: String.raw`[\[\]{}]` },
        { name: 'punctuation.separator.sequence.yaml.briefing', match: ',' },
        { name: 'constant.numeric.date.yaml.briefing', match: String.raw`(?<=[\s\[,:])\d{4}-\d{2}-\d{2}(?=[\s\],]|$)` },
        { name: 'constant.language.yaml.briefing', match: String.raw`(?<=[\s\[,:])(?:true|false|null|~)(?=[\s\],]|$)` },
        { name: 'constant.numeric.yaml.briefing', match: String.raw`(?<=[\s\[,:])-?\d+(?:\.\d+)?(?=[\s\],]|$)` },
        { name: 'string.unquoted.plain.yaml.briefing', match: String.raw`[^\s#,\[\]{}"'][^#,\[\]{}]*?(?=[ \t]*(?:$|[,\]}]|[ \t]#))` },
      ],
    },
    fencedCode: {
      patterns: [
        ...['json', 'yaml', 'python', 'javascript', 'typescript', 'shellscript', 'sql', 'xml', 'html', 'markdown'].map((language) => fence(language)),
        {
          name: 'markup.fenced_code.block.briefing',
          begin: String.raw`^(${FENCE_CONTAINERS})(\x60{3,}|~{3,})[ \t]*([^\x60 \t]*)[^\x60]*$`,
          beginCaptures: {
            2: { name: 'punctuation.definition.markdown' },
            3: { name: 'fenced_code.block.language.briefing' },
          },
          end: String.raw`^[ \t]*(?:>[ ]?[ \t]*)*(\2)[\x60~]*[ \t]*$`,
          endCaptures: { 1: { name: 'punctuation.definition.markdown' } },
          contentName: 'markup.raw.block.briefing',
        },
      ],
    },
    heading: {
      name: 'markup.heading.briefing',
      match: String.raw`^[ ]{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+(#+))?[ \t]*$`,
      captures: {
        1: { name: 'punctuation.definition.heading.briefing' },
        2: { name: 'entity.name.section.briefing', patterns: [{ include: '#inline' }] },
        3: { name: 'punctuation.definition.heading.briefing' },
      },
    },
    classificationBanner: {
      name: 'meta.classification.banner.briefing',
      match: String.raw`^[ \t]*((?:${CLASSIFICATION})(?://[A-Z0-9][A-Z0-9 ,/-]*)?)[ \t]*$`,
      captures: { 1: { name: 'keyword.control.classification.banner.briefing' } },
    },
    blockQuote: {
      name: 'markup.quote.briefing',
      begin: String.raw`^[ ]{0,3}(>)[ ]?`,
      beginCaptures: { 1: { name: 'punctuation.definition.quote.begin.briefing' } },
      while: String.raw`^[ ]{0,3}(>)[ ]?`,
      whileCaptures: { 1: { name: 'punctuation.definition.quote.begin.briefing' } },
      patterns: [{ include: '#inline' }],
    },
    event: {
      name: 'meta.event.briefing',
      begin: String.raw`^([ \t]*)(${LIST_MARKER})([ \t]+)(${DATE_EXPRESSION})(${SEPARATOR})`,
      beginCaptures: {
        2: { name: 'punctuation.definition.list.begin.briefing' },
        4: { name: 'meta.date.briefing', patterns: [{ include: '#dateExpression' }] },
        5: { name: 'punctuation.separator.event.briefing' },
      },
      // Continuation lines: indented past the marker, and not a new list item.
      while: String.raw`^(?=\1[ \t]+(?!(?:${LIST_MARKER})[ \t])\S)`,
      contentName: 'meta.event.text.briefing',
      patterns: [{ include: '#tag' }, { include: '#inline' }],
    },
    dateExpression: {
      patterns: [
        { name: 'keyword.operator.approximate.briefing', match: '~' },
        { name: 'keyword.operator.range.briefing', match: String.raw`\.\.` },
        { name: 'constant.numeric.date.briefing', match: String.raw`\d{4}(?:-\d{2}){0,2}` },
      ],
    },
    tag: {
      match: String.raw`(?<![\p{L}\p{N}_&#])(#)(\p{L}[\p{L}\p{N}_-]*)`,
      captures: { 0: { name: 'entity.name.tag.event.briefing' }, 1: { name: 'punctuation.definition.tag.briefing' } },
    },
    listItem: {
      match: String.raw`^[ \t]*(${LIST_MARKER})(?=[ \t]|$)`,
      captures: { 1: { name: 'punctuation.definition.list.begin.briefing' } },
    },
    inline: {
      patterns: [
        { include: '#htmlComment' },
        { include: '#inlineCode' },
        { include: '#autolink' },
        { include: '#link' },
        { include: '#sourceReference' },
        { include: '#bareUrl' },
        { include: '#strong' },
        { include: '#emphasis' },
        { include: '#portionMark' },
        { include: '#estimative' },
        { include: '#confidence' },
      ],
    },
    // Not prose (CommonMark: raw HTML): no estimative term, portion mark or tag is coloured inside.
    htmlComment: {
      name: 'comment.block.html.briefing',
      begin: '<!--',
      beginCaptures: { 0: { name: 'punctuation.definition.comment.html.briefing' } },
      end: '-->',
      endCaptures: { 0: { name: 'punctuation.definition.comment.html.briefing' } },
    },
    inlineCode: {
      patterns: [
        {
          name: 'markup.inline.raw.string.briefing',
          match: String.raw`(\x60\x60)(?!\x60)((?:[^\x60]|\x60(?!\x60))+?)(\x60\x60)(?!\x60)`,
          captures: { 1: { name: 'punctuation.definition.raw.briefing' }, 3: { name: 'punctuation.definition.raw.briefing' } },
        },
        {
          name: 'markup.inline.raw.string.briefing',
          match: String.raw`(\x60)([^\x60]+)(\x60)`,
          captures: { 1: { name: 'punctuation.definition.raw.briefing' }, 3: { name: 'punctuation.definition.raw.briefing' } },
        },
      ],
    },
    autolink: {
      match: String.raw`(<)((?:https?|ftp|mailto):[^\s<>]+)(>)`,
      captures: {
        1: { name: 'punctuation.definition.link.briefing' },
        2: { name: 'markup.underline.link.briefing' },
        3: { name: 'punctuation.definition.link.briefing' },
      },
    },
    link: {
      name: 'meta.link.inline.briefing',
      match: String.raw`(\[)([^\[\]]*)(\])(\()([^()\s]*)(?:[ \t]+("[^"]*"))?(\))`,
      captures: {
        1: { name: 'punctuation.definition.link.title.begin.briefing' },
        2: { name: 'string.other.link.title.briefing' },
        3: { name: 'punctuation.definition.link.title.end.briefing' },
        4: { name: 'punctuation.definition.metadata.briefing' },
        5: { name: 'markup.underline.link.briefing' },
        6: { name: 'string.other.link.description.title.briefing' },
        7: { name: 'punctuation.definition.metadata.briefing' },
      },
    },
    sourceReference: {
      name: 'constant.other.reference.link.source.briefing',
      match: String.raw`\[S\d+(?:[,;][ ]?S\d+)*\]`,
    },
    bareUrl: {
      name: 'markup.underline.link.briefing',
      match: String.raw`\b(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'"]`,
    },
    strong: {
      name: 'markup.bold.briefing',
      match: String.raw`(\*\*)(?=\S)[^*]+?(?<=\S)(\*\*)|(?<![\p{L}\p{N}_])(__)(?=\S)[^_]+?(?<=\S)(__)(?![\p{L}\p{N}_])`,
      captures: {
        1: { name: 'punctuation.definition.bold.briefing' },
        2: { name: 'punctuation.definition.bold.briefing' },
        3: { name: 'punctuation.definition.bold.briefing' },
        4: { name: 'punctuation.definition.bold.briefing' },
      },
    },
    emphasis: {
      name: 'markup.italic.briefing',
      match: String.raw`(?<![*\\])(\*)(?=[^\s*])[^*]+?(?<=\S)(\*)(?!\*)|(?<![\p{L}\p{N}_\\])(_)(?=[^\s_])[^_]+?(?<=\S)(_)(?![\p{L}\p{N}_])`,
      captures: {
        1: { name: 'punctuation.definition.italic.briefing' },
        2: { name: 'punctuation.definition.italic.briefing' },
        3: { name: 'punctuation.definition.italic.briefing' },
        4: { name: 'punctuation.definition.italic.briefing' },
      },
    },
    portionMark: {
      name: 'keyword.other.classification.portion.briefing',
      match: String.raw`\((?:U|C|S|TS|CUI|R)(?://[A-Z0-9][A-Z0-9,/-]*)?\)`,
    },
    estimative: {
      name: 'keyword.control.estimative.briefing',
      match: String.raw`(?i)\b(?:${ESTIMATIVE})\b`,
    },
    confidence: {
      name: 'constant.language.confidence.briefing',
      match: String.raw`(?i)\b(?:low|moderate|medium|high)[ ]confidence\b`,
    },
  },
};

/** A fenced code block in a language VS Code has a grammar for: its content is embedded. */
function fence(language) {
  const names = {
    json: 'json|jsonc',
    yaml: 'ya?ml',
    python: 'python|py',
    javascript: 'javascript|js',
    typescript: 'typescript|ts',
    shellscript: 'sh|bash|shell|zsh',
    sql: 'sql',
    xml: 'xml',
    html: 'html',
    markdown: 'markdown|md',
  }[language];
  const scopes = {
    json: 'source.json',
    yaml: 'source.yaml',
    python: 'source.python',
    javascript: 'source.js',
    typescript: 'source.ts',
    shellscript: 'source.shell',
    sql: 'source.sql',
    xml: 'text.xml',
    html: 'text.html.basic',
    markdown: 'text.html.markdown',
  };
  return {
    name: 'markup.fenced_code.block.briefing',
    begin: String.raw`^(${FENCE_CONTAINERS})(\x60{3,}|~{3,})[ \t]*((?i:${names}))(?=[ \t]|$)[^\x60]*$`,
    beginCaptures: {
      2: { name: 'punctuation.definition.markdown' },
      3: { name: 'fenced_code.block.language.briefing' },
    },
    end: String.raw`^[ \t]*(?:>[ ]?[ \t]*)*(\2)[\x60~]*[ \t]*$`,
    endCaptures: { 1: { name: 'punctuation.definition.markdown' } },
    contentName: `meta.embedded.block.${language}`,
    patterns: [{ include: scopes[language] }],
  };
}

const target = path.join(__dirname, '..', '..', 'syntaxes', 'briefing.tmLanguage.json');
const json = `${JSON.stringify(grammar, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== json) {
    console.error('syntaxes/briefing.tmLanguage.json is out of date: run node scripts/grammar/build-grammar.js');
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, json);
}
module.exports = { grammar };
