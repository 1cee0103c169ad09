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
          depConstraints: [
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [], bannedExternalImports: IO_MODULES },
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:contract'], bannedExternalImports: IO_MODULES },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:contract'], bannedExternalImports: IO_MODULES },
            { sourceTag: 'type:delivery', onlyDependOnLibsWithTags: ['type:core', 'type:contract'] },
            { sourceTag: 'type:store', onlyDependOnLibsWithTags: ['type:core', 'type:contract'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:delivery', 'type:store', 'type:contract'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:config', 'type:contract'] },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:config', 'type:contract'] },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:core', 'type:delivery', 'type:store', 'type:config', 'type:contract', 'type:tool'],
            },
          ],
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
    },
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }] },
  },
  {
    // Tests of any project may use the test tools (SES sink, Lambda runner).
    files: ['**/*.spec.ts', '**/tests/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@cognito-passwordless/ses-sink', '@cognito-passwordless/lambda-runner'],
          depConstraints: [
            {
              sourceTag: '*',
              onlyDependOnLibsWithTags: ['type:core', 'type:delivery', 'type:store', 'type:config', 'type:contract', 'type:tool'],
            },
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
];
