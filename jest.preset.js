// Shared jest settings: @swc/jest transpiles TypeScript (type checking runs in
// each project's own `typecheck` target), Nx's resolver maps the tsconfig path
// aliases onto workspace sources.
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { nxPreset } = require('@nx/jest/preset');

// Every test target writes its results to dist/test-results/<project>.json
// (CI sums them); jest's --outputFile does not create the folder.
mkdirSync(join(__dirname, 'dist', 'test-results'), { recursive: true });

// Development and CI run Node 20 (the functions run nodejs22.x); the AWS SDK
// prints, once per process, that its releases from 2027 need Node 22. Keep that
// one notice out of every test's output (workers inherit the variable); see the
// README's "Node version".
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.(ts|js|mts|cts)$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.test.ts'],
  // jose ships ES modules only: let @swc/jest turn it into CommonJS like the sources.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  // A failure prints the test name and the assertion; no coverage by default.
  coverageReporters: ['text-summary'],
};
