// Lint for the whole workspace. The import rules below are the architecture
// (DESIGN.md §2, STYLE.md rule 2): pure libs stay pure, libs never reach into
// apps, and the two apps never import each other.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const IMPURE_IN_LIBS = [
  {
    group: [
      '@nestjs/*',
      'typeorm',
      'typeorm/*',
      'pg',
      'pg-*',
      'react',
      'react-dom',
      'react/*',
      'react-dom/*',
      '@xyflow/*',
      'zustand',
      'zustand/*',
      'express',
    ],
    message: 'Pure libs must not import frameworks, databases or UI (DESIGN.md §2).',
  },
  { group: ['node:*'], message: 'Pure libs run in the browser too: no node:* modules.' },
  { group: ['@ticketflow/api', '@ticketflow/web', '**/apps/**'], message: 'Libs never import apps.' },
];
const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'worker_threads',
  'url',
  'util',
  'stream',
  'events',
  'dns',
  'vm',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', '**/coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['libs/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({
            name,
            message: 'Pure libs run in the browser too: no Node built-ins.',
          })),
          patterns: IMPURE_IN_LIBS,
        },
      ],
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@ticketflow/web', '**/apps/web/**', '../web/**', '../../web/**'],
              message: 'The api never imports the web app.',
            },
            {
              group: ['@ticketflow/*/src/*', '@ticketflow/*/dist/*'],
              message: 'Import a lib through its index only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@ticketflow/api',
                '**/apps/api/**',
                '../api/**',
                '../../api/**',
                '@nestjs/*',
                'typeorm',
                'pg',
              ],
              message: 'The web app never imports the api or server-side libraries.',
            },
            {
              group: ['@ticketflow/*/src/*', '@ticketflow/*/dist/*'],
              message: 'Import a lib through its index only.',
            },
          ],
        },
      ],
    },
  },
);
