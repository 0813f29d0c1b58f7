// Lint for the whole tree (`npm run lint`, run by .ci/run after the typecheck).
// Server code (API, worker, workflows, activities, scripts, tests) is linted with type
// information, so floating or misused promises are caught; the two UIs get the untyped rules
// (their promises are react-admin's and React's, and typed linting would double the run time).
import js from '@eslint/js';
import { importX } from 'eslint-plugin-import-x';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const serverFiles = ['**/*.ts'];
const uiFiles = ['admin-ui/**/*.{ts,tsx}', 'portal/**/*.{ts,tsx}'];

export default defineConfig(
  {
    ignores: ['node_modules/', '**/dist/', '.data/', 'test-results/', 'bench/results/', 'db/migrations/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    rules: {
      // Imports read as: Node built-ins, packages, then our own modules (parents and siblings
      // together, as the code has always been written). No alphabetical order is imposed.
      'import-x/order': ['error', {
        groups: ['builtin', 'external', ['internal', 'parent', 'sibling', 'index']],
        'newlines-between': 'never',
      }],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_',
        varsIgnorePattern: '^_',
        caughtErrors: 'none',
        ignoreRestSiblings: true,
      }],
      // TypeScript already reports undefined names, with the right globals per tsconfig.
      'no-undef': 'off',
    },
  },
  {
    files: serverFiles,
    ignores: uiFiles,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Workflow code is replayed by Temporal and must stay deterministic: no Node built-ins.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'Workflow code runs in the deterministic sandbox: no Node built-ins.' }] }],
    },
  },
);
