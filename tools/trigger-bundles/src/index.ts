import { join } from 'node:path';

/** The three trigger functions, by the names of their Nx projects and bundle folders. */
export const TRIGGERS = ['define-auth-challenge', 'create-auth-challenge', 'verify-auth-challenge'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Where `npm run build` writes a trigger's bundle, under the workspace root. */
export const bundlePath = (workspaceRoot: string, trigger: Trigger): string => join(workspaceRoot, 'dist/apps', trigger, 'index.mjs');

/** The size budget of each bundle, in bytes (1 KB = 1,000 bytes): the bundle tests assert it, the benchmark reports it. */
export const BUNDLE_BUDGET_BYTES: Readonly<Record<Trigger, number>> = Object.freeze({
  'define-auth-challenge': 40_000,
  'create-auth-challenge': 370_000,
  'verify-auth-challenge': 40_000,
});
