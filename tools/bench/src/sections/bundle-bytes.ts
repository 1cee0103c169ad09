import { statSync } from 'node:fs';
import type { BenchResult } from '../result';
import { bundlePath, TRIGGERS, type Trigger } from '../workspace';

const BUDGET_BYTES: Record<Trigger, number> = {
  'define-auth-challenge': 40_000,
  'create-auth-challenge': 360_000,
  'verify-auth-challenge': 40_000,
};

export function measureBundleBytes(root: string): BenchResult[] {
  return TRIGGERS.map((trigger) => {
    const bytes = statSync(bundlePath(root, trigger)).size;
    return {
      section: 'Bundle size',
      name: trigger,
      unit: 'bytes',
      value: bytes,
      budget: `≤ ${BUDGET_BYTES[trigger].toLocaleString('en-US')}`,
      withinBudget: bytes <= BUDGET_BYTES[trigger],
    };
  });
}
