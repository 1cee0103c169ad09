import type { DefineFailReason } from '@cognito-passwordless/contract';
import type { DefineConfig } from './config.schema';
import { ownField, readUserNotFound } from './event-fields';
import {
  CUSTOM_CHALLENGE,
  PASSWORD_VERIFIER,
  readSessionHistory,
  SRP_A,
  type SessionEntry,
  type SessionHistory,
} from './session-history';
import { isResendRequest, MAX_RESENDS_PER_SIGN_IN, resendsBefore } from './sign-in-resends';

/** Why Define fails a session: the contract's names, which the metric filters match. */
export type { DefineFailReason };

export type DefineDecision =
  | { readonly outcome: 'password-verifier' }
  /** `round` counts the custom challenges of this session, this one included; `resends` the resend requests among them. */
  | { readonly outcome: 'custom-challenge'; readonly round: number; readonly resends: number }
  | { readonly outcome: 'issue-tokens'; readonly round: number; readonly resends: number }
  | { readonly outcome: 'fail'; readonly reason: DefineFailReason };

const fail = (reason: DefineFailReason): DefineDecision => ({ outcome: 'fail', reason });

/**
 * How many entries open the session before the custom rounds, or a failure:
 * - passwordless: `[]` (no SRP) or `[SRP_A ✓]` (a client that starts with
 *   SRP although no password is needed, such as Amplify Flutter when the app
 *   passes a password or chooses `customAuthWithSrp`);
 * - password-then-code: `[SRP_A ✓, PASSWORD_VERIFIER ✓]`, with
 *   `PASSWORD_VERIFIER` asked for after `[SRP_A ✓]`.
 */
function readPrefix(history: SessionHistory, config: DefineConfig): number | DefineDecision {
  const [first, second] = history;
  if (config.SIGN_IN_FLOW === 'passwordless') {
    if (first?.challengeName !== SRP_A) return 0;
    return first.challengeResult ? 1 : fail('invalid-session');
  }
  if (!first) return fail('password-required');
  if (first.challengeName !== SRP_A || !first.challengeResult) return fail('invalid-session');
  if (!second) return { outcome: 'password-verifier' };
  if (second.challengeName !== PASSWORD_VERIFIER) return fail('invalid-session');
  return second.challengeResult ? 2 : fail('password-failed');
}

/**
 * Define Auth Challenge: from the session so far, the next step. Fails
 * closed: tokens are issued only when every entry is exactly where the
 * configured flow puts it and the last custom answer was right.
 */
export function decideNextChallenge(request: unknown, config: DefineConfig): DefineDecision {
  const history = readSessionHistory(ownField(request, 'session'));
  const userNotFound = readUserNotFound(request);
  if (!history || userNotFound === undefined) return fail('malformed-event');

  const prefix = readPrefix(history, config);
  if (typeof prefix !== 'number') return prefix;

  const rounds = history.slice(prefix);
  if (rounds.some((entry) => entry.challengeName !== CUSTOM_CHALLENGE)) return fail('invalid-session');
  const resent = resendFlags(rounds, isResendRequest(request));
  if (!resent) return fail('invalid-session');
  // Only the last round may be right (a right answer ends the session), and never one answered with a resend request.
  if (rounds.some((entry, i) => entry.challengeResult && (i < rounds.length - 1 || resent[i]))) return fail('invalid-session');
  const resends = resent.filter(Boolean).length;
  const compared = rounds.length - resends;
  if (compared > config.MAX_CODE_ATTEMPTS) return fail('invalid-session');
  if (resends > MAX_RESENDS_PER_SIGN_IN) return fail('resends-exhausted');

  const last = rounds.at(-1);
  if (!last) return { outcome: 'custom-challenge', round: 1, resends };
  if (last.challengeResult) {
    // Verify never accepts an answer for an unknown user; if one got through, it was not ours.
    return userNotFound ? fail('invalid-session') : { outcome: 'issue-tokens', round: rounds.length, resends };
  }
  if (compared < config.MAX_CODE_ATTEMPTS) return { outcome: 'custom-challenge', round: rounds.length + 1, resends };
  return fail('attempts-exhausted');
}

/**
 * Which custom rounds were answered with a resend request, or undefined when
 * the counts Create wrote are not a sequence it writes (starting at 0, each
 * round one more than the last at most). The round after a resend request
 * carries the raised count; the last round's own request is this round's
 * client metadata.
 */
function resendFlags(rounds: readonly SessionEntry[], lastIsResend: boolean): boolean[] | undefined {
  const counts = rounds.map((entry) => resendsBefore(entry.challengeMetadata));
  if (counts.length > 0 && counts[0] !== 0) return undefined;
  const flags: boolean[] = [];
  for (const [i, count] of counts.entries()) {
    if (i === 0) continue;
    const step = count - (counts[i - 1] ?? 0);
    if (step !== 0 && step !== 1) return undefined;
    flags.push(step === 1);
  }
  if (rounds.length > 0) flags.push(lastIsResend);
  return flags;
}

/** The `response` Cognito reads from Define Auth Challenge. */
export interface DefineResponse {
  challengeName?: string;
  issueTokens: boolean;
  failAuthentication: boolean;
}

export function toDefineResponse(decision: DefineDecision): DefineResponse {
  switch (decision.outcome) {
    case 'password-verifier':
      return { challengeName: PASSWORD_VERIFIER, issueTokens: false, failAuthentication: false };
    case 'custom-challenge':
      return { challengeName: CUSTOM_CHALLENGE, issueTokens: false, failAuthentication: false };
    case 'issue-tokens':
      return { issueTokens: true, failAuthentication: false };
    case 'fail':
      return { issueTokens: false, failAuthentication: true };
  }
}
