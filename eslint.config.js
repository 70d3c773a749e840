// Lint: ESLint's and typescript-eslint's recommended rules, without type
// information (a type-aware run would take minutes; tsc --noEmit already
// checks types). Import boundaries are dependency-cruiser's job
// (.dependency-cruiser.cjs).
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.tap/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', 'bin/**/*.js', '{scripts,bench}/**/*.mjs', '*.js', '*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      // A leading underscore marks a binding kept on purpose: a parameter a
      // signature needs, a field split off by rest destructuring.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Browser tests read the page's untyped globals (window.Chart, test hooks)
    // inside page.evaluate, and API bodies of every shape.
    files: ['test/web/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/web/public/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
)
