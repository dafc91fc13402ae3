// ESLint for the page's JavaScript (argmap/page/templates). The page has no build step: its
// modules are plain scripts joined inside one function by argmap/page/rendering.py, so each file
// is linted as a script in which `app` (core.js) is a shared read-only global.
const js = require('@eslint/js');
const globals = require('globals');

const modern = {
  'no-var': 'error',
  'prefer-const': 'error',
  eqeqeq: ['error', 'always'],
  'no-undef': 'error',
  'no-unused-vars': ['error', {args: 'after-used', ignoreRestSiblings: true}],
  'max-lines-per-function': ['error', {max: 60, skipBlankLines: true, skipComments: true}],
  'max-depth': ['error', 3],
  complexity: ['error', 12],
  'no-implicit-globals': 'error',
  'no-restricted-properties': ['error', {property: 'innerHTML', message: 'Map text is set with textContent, never as HTML.'},
    {property: 'outerHTML', message: 'Map text is set with textContent, never as HTML.'}]
};

module.exports = [
  {ignores: ['node_modules/**', '.venv/**', 'site/**', 'build/**']},
  js.configs.recommended,
  {
    files: ['argmap/page/templates/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: {...globals.browser, vis: 'readonly', app: 'readonly'}
    },
    rules: modern
  },
  // core.js is where `app` is declared.
  {files: ['argmap/page/templates/page/core.js'], languageOptions: {globals: {app: 'off'}}, rules: {'no-redeclare': 'off', 'no-unused-vars': ['error', {varsIgnorePattern: '^app$'}]}},
  // analysis.js mirrors argmap/reasoning/acceptability.py line by line and is maintained with it:
  // it keeps its ES5 style (var, long numeric loops) and is checked for correctness, not style.
  {
    files: ['argmap/page/templates/analysis.js'],
    rules: {'no-var': 'off', 'prefer-const': 'off', 'max-lines-per-function': 'off', 'max-depth': 'off', complexity: 'off'}
  },
  {files: ['eslint.config.js'], languageOptions: {sourceType: 'commonjs', globals: globals.node}},
  // tests/readers: node modules that read the Argdown and Mermaid exports back for pytest; the
  // Mermaid reader parses a label's HTML on purpose (as Mermaid's renderer does) to see what shows.
  {
    files: ['tests/readers/**/*.mjs'],
    languageOptions: {ecmaVersion: 2022, sourceType: 'module', globals: globals.node},
    rules: {...modern, 'no-restricted-properties': 'off'}
  }
];
