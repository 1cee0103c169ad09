// Bundles the stack's entry points into dist/tools/local-stack/*.mjs so that
// `npm start` runs plain `node` (no TypeScript loader). Workspace libraries
// (lambda-runner, client-config) are bundled through the tsconfig path
// aliases; npm packages stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'tools/local-stack/src/main.ts',
    cli: 'tools/local-stack/src/cli.ts',
  },
  outdir: 'dist/tools/local-stack',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tools/local-stack/tsconfig.json',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
