import { RuleTester } from 'eslint';
import { describe, it } from 'node:test';
import tseslint from 'typescript-eslint';
import { logicalCssPlugin, scssTextParser } from './logical-css.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const rule = logicalCssPlugin.rules['logical-css'];

describe('local/logical-css in style sheets', () => {
  new RuleTester({ languageOptions: { parser: scssTextParser } }).run('logical-css', rule, {
    valid: [
      {
        filename: 'a.scss',
        code: '.a { margin-inline-start: 8px; padding-inline: 4px 8px; text-align: start; }',
      },
      {
        filename: 'a.scss',
        code: '.a { inset-inline-end: 0; border-inline-start: 1px solid; float: inline-start; }',
      },
      { filename: 'a.scss', code: '.a { padding: 8px 16px; margin: 0 auto 8px; inset: 0; }' },
      { filename: 'a.scss', code: '.a { padding: 1px 2px 3px 2px; }' },
      { filename: 'a.scss', code: '// margin-left: 4px in a comment\n/* right: 0 */\n.a { color: red; }' },
      { filename: 'a.scss', code: '.a:hover, .left-panel, .align-right { transform: scaleX(-1); }' },
      { filename: 'a.scss', code: '.a { left: 0; /* logical-css: allow — the chart axis is physical */ }' },
      {
        filename: 'a.scss',
        code: '$scale: (label-large: (500, 1rem)); .a { background: url(http://x/y.png); }',
      },
    ],
    invalid: [
      {
        filename: 'a.scss',
        code: '.a {\n  margin-left: 4px;\n  padding-right: 2px;\n}',
        errors: [
          {
            message:
              'Physical "margin-left": use "margin-inline-start" so the layout mirrors in right-to-left.',
            line: 2,
            column: 3,
          },
          {
            message:
              'Physical "padding-right": use "padding-inline-end" so the layout mirrors in right-to-left.',
            line: 3,
            column: 3,
          },
        ],
      },
      {
        filename: 'a.scss',
        code: '.a { right: 0; left: 8px; border-left: 1px solid; border-top-right-radius: 4px; }',
        errors: [
          { message: /"right": use "inset-inline-end"/ },
          { message: /"left": use "inset-inline-start"/ },
          { message: /"border-left": use "border-inline-start"/ },
          { message: /"border-top-right-radius": use "border-start-end-radius"/ },
        ],
      },
      {
        filename: 'a.scss',
        code: '.a { text-align: left; float: right; }',
        errors: [
          {
            message:
              'Physical "text-align: left": use "text-align: start" so the layout mirrors in right-to-left.',
          },
          {
            message:
              'Physical "float: right": use "float: inline-end" so the layout mirrors in right-to-left.',
          },
        ],
      },
      {
        filename: 'a.css',
        code: '.a { padding: 8px 16px 8px 24px; margin: calc(1px + 2px) 0 0 4px !important; }',
        errors: [
          {
            message:
              '"padding: 8px 16px 8px 24px" sets left and right differently: use "padding-block" and "padding-inline" (start end).',
          },
          { message: /"margin: calc\(1px \+ 2px\) 0 0 4px" sets left and right differently/ },
        ],
      },
    ],
  });
});

describe('local/logical-css in Angular component styles', () => {
  new RuleTester({ languageOptions: { parser: tseslint.parser } }).run('logical-css', rule, {
    valid: [
      {
        filename: 'a.ts',
        code: "@Component({ selector: 'x', styles: `.a { margin-inline: 8px; }` }) class A {}",
      },
      // Only `styles` is CSS: the same words elsewhere are data.
      {
        filename: 'a.ts',
        code: "const align = { left: 'margin-left: 0' }; @Component({ template: 'left: 1' }) class A {}",
      },
    ],
    invalid: [
      {
        filename: 'a.ts',
        code: "@Component({\n  selector: 'x',\n  styles: `\n    .a { padding-left: 8px; }\n  `,\n}) class A {}",
        errors: [{ message: /"padding-left": use "padding-inline-start"/, line: 4, column: 10 }],
      },
      {
        filename: 'a.ts',
        code: "@Component({ styles: ['.a { text-align: right; }', '.b { right: 4px; }'] }) class A {}",
        errors: [
          { message: /"text-align: right": use "text-align: end"/ },
          { message: /"right": use "inset-inline-end"/ },
        ],
      },
    ],
  });
});
