// Builds the sign-in page into dist/tools/sign-in-web: index.html and
// styles.css as they are, and app.js, one ES module with Amplify JS inside.
// The local stack serves this folder (LOCAL_WEB_PORT) with the stack's
// amplify_outputs.json and local-config.json beside it.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const source = 'tools/sign-in-web/src';
const outdir = 'dist/tools/sign-in-web';

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await build({
  entryPoints: { app: join(source, 'main.ts') },
  outdir,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: ['chrome120', 'firefox121', 'safari17'],
  tsconfig: 'tools/sign-in-web/tsconfig.json',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of ['index.html', 'styles.css']) await copyFile(join(source, file), join(outdir, file));
