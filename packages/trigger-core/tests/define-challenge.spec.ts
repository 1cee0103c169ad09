import { decideNextChallenge, toDefineResponse } from '../src';
import { defineEvent, entry, passwordless, passwordThenCode, PASSWORD_OK, RIGHT, SRP_OK, WRONG } from './support';

const decide = (session: unknown[], config = passwordless(), userNotFound: unknown = false) => {
  const event = defineEvent();
  (event.request as { session: unknown }).session = session;
  (event.request as { userNotFound: unknown }).userNotFound = userNotFound;
  return decideNextChallenge(event.request, config);
};

describe('Define Auth Challenge, passwordless', () => {
  it('asks for a code when the client starts without SRP', () => {
    expect(decide([])).toEqual({ outcome: 'custom-challenge', round: 1, resends: 0 });
  });

  it('asks for a code when the client starts with SRP_A (Amplify Flutter given a password)', () => {
    expect(decide([SRP_OK])).toEqual({ outcome: 'custom-challenge', round: 1, resends: 0 });
  });

  it('issues tokens after a right code', () => {
    expect(decide([RIGHT])).toEqual({ outcome: 'issue-tokens', round: 1, resends: 0 });
    expect(decide([SRP_OK, WRONG, RIGHT])).toEqual({ outcome: 'issue-tokens', round: 2, resends: 0 });
  });

  it('asks again after a wrong code while attempts are left', () => {
    expect(decide([WRONG])).toEqual({ outcome: 'custom-challenge', round: 2, resends: 0 });
    expect(decide([WRONG, WRONG])).toEqual({ outcome: 'custom-challenge', round: 3, resends: 0 });
  });

  it('fails the session after the third wrong code', () => {
    expect(decide([WRONG, WRONG, WRONG])).toEqual({ outcome: 'fail', reason: 'attempts-exhausted' });
  });

  it('honours MAX_CODE_ATTEMPTS = 1', () => {
    expect(decide([WRONG], passwordless(1))).toEqual({ outcome: 'fail', reason: 'attempts-exhausted' });
  });

  it('refuses a failed SRP_A entry', () => {
    expect(decide([entry('SRP_A', false)])).toEqual({ outcome: 'fail', reason: 'invalid-session' });
  });

  it('refuses a step of the password flow', () => {
    expect(decide([SRP_OK, PASSWORD_OK])).toEqual({ outcome: 'fail', reason: 'invalid-session' });
  });

  it('refuses SRP_A anywhere but first', () => {
    expect(decide([WRONG, SRP_OK])).toEqual({ outcome: 'fail', reason: 'invalid-session' });
  });

  it('refuses unknown challenge names', () => {
    expect(decide([entry('SMS_MFA', true)])).toEqual({ outcome: 'fail', reason: 'invalid-session' });
  });

  it('refuses a right answer followed by more rounds', () => {
    expect(decide([RIGHT, RIGHT])).toEqual({ outcome: 'fail', reason: 'invalid-session' });
    expect(decide([RIGHT, WRONG])).toEqual({ outcome: 'fail', reason: 'invalid-session' });
  });

  it('refuses a session longer than the attempts allow', () => {
    expect(decide([WRONG, WRONG, WRONG, RIGHT])).toEqual({ outcome: 'fail', reason: 'invalid-session' });
  });
});

describe('Define Auth Challenge, password-then-code', () => {
  it('asks for the password after SRP_A', () => {
    expect(decide([SRP_OK], passwordThenCode())).toEqual({ outcome: 'password-verifier' });
  });

  it('asks for a code after the password', () => {
    expect(decide([SRP_OK, PASSWORD_OK], passwordThenCode())).toEqual({ outcome: 'custom-challenge', round: 1, resends: 0 });
  });

  it('issues tokens after password and code', () => {
    expect(decide([SRP_OK, PASSWORD_OK, WRONG, RIGHT], passwordThenCode())).toEqual({ outcome: 'issue-tokens', round: 2, resends: 0 });
  });

  it('fails a client that starts without SRP: the flow needs the password', () => {
    expect(decide([], passwordThenCode())).toEqual({ outcome: 'fail', reason: 'password-required' });
  });

  it('fails a wrong password', () => {
    expect(decide([SRP_OK, entry('PASSWORD_VERIFIER', false)], passwordThenCode())).toEqual({ outcome: 'fail', reason: 'password-failed' });
  });

  it('refuses a code without the password', () => {
    expect(decide([SRP_OK, RIGHT], passwordThenCode())).toEqual({ outcome: 'fail', reason: 'invalid-session' });
    expect(decide([RIGHT], passwordThenCode())).toEqual({ outcome: 'fail', reason: 'invalid-session' });
  });

  it('fails after the last wrong code', () => {
    expect(decide([SRP_OK, PASSWORD_OK, WRONG, WRONG, WRONG], passwordThenCode())).toEqual({ outcome: 'fail', reason: 'attempts-exhausted' });
  });
});

describe('Define Auth Challenge, unknown users', () => {
  it('answers an unknown user exactly like a known one', () => {
    for (const session of [[], [SRP_OK], [WRONG], [WRONG, WRONG], [WRONG, WRONG, WRONG]]) {
      expect(decide(session, passwordless(), true)).toEqual(decide(session, passwordless(), false));
    }
  });

  it('never issues tokens for an unknown user', () => {
    expect(decide([RIGHT], passwordless(), true)).toEqual({ outcome: 'fail', reason: 'invalid-session' });
  });
});

describe('Define Auth Challenge, malformed events', () => {
  it.each([
    ['a missing session', undefined],
    ['a null session', null],
    ['a session that is an object', { 0: WRONG }],
    ['a result given as a string', [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: 'true' }]],
    ['a result given as a number', [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: 1 }]],
    ['an entry without a name', [{ challengeResult: true }]],
    ['an entry that is null', [null]],
    ['1,000 entries', Array.from({ length: 1000 }, () => WRONG)],
  ])('fails %s', (_, session) => {
    expect(decide(session as unknown[])).toEqual({ outcome: 'fail', reason: 'malformed-event' });
  });

  it.each([['a string', 'false'], ['a number', 0], ['null', null]])('fails userNotFound given as %s', (_, value) => {
    expect(decide([], passwordless(), value)).toEqual({ outcome: 'fail', reason: 'malformed-event' });
  });

  it('treats a missing userNotFound as a known user (pools without existence-error prevention)', () => {
    const event = defineEvent();
    delete (event.request as { userNotFound?: boolean }).userNotFound;
    expect(decideNextChallenge(event.request, passwordless())).toEqual({ outcome: 'custom-challenge', round: 1, resends: 0 });
  });

  it('fails a missing request', () => {
    expect(decideNextChallenge(undefined, passwordless())).toEqual({ outcome: 'fail', reason: 'malformed-event' });
  });
});

describe('toDefineResponse', () => {
  it('maps each decision onto the response Cognito reads', () => {
    expect(toDefineResponse({ outcome: 'password-verifier' })).toEqual({ challengeName: 'PASSWORD_VERIFIER', issueTokens: false, failAuthentication: false });
    expect(toDefineResponse({ outcome: 'custom-challenge', round: 1, resends: 0 })).toEqual({ challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false });
    expect(toDefineResponse({ outcome: 'issue-tokens', round: 1, resends: 0 })).toEqual({ issueTokens: true, failAuthentication: false });
    expect(toDefineResponse({ outcome: 'fail', reason: 'attempts-exhausted' })).toEqual({ issueTokens: false, failAuthentication: true });
  });
});
