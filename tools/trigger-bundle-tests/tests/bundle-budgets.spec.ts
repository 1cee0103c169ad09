import { readFileSync, statSync } from 'node:fs';
import { BUNDLE_BUDGET_BYTES, bundlePath, TRIGGERS } from '@cognito-passwordless/trigger-bundles';
import { WORKSPACE_ROOT } from './bundles';

/**
 * The SDK's signer looks for these inside try/catch and only needs them for
 * SigV4a (multi-region endpoints), which SES does not use.
 */
const OPTIONAL_SDK_PEERS = new Set(['@aws-sdk/signature-v4-crt', '@aws-sdk/signature-v4a']);

describe.each(TRIGGERS)('the %s bundle', (trigger) => {
  it('stays within its size budget', () => {
    expect(statSync(bundlePath(WORKSPACE_ROOT, trigger)).size).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES[trigger]);
  });

  it('imports nothing but Node built-ins and the SDK\'s optional SigV4a peers', () => {
    const source = readFileSync(bundlePath(WORKSPACE_ROOT, trigger), 'utf8');
    const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
    expect(specifiers.length).toBeGreaterThan(0);
    const packages = specifiers.filter((s) => !s.startsWith('node:') && !/^[a-z_]+$/.test(s));
    expect(packages.filter((s) => !OPTIONAL_SDK_PEERS.has(s))).toEqual([]);
  });

  it('exports handler as an ES module', () => {
    expect(readFileSync(bundlePath(WORKSPACE_ROOT, trigger), 'utf8')).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}|export\s+(?:const|async function|function)\s+handler\b/);
  });
});
