// Lint rules for the TypeScript sources and tests and the Node scripts (`npm run lint`, run in CI).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/out/**', '**/node_modules/**', 'dist/**', 'test-artifacts/**', '.scratch/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: globals.node },
    rules: {
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
