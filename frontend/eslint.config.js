import js from '@eslint/js';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';
import local from './eslint/no-literal-ui-text.js';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'src/api/schema.ts'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: {
      'react-hooks': reactHooks,
      'react-refresh': reactRefresh,
      'jsx-a11y': jsxA11y,
      local,
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'react-refresh/only-export-components': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ignores: ['src/**/*.test.tsx', 'src/test/**'],
    rules: { 'local/no-literal-ui-text': 'error' },
  },
  // Contexts stay independent: shared knows no context; organisation knows nothing of access.
  {
    files: ['src/features/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '/(organisation|access)/', message: 'shared imports no context' }] },
      ],
    },
  },
  {
    files: ['src/features/organisation/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)access(/|$)', message: 'organisation imports no access' }] },
      ],
    },
  },
  {
    files: ['src/features/annual_wheel/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(organisation|access|meetings|agreements)(/|$)',
              message: 'annual_wheel imports no other context (it reads theirs by contract path)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/agreements/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(organisation|access|meetings|annual_wheel)(/|$)',
              message:
                'agreements imports no other context (it reads organisations by contract path)',
            },
          ],
        },
      ],
    },
  },
  // Meetings build on organisation (bodies, memberships, person pickers) like the domain does.
  {
    files: ['src/features/meetings/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(access|annual_wheel|agreements)(/|$)',
              message: 'meetings imports organisation and shared only',
            },
          ],
        },
      ],
    },
  },
  // Action plans read measures by contract path; only the meetings' free-text guard is shared.
  {
    files: ['src/features/action_plans/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(organisation|access|annual_wheel|agreements|measures)(/|$)',
              message: 'action_plans imports shared and the meetings guard only',
            },
          ],
        },
      ],
    },
  },
  // Measures build on meetings (decisions, the free-text guard) and organisation (people, pickers).
  {
    files: ['src/features/measures/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(access|annual_wheel|agreements|action_plans)(/|$)',
              message: 'measures imports meetings, organisation and shared only',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['eslint/**/*.js', 'eslint.config.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
