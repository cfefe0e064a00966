// ESLint's recommended rules over every JavaScript file of the project, with the globals of where
// each file runs, and a few rules of the project's own (each with its reason).
import js from '@eslint/js';
import globals from 'globals';

function layer(files, group, message) {
  const rule = ['error', { patterns: [{ group, message: `${message} (imports run downward: app -> views -> charts -> lib).` }] }];
  return { files: [files], rules: { 'no-restricted-imports': rule } };
}

export default [
  { ignores: ['web/generated/', 'dist/', 'build/', 'tests/artifacts/', 'node_modules/'] },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Leaving a key out of a copy by destructuring it away ({ omitted, ...rest }) is the idiom.
      'no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // The API's checks must never coerce; `x == null` (null or undefined) is the one loose test.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // The page's imports run downward only: app -> views -> charts -> lib.
  layer('web/lib/**', ['../*'], 'web/lib imports nothing of the page'),
  layer('web/charts/**', ['../views/*', '../app/*', '../pe.js'], 'charts draw what views give them'),
  layer('web/views/**', ['**/app/*'], 'views do not import the app'),
  // The page and the API run in the browser (the API in Node too, through globals both have).
  { files: ['web/**/*.js'], languageOptions: { globals: globals.browser } },
  // Small functions and small files, so each does one thing a reader can see at once: a view's
  // mount composes panels, each panel a module of its own. A nested function counts in its parent.
  {
    files: ['web/**/*.js'],
    rules: {
      'max-lines-per-function': ['error', { max: 100 }],
      'max-lines': ['error', { max: 400 }],
    },
  },
  // The test runner, build and dev scripts, tests and benchmarks run in Node; browser tests and
  // benchmarks also hand functions to the page (page.evaluate), which run there.
  {
    files: ['.ci/**', 'web/build/**', 'web/dev/**', 'web/vocab/**/*.mjs', 'src/**/*.mjs', 'tests/**'],
    languageOptions: { globals: globals.node },
  },
  { files: ['tests/e2e/**', 'tests/bench/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
];
