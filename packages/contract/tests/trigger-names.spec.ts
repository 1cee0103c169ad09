import { TRIGGER_BUNDLE_FILE, TRIGGER_NAMES, triggerBundlePath } from '../src';

describe('the trigger names', () => {
  it('place each bundle at dist/apps/<name>/index.mjs, the path every tool and infra read', () => {
    expect(TRIGGER_NAMES.map(triggerBundlePath)).toEqual([
      'dist/apps/define-auth-challenge/index.mjs',
      'dist/apps/create-auth-challenge/index.mjs',
      'dist/apps/verify-auth-challenge/index.mjs',
    ]);
    expect(TRIGGER_BUNDLE_FILE).toBe('index.mjs');
  });
});
