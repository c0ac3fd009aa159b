import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';
import { logicalCssPlugin, scssTextParser } from './tools/lint/logical-css.mjs';

/** Every Angular project (apps/web, libs/web/*): the base rules plus Angular's, with our `psl` prefix. */
export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'psl', style: 'camelCase' },
      ],
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'psl', style: 'kebab-case' },
      ],
    },
  },
  // Right-to-left (Arabic): component styles use logical properties only, in style sheets and in `styles:`.
  {
    files: ['**/*.ts'],
    plugins: { local: logicalCssPlugin },
    rules: { 'local/logical-css': 'error' },
  },
  {
    files: ['**/*.scss', '**/*.css'],
    languageOptions: { parser: scssTextParser },
    plugins: { local: logicalCssPlugin },
    rules: { 'local/logical-css': 'error' },
  },
];
