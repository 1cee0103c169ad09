import { DECOY_EMAIL_RECIPIENT } from '@cognito-passwordless/contract';
import { readMailStore } from '@cognito-passwordless/ses-sink';
import { confirmSignIn, signIn, signOut } from 'aws-amplify/auth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { configureAmplify } from '../support/amplify';
import {
  confirmedUser,
  initiateCustomAuth,
  leakedSecrets,
  respondToCustomChallenge,
  startTestStack,
  uniqueUser,
  wrongCode,
  type TestStack,
} from '../support/test-stack';

/** What a client sends to ask for a new code: the answer text is ignored. */
const RESEND = { action: 'resend' };
// Long enough that a busy machine answers the early resend inside it, short enough to wait out.
const COOLDOWN_SECONDS = 2;

describe('resending a code within a sign-in (local stack, real trigger bundles)', () => {
  let t: TestStack;
  let outputDir: string;

  beforeAll(async () => {
    outputDir = mkdtempSync(join(tmpdir(), 'local-stack-outputs-'));
    t = await startTestStack({ outputDir, triggerSettings: { RESEND_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS) } });
    // Amplify warns once about the custom endpoint, which is the point here.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    configureAmplify(outputDir, t.outputs.cognitoEndpoint);
  });

  afterAll(async () => {
    await t?.stop();
    rmSync(outputDir, { recursive: true, force: true });
  });

  const signInEmails = async (email: string) => (await t.mail.to(email)).filter((mail) => mail.subject !== 'Your verification code');
  const initiate = (username: string, clientMetadata?: Record<string, string>) => initiateCustomAuth(t, username, { ClientMetadata: clientMetadata });
  const respond = (username: string, session: string | undefined, answer: string, clientMetadata?: Record<string, string>) =>
    respondToCustomChallenge(t, username, session, answer, clientMetadata);

  it('with Amplify JS: waits out the cooldown, then a new code signs in, the old one fails, and the attempts stay', async () => {
    const user = await confirmedUser(t, 'amplify-resend');
    const started = await signIn({ username: user.username, options: { authFlowType: 'CUSTOM_WITHOUT_SRP' } });
    const oldCode = await t.mail.latestCode(user.email);

    const early = await confirmSignIn({ challengeResponse: 'resend', options: { clientMetadata: RESEND } });
    const emailsAfterEarly = (await signInEmails(user.email)).length;
    await sleep(COOLDOWN_SECONDS * 1000 + 100);
    const resent = await confirmSignIn({ challengeResponse: 'resend', options: { clientMetadata: RESEND } });
    const newCode = await t.mail.latestCode(user.email);
    const oldTried = await confirmSignIn({ challengeResponse: oldCode });
    const done = await confirmSignIn({ challengeResponse: newCode });

    expect(started.nextStep).toMatchObject({ additionalInfo: { attemptsLeft: '3', resendAfterSeconds: String(COOLDOWN_SECONDS) } });
    expect(early.nextStep).toMatchObject({
      signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE',
      additionalInfo: { attemptsLeft: '3', resendAfterSeconds: String(COOLDOWN_SECONDS) },
    });
    expect(emailsAfterEarly).toBe(1);
    expect(resent.nextStep).toMatchObject({ additionalInfo: { attemptsLeft: '3', hint: expect.stringContaining('earlier codes no longer work') } });
    expect(newCode).not.toBe(oldCode);
    expect(oldTried.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE', additionalInfo: { attemptsLeft: '2' } });
    expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(await signInEmails(user.email)).toHaveLength(2);
    expect(leakedSecrets(t)).toEqual([]);
    await signOut();
  });

  it('ignores {"action": "resend"} sent with InitiateAuth, as Cognito does (it never reaches Define or Create)', async () => {
    const user = await confirmedUser(t, 'initiate-resend');

    const started = await initiate(user.username, RESEND);
    const code = await t.mail.latestCode(user.email);
    const done = await respond(user.username, started.Session, code);

    expect(started.ChallengeParameters?.['hint']).toMatch(/^Enter the 6-digit code we sent/);
    expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(await signInEmails(user.email)).toHaveLength(1);
  });

  it('answers an unknown username exactly as a known one, and emails only the mailbox simulator', async () => {
    const known = await confirmedUser(t, 'known-resend');
    const unknown = uniqueUser('unknown-resend');
    const rounds = async (username: string) => {
      const first = await initiate(username);
      const waited = await respond(username, first.Session, 'resend', RESEND);
      await sleep(COOLDOWN_SECONDS * 1000 + 100);
      const resent = await respond(username, waited.Session, 'resend', RESEND);
      const wrong = await respond(username, resent.Session, '000000');
      return [first, waited, resent, wrong].map((step) => ({ ...step.ChallengeParameters, USERNAME: undefined }));
    };
    const decoysBefore = (await readMailStore(t.outputs.sesEndpoint)).filter((e) => e.destination.to.includes(DECOY_EMAIL_RECIPIENT)).length;

    const knownRounds = await rounds(known.username);
    const unknownRounds = await rounds(unknown.username);

    expect(unknownRounds).toEqual(knownRounds);
    expect(await signInEmails(known.email)).toHaveLength(2);
    expect(await t.mail.to(unknown.email)).toHaveLength(0);
    const decoys = (await readMailStore(t.outputs.sesEndpoint)).filter((e) => e.destination.to.includes(DECOY_EMAIL_RECIPIENT));
    expect(decoys.length - decoysBefore).toBe(2);
    expect(knownRounds[1]).toMatchObject({ attemptsLeft: '3' });
    expect(knownRounds[3]).toMatchObject({ attemptsLeft: '2' });
  });

  it('keeps the first code when the resend is inside the cooldown', async () => {
    const user = await confirmedUser(t, 'early-resend');
    const wrongFirst = await initiate(user.username);
    const code = await t.mail.latestCode(user.email);

    const waited = await respond(user.username, wrongFirst.Session, 'resend', RESEND);
    const wrong = await respond(user.username, waited.Session, wrongCode(code));
    const done = await respond(user.username, wrong.Session, code);

    expect(Number(waited.ChallengeParameters?.['resendAfterSeconds'])).toBeLessThanOrEqual(COOLDOWN_SECONDS);
    expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(await signInEmails(user.email)).toHaveLength(1);
  });
});
