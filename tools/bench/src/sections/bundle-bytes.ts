import { statSync } from 'node:fs';
import type { BenchResult } from '../result';
import { TRIGGER_NAMES } from '@cognito-passwordless/contract';
import { BUNDLE_BUDGET_BYTES, bundlePath } from '@cognito-passwordless/trigger-bundles';

export function measureBundleBytes(root: string): BenchResult[] {
  return TRIGGER_NAMES.map((trigger) => {
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
