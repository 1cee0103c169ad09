import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './stack';

/**
 * The hint the create trigger writes once a code has expired. trigger-core
 * does not export it, and a real expiry takes CODE_TTL_SECONDS (60 s at
 * least), so the tests read the sentence from the trigger's source: if its
 * wording changes, these tests see the new one.
 */
export function expiredHint(): string {
  const source = readFileSync(join(WORKSPACE_ROOT, 'packages', 'trigger-core', 'src', 'challenge-hint.ts'), 'utf8');
  const match = /export const EXPIRED_HINT = '([^']+)';/.exec(source);
  if (!match) throw new Error('EXPIRED_HINT not found in packages/trigger-core/src/challenge-hint.ts');
  return match[1]!;
}
