import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** One dependency rule: files matching `files` (minus `ignores`) may not import `patterns`. */
function layer(files, patterns, message, ignores = []) {
  return [{ files, ignores, rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] } }];
}

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      '.vitest/**',
      'node_modules/**',
      'data/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Command-line tools and the sandbox print to the terminal by design; the conformance suite prints its counts.
    files: ['lib/cli/**', 'lib/sandbox/**', 'lib/bench/**', 'lib/conformance/**', '**/*-cli.ts', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The full UCUM library proves our unit factors in tests; in the app it would add ~500 KB for nothing.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@lhncbc/ucum-lhc', message: 'Tests only: use lib/clinical/unit-dimension.ts at runtime.' }] },
      ],
    },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // Dependency direction (docs/architecture.md): app → components → lib; lib/<x> only toward more basic
  // concepts; the pure clinical core imports nothing with I/O; nothing but its own tools imports the sandbox.
  ...layer(
    ['app/**'],
    ['@/lib/db', '@/lib/db/*', '@/lib/services', '@/lib/sandbox/*'],
    'app/ reaches the database and the adapters only through lib/entry.',
  ),
  ...layer(
    ['components/**'],
    ['@/app/*', '@/lib/db', '@/lib/db/*', '@/lib/services', '@/lib/env', '@/lib/entry/*', '@/lib/sandbox/*'],
    'components render view models: no I/O, no app/ imports (pass server actions as props).',
  ),
  ...layer(['lib/**'], ['@/app/*', '@/components/*', '**/app/*', '**/components/*'], 'lib/ never imports from app/ or components/.'),
  ...layer(
    ['lib/clinical/**'],
    [
      '../db',
      '../db/*',
      '../services',
      '../env',
      '../exchange/client',
      '../exchange/http',
      '../exchange/connection',
      '../exchange/search',
      '../exchange/find-patient',
      '../exchange/sharing-hospitals',
      '../exchange/organizations',
      '../exchange/hospital-records',
      '../exchange/hospital-paging',
      '../http/*',
      '../auth/*',
      '../entry/*',
      '../audit/*',
      '../timeline/*',
      'server-only',
      'next/*',
      'pg',
      '@electric-sql/*',
      'node:*',
    ],
    'lib/clinical is the pure core: no I/O, no server-only modules.',
  ),
  ...layer(
    ['lib/db/**'],
    [
      '../auth/*',
      '../consent/*',
      '../clinical/*',
      '../audit/*',
      '../admin/*',
      '../emergency/*',
      '../timeline/*',
      '../entry/*',
      '../exchange/*',
    ],
    'lib/db knows no domain.',
  ),
  ...layer(
    ['app/**', 'components/**', 'lib/**'],
    ['@/lib/sandbox/*', '../sandbox/*', '../../sandbox/*'],
    'the sandbox stands in for external systems: the app reaches it only over HTTP.',
    ['lib/sandbox/**', 'lib/cli/**', 'lib/testing/**', 'lib/bench/**', 'lib/conformance/**', '**/*.int.test.ts'],
  ),
);
