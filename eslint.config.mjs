// Lint and formatting rules for the TypeScript sources and tests and the Node scripts (`npm run lint`, run in
// CI; `npm run format` applies the formatting rules' fixes). The formatting rules are ESLint Stylistic's.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // grammar.ts is written by scripts/grammarTables.js, and a test compares it with what that script writes.
  { ignores: ['shared-rules/src/syntax/grammar.ts', '**/out/**', '**/node_modules/**', 'dist/**', 'lib/**', '.debian-inputs/**', 'test-artifacts/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: globals.node },
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true }],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/indent': ['error', 2, { SwitchCase: 1 }],
      '@stylistic/eol-last': 'error',
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/no-multiple-empty-lines': ['error', { max: 1, maxEOF: 0 }],
      '@stylistic/max-len': ['error', { code: 180, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreComments: true, ignoreRegExpLiterals: true }],
      // A leading underscore marks a name left unused on purpose (a field dropped from a rest object).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // `let { start, end }` where only one of them changes.
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
  {
    // Node scripts, benchmarks and the npm entry point are CommonJS.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests and scripts load JSON schemas and the untyped JavaScript of bench/ and scripts/.
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
