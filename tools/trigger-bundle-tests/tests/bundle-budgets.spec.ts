import { readFileSync, statSync } from 'node:fs';
import { bundlePath, TRIGGERS, type Trigger } from './bundles';

/** Bytes, as the issue states them (1 KB = 1,000 bytes). */
const BUDGET_BYTES: Record<Trigger, number> = {
  'define-auth-challenge': 40_000,
  'create-auth-challenge': 360_000,
  'verify-auth-challenge': 40_000,
};

/**
 * The SDK's signer looks for these inside try/catch and only needs them for
 * SigV4a (multi-region endpoints), which SES does not use.
 */
const OPTIONAL_SDK_PEERS = new Set(['@aws-sdk/signature-v4-crt', '@aws-sdk/signature-v4a']);

describe.each(TRIGGERS)('the %s bundle', (trigger) => {
  it('stays within its size budget', () => {
    expect(statSync(bundlePath(trigger)).size).toBeLessThanOrEqual(BUDGET_BYTES[trigger]);
  });

  it('imports nothing but Node built-ins and the SDK\'s optional SigV4a peers', () => {
    const source = readFileSync(bundlePath(trigger), 'utf8');
    const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(0);
    const packages = specifiers.filter((s) => !s.startsWith('node:') && !/^[a-z_]+$/.test(s));
    expect(packages.filter((s) => !OPTIONAL_SDK_PEERS.has(s))).toEqual([]);
  });

  it('exports handler as an ES module', () => {
    expect(readFileSync(bundlePath(trigger), 'utf8')).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}|export\s+(?:const|async function|function)\s+handler\b/);
  });
});
