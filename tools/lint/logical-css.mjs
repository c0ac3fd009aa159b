/**
 * `local/logical-css`: component styles use logical properties only (margin-inline-start, padding-inline,
 * inset-inline-end, text-align: start…), so every layout mirrors itself for right-to-left languages (Arabic).
 * Physical left/right in a declaration is refused with the logical replacement to use:
 *
 *   margin-left / padding-right / border-left(-*) / left: / right:  → margin-inline-start, inset-inline-end…
 *   text-align | float | clear: left|right                          → start | end (inline-start | inline-end)
 *   border-top-left-radius…                                         → border-start-start-radius…
 *   margin/padding/inset/border-width with 4 values, left ≠ right   → the -block / -inline pair
 *
 * Checked in .scss/.css files (through `scssTextParser`) and in the `styles` of Angular components. A
 * declaration that must stay physical (rare: a picture, a phone number) says why on its line:
 * `/* logical-css: allow — <reason> *\/`.
 */

const REPLACEMENTS = {
  'margin-left': 'margin-inline-start',
  'margin-right': 'margin-inline-end',
  'padding-left': 'padding-inline-start',
  'padding-right': 'padding-inline-end',
  'border-left': 'border-inline-start',
  'border-right': 'border-inline-end',
  'border-left-width': 'border-inline-start-width',
  'border-right-width': 'border-inline-end-width',
  'border-left-style': 'border-inline-start-style',
  'border-right-style': 'border-inline-end-style',
  'border-left-color': 'border-inline-start-color',
  'border-right-color': 'border-inline-end-color',
  'border-top-left-radius': 'border-start-start-radius',
  'border-top-right-radius': 'border-start-end-radius',
  'border-bottom-left-radius': 'border-end-start-radius',
  'border-bottom-right-radius': 'border-end-end-radius',
  'scroll-margin-left': 'scroll-margin-inline-start',
  'scroll-margin-right': 'scroll-margin-inline-end',
  'scroll-padding-left': 'scroll-padding-inline-start',
  'scroll-padding-right': 'scroll-padding-inline-end',
  left: 'inset-inline-start',
  right: 'inset-inline-end',
};
const KEYWORD_PROPERTIES = ['text-align', 'float', 'clear'];
const FOUR_SIDED = [
  'margin',
  'padding',
  'inset',
  'border-width',
  'border-style',
  'border-color',
  'scroll-margin',
  'scroll-padding',
];

const ALLOW = /logical-css:\s*allow/;
const PHYSICAL = new RegExp(`(^|[\\s;{(])(${Object.keys(REPLACEMENTS).join('|')})\\s*:(?!:)`, 'g');
const KEYWORD = new RegExp(`(^|[\\s;{(])(${KEYWORD_PROPERTIES.join('|')})\\s*:\\s*(left|right)\\b`, 'g');
const SHORTHAND = new RegExp(`(^|[\\s;{(])(${FOUR_SIDED.join('|')})\\s*:\\s*([^;{}]+)`, 'g');

/** Comments blanked out (same length, newlines kept) so that offsets still point into the source. */
function withoutComments(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:])\/\/[^\n]*/g, (c, lead) => lead + ' '.repeat(c.length - lead.length));
}

/** Values of a shorthand split at top-level spaces: `calc(1px + 2px) 0` has two. */
function splitValues(value) {
  const parts = [];
  let depth = 0;
  let current = '';
  for (const ch of value.trim().replace(/\s*!important$/, '')) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (current) parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

/** Physical declarations in a piece of CSS: `{ index, message }` with the index in `css`. */
export function findPhysicalDeclarations(css) {
  const text = withoutComments(css);
  const lines = css.split('\n');
  const lineOf = (index) => css.slice(0, index).split('\n').length - 1;
  const allowed = (index) => ALLOW.test(lines[lineOf(index)] ?? '');
  const problems = [];
  for (const m of text.matchAll(PHYSICAL)) {
    const index = m.index + m[1].length;
    if (!allowed(index))
      problems.push({
        index,
        message: `Physical "${m[2]}": use "${REPLACEMENTS[m[2]]}" so the layout mirrors in right-to-left.`,
      });
  }
  for (const m of text.matchAll(KEYWORD)) {
    const index = m.index + m[1].length;
    const logical =
      m[2] === 'text-align'
        ? m[3] === 'left'
          ? 'start'
          : 'end'
        : `inline-${m[3] === 'left' ? 'start' : 'end'}`;
    if (!allowed(index))
      problems.push({
        index,
        message: `Physical "${m[2]}: ${m[3]}": use "${m[2]}: ${logical}" so the layout mirrors in right-to-left.`,
      });
  }
  for (const m of text.matchAll(SHORTHAND)) {
    const values = splitValues(m[3]);
    const index = m.index + m[1].length;
    if (values.length === 4 && values[1] !== values[3] && !allowed(index))
      problems.push({
        index,
        message: `"${m[2]}: ${values.join(' ')}" sets left and right differently: use "${m[2]}-block" and "${m[2]}-inline" (start end).`,
      });
  }
  return problems.sort((a, b) => a.index - b.index);
}

function locAt(text, index) {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length };
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Refuse physical left/right in component styles: logical properties only (RTL).' },
    schema: [],
  },
  create(context) {
    const source = context.sourceCode;
    const report = (offset, problems) => {
      for (const { index, message } of problems) {
        const start = locAt(source.text, offset + index);
        context.report({ loc: { start, end: { line: start.line, column: start.column + 1 } }, message });
      }
    };
    const checkLiteral = (node) => {
      if (node.type === 'Literal' && typeof node.value === 'string')
        report(node.range[0] + 1, findPhysicalDeclarations(node.value));
      else if (node.type === 'TemplateLiteral')
        for (const quasi of node.quasis)
          report(quasi.range[0] + 1, findPhysicalDeclarations(quasi.value.raw));
      else if (node.type === 'ArrayExpression')
        node.elements.forEach((element) => element && checkLiteral(element));
    };
    return {
      Program(node) {
        // A style sheet, read whole through scssTextParser (its AST has no statements).
        if (node.body.length === 0 && /\.(s?css)$/.test(context.filename))
          report(0, findPhysicalDeclarations(source.text));
      },
      // `styles: \`…\`` of an Angular @Component.
      'CallExpression[callee.name="Component"] > ObjectExpression > Property[key.name="styles"]'(property) {
        checkLiteral(property.value);
      },
    };
  },
};

/** A parser that gives ESLint a style sheet as an empty program: the rule reads the text itself. */
export const scssTextParser = {
  meta: { name: 'scss-text' },
  parseForESLint(code) {
    const lines = code.split('\n');
    return {
      ast: {
        type: 'Program',
        sourceType: 'module',
        body: [],
        tokens: [],
        comments: [],
        range: [0, code.length],
        loc: {
          start: { line: 1, column: 0 },
          end: { line: lines.length, column: lines[lines.length - 1].length },
        },
      },
      visitorKeys: { Program: [] },
    };
  },
};

export const logicalCssPlugin = { meta: { name: 'local-logical-css' }, rules: { 'logical-css': rule } };
