// Lint for the whole workspace. The import rules below are the architecture (docs/architecture.md,
// "Layers"): pure libs stay pure and import only the libs below them, libs never reach into apps,
// the api and the web app never import each other, and the bench, the CLI and the browser tests use
// public entry points only. apps/api/test/lint-boundaries.test.ts proves each rule bites.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';

/** The pure libs, lowest first: each may import only the libs before it. */
export const LIB_LAYERS = ['definition', 'rules', 'compiler', 'runtime'];

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
    message: 'Pure libs must not import frameworks, databases or UI (docs/architecture.md).',
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
const INDEX_ONLY = {
  group: ['@ticketflow/*/src/*', '@ticketflow/*/dist/*'],
  message: 'Import a lib through its index only.',
};

/** What the lib at `index` of LIB_LAYERS may not import: every lib above it, by name or by path. */
function higherLibs(index) {
  const above = LIB_LAYERS.slice(index + 1);
  if (above.length === 0) return [];
  return [
    {
      group: above.flatMap((name) => [`@ticketflow/${name}`, `**/${name}/src/**`]),
      message: `libs/${LIB_LAYERS[index]} may import only the libs below it (${LIB_LAYERS.slice(0, index).join(', ') || 'none'}): layers are ${LIB_LAYERS.join(' < ')}.`,
    },
  ];
}

const libConfigs = LIB_LAYERS.map((name, index) => ({
  files: [`libs/${name}/src/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: NODE_BUILTINS.map((builtin) => ({
          name: builtin,
          message: 'Pure libs run in the browser too: no Node built-ins.',
        })),
        patterns: [...IMPURE_IN_LIBS, ...higherLibs(index), INDEX_ONLY],
      },
    ],
  },
}));

/** The bench, the CLI and the browser tests reach the api and the libs through public entry points only. */
const outsideConfig = {
  files: ['apps/bench/**/*.mjs', 'apps/cli/**/*.ts', 'apps/e2e/**/*.ts', 'apps/e2e/**/*.mjs'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [
              '**/api/src/**',
              '**/api/test/**',
              '**/api/dist/**',
              '**/web/src/**',
              '**/web/dist/**',
              '**/libs/**',
              '**/apps/**',
              '@ticketflow/api/*',
              '!@ticketflow/api/testing',
            ],
            message:
              'Use a public entry point: @ticketflow/api (apps/api/src/index.ts), @ticketflow/api/testing, or a lib by its name.',
          },
          INDEX_ONLY,
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: 'ImportExpression[source.type!="Literal"]',
        message:
          'Import modules by name, not by a computed path (a computed path reaches past entry points).',
      },
    ],
  },
};

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
  ...libConfigs,
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
            INDEX_ONLY,
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
            INDEX_ONLY,
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Three React Compiler rules are off: the app is not built with the compiler, and what they
      // flag is correct in plain React — a fetch effect resetting its error before it loads
      // (set-state-in-effect), a memoised per-render cache (immutability), a ref read for a derived
      // flag in the simulation hook (refs). The classic hooks rules above stay errors.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/immutability': 'off',
      'react-hooks/refs': 'off',
    },
  },
  {
    files: ['apps/web/src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Dialogs put focus on their first control when they open (the WAI-ARIA dialog pattern);
      // autoFocus is how they do it. Nothing else uses it.
      'jsx-a11y/no-autofocus': 'off',
    },
  },
  outsideConfig,
);
