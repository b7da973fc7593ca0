// Lint: typescript-eslint's recommended rules, with `any` forbidden outright.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'protocol/codex/_generated/**', '.test-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly',
        clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'Every test runs.' },
        { object: 'it', property: 'only', message: 'Every test runs.' },
        { object: 'test', property: 'only', message: 'Every test runs.' },
        { object: 'suite', property: 'only', message: 'Every test runs.' },
      ],
    },
  },
  { files: ['**/*.ts'], rules: { 'no-undef': 'off' } },
);
