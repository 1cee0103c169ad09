// esbuild settings shared by the three Lambda bundles: one self-contained ESM
// file each, AWS SDK included so the tested version is the deployed one.
module.exports = {
  // Bundled CommonJS dependencies (the AWS SDK's) call require() for Node
  // built-ins, which an ES module does not have.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  outExtension: { '.js': '.mjs' },
  legalComments: 'none',
  mainFields: ['module', 'main'],
  conditions: ['module', 'import', 'node'],
};
