import type { Mailer } from '../adapters/verification-mailer';
import type { CognitoTriggers } from '../adapters/triggers';
import { systemClock, type Clock } from '../clock';
import { DecoyVerifiers } from '../crypto/decoy-verifiers';
import type { TokenService } from '../crypto/tokens';
import { AttemptLimiter } from '../state/attempt-limiter';
import type { PoolSettings } from '../state/pool-settings';
import type { SessionStore } from '../state/sessions';
import type { UserStore } from '../state/user-store';

/** What the operations work on; made once where the stack wires the pool. */
export interface UserPoolDependencies {
  readonly settings: PoolSettings;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly triggers: CognitoTriggers;
  readonly tokens: TokenService;
  readonly mailer: Mailer;
  /** The system clock unless a test brings a fake one (give the same one to SessionStore and TokenService). */
  readonly clock?: Clock | undefined;
}

/** The dependencies plus the state only the operations keep (in memory; a restart clears it). */
export interface UserPool extends UserPoolDependencies {
  readonly clock: Clock;
  /** Wrong confirmation codes per user, for sign-up and for password reset separately. */
  readonly wrongCodes: AttemptLimiter;
  readonly decoys: DecoyVerifiers;
}

export function createUserPool(dependencies: UserPoolDependencies): UserPool {
  const clock = dependencies.clock ?? systemClock;
  return {
    ...dependencies,
    clock,
    wrongCodes: new AttemptLimiter(clock),
    decoys: new DecoyVerifiers(dependencies.settings.secret),
  };
}
