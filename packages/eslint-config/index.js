// Shared ESLint flat config for every workspace package.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export const createEslintConfig = (...extra) =>
  tseslint.config(
    { ignores: ['dist/**', 'coverage/**', 'reports/**', 'node_modules/**', '*.config.js', '*.config.cjs'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    prettier,
    {
      rules: {
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
        'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals, not an enum (docs/adr).' }],
      },
    },
    ...extra,
  );
