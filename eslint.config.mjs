import nx from '@nx/eslint-plugin';

// Modules that do I/O or reach the network: the trigger core must stay pure so
// that any app can reuse it and every rule is a unit test.
const IO_MODULES = [
  '@aws-sdk/*',
  '@smithy/*',
  'aws-sdk',
  ...['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'tls', 'child_process', 'worker_threads', 'cluster']
    .flatMap((name) => [name, `node:${name}`]),
];

// Every project has two tags (see tools/README.md): `scope:` says which product
// it belongs to, `type:` what layer it is. An import must satisfy the rules of
// both dimensions.
const LIBRARIES = ['type:core', 'type:delivery', 'type:store', 'type:config', 'type:contract'];

// What a project may depend on, by what it is. The core and the contract stay pure.
const TYPE_RULES = [
  { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [], bannedExternalImports: IO_MODULES },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:contract'], bannedExternalImports: IO_MODULES },
  { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:contract'], bannedExternalImports: IO_MODULES },
  { sourceTag: 'type:delivery', onlyDependOnLibsWithTags: ['type:core', 'type:contract'] },
  { sourceTag: 'type:store', onlyDependOnLibsWithTags: ['type:core', 'type:contract'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:delivery', 'type:store', 'type:contract'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:config', 'type:contract'] },
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:config', 'type:contract'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: [...LIBRARIES, 'type:tool'] },
  { sourceTag: 'type:test', onlyDependOnLibsWithTags: [...LIBRARIES, 'type:tool'] },
  { sourceTag: 'type:cli', onlyDependOnLibsWithTags: [...LIBRARIES, 'type:tool'] },
  // Test suites and command-line entry points are leaves: nothing imports them.
  { sourceTag: '*', notDependOnLibsWithTags: ['type:test', 'type:cli'] },
];

// What a project may depend on, by the product it belongs to: the shipped
// sign-in never reaches into the local stack, the test tools or the bench.
const SCOPE_RULES = [
  { sourceTag: 'scope:sign-in', onlyDependOnLibsWithTags: ['scope:sign-in'] },
  { sourceTag: 'scope:local', onlyDependOnLibsWithTags: ['scope:sign-in', 'scope:local'] },
  { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:sign-in', 'scope:local', 'scope:testing'] },
  { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['scope:sign-in', 'scope:local', 'scope:testing'] },
];

// The pure projects also read no clock, no randomness and no environment:
// those come in as parameters, so every rule is a deterministic unit test.
const TAKE_IT_AS_A_PARAMETER = 'Pure projects take a clock, a random source or their config as a parameter (a port).';
const IMPURE_GLOBALS = [
  { object: 'Date', property: 'now', message: TAKE_IT_AS_A_PARAMETER },
  { object: 'Math', property: 'random', message: TAKE_IT_AS_A_PARAMETER },
  { object: 'process', property: 'env', message: TAKE_IT_AS_A_PARAMETER },
];
const IMPURE_SYNTAX = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: TAKE_IT_AS_A_PARAMETER },
  { selector: "CallExpression[callee.name='Date']", message: TAKE_IT_AS_A_PARAMETER },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/cdktf.out', '**/.terraform', '**/.nx'] },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [...TYPE_RULES, ...SCOPE_RULES],
        },
      ],
      'no-console': 'error',
    },
  },
  {
    // Node built-ins are not projects or packages to the boundaries rule, so
    // the pure projects ban them here as well.
    files: ['packages/trigger-core/**/src/**', 'packages/client-config/**/src/**', 'packages/contract/**/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: IO_MODULES, message: 'Pure projects do no I/O: take what you need as a parameter (a port).' }] },
      ],
      'no-restricted-properties': ['error', ...IMPURE_GLOBALS],
      'no-restricted-syntax': ['error', ...IMPURE_SYNTAX],
    },
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }] },
  },
  {
    // Tests of any project may use the test tools (SES sink, Lambda runner,
    // DynamoDB server, sign-in driver, ...), never a test suite or the bench.
    files: ['**/*.spec.ts', '**/tests/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: '*', onlyDependOnLibsWithTags: [...LIBRARIES, 'type:tool'] },
            { sourceTag: '*', onlyDependOnLibsWithTags: ['scope:sign-in', 'scope:local', 'scope:testing'] },
          ],
        },
      ],
    },
  },
  {
    // Tests and command-line tools talk to a terminal.
    files: ['**/*.spec.ts', '**/*.test.ts', '**/tests/**/*.ts', 'tools/**/*.ts', 'infra/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Sources read in one sitting: no function over 60 lines of its own, and
    // no non-null assertions (narrow the type, or fail with a named error).
    // Tests may run longer and assert what they just checked.
    files: ['apps/*/src/**/*.ts', 'packages/*/src/**/*.ts', 'tools/**/src/**/*.ts', 'infra/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.test.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
];
