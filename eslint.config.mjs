// ESLint (flat config): `npm run lint` runs it with --max-warnings 0, and .ci/run runs `npm run lint`.
// typescript-eslint's recommended rules (syntax only, no type information: `tsc --noEmit` already type-checks)
// for all TypeScript, the React hooks rules for the task pane, and one project rule: hosts import the engine
// only through src/engine/index.ts.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', 'artifacts/', 'build-tsc/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Plain JavaScript here (scripts, config files) runs under Node. TypeScript files need no globals list:
    // typescript-eslint turns no-undef off for them, as tsc already reports undefined names.
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // The benchmark's render-time probe is passed to page.addInitScript / page.evaluate and runs in Chromium.
    files: ['scripts/bench.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'webpack.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // The code's convention: `_name` is a parameter a signature requires (a fake of an Office.js method, a
      // callback) that this body does not read.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Excel's metadata generator (custom-functions-metadata) reads the declared TypeScript types of this
    // generated file: a result of `any[][]` is how it learns that a function spills a matrix of mixed
    // values, and an `any` argument is how it learns that a cell may hold a number or a string. The
    // Office boundary therefore needs `any` here and nowhere else.
    files: ['src/functions/functions.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Hosts (src/functions, src/taskpane, src/cli, src/report), benchmarks, scripts and host-level tests see
    // the engine only through src/engine/index.ts, so its API is explicit and its modules can move freely.
    // src/engine itself and tests/engine (unit tests of single engine modules) are exempt.
    files: ['**/*.{ts,tsx,mjs,js,cjs}'],
    ignores: ['src/engine/**', 'tests/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)engine/(?!index$).+',
              message: "Import the engine from its public API (src/engine/index.ts, e.g. '../../engine'), not from its internal modules; export what a host needs there.",
            },
          ],
        },
      ],
    },
  },
);
