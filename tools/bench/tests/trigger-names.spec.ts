import { TRIGGER_NAMES } from '@cognito-passwordless/contract';
import { BUNDLE_BUDGET_BYTES, TRIGGERS } from '@cognito-passwordless/trigger-bundles';
import { BUDGET_OVER_BASELINE_MS } from '../src/sections/cold-load';

describe("the bench's triggers, against the contract", () => {
  it("builds and measures the contract's triggers, no more and no fewer", () => {
    expect([...TRIGGERS].sort()).toEqual([...TRIGGER_NAMES].sort());
  });

  it('has a cold-load budget and a bundle-size budget for each trigger', () => {
    expect(Object.keys(BUDGET_OVER_BASELINE_MS).sort()).toEqual([...TRIGGER_NAMES].sort());
    expect(Object.keys(BUNDLE_BUDGET_BYTES).sort()).toEqual([...TRIGGER_NAMES].sort());
  });
});
