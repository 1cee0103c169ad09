import { statSync } from 'node:fs';
import type { BenchResult } from '../result';
import { BUNDLE_BUDGET_BYTES, bundlePath, TRIGGERS } from '@cognito-passwordless/trigger-bundles';

export function measureBundleBytes(root: string): BenchResult[] {
  return TRIGGERS.map((trigger) => {
    const bytes = statSync(bundlePath(root, trigger)).size;
    return {
      section: 'Bundle size',
      name: trigger,
      unit: 'bytes',
      value: bytes,
      budget: `≤ ${BUNDLE_BUDGET_BYTES[trigger].toLocaleString('en-US')}`,
      withinBudget: bytes <= BUNDLE_BUDGET_BYTES[trigger],
    };
  });
}
