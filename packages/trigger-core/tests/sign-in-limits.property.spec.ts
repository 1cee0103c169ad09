import fc from 'fast-check';
import { createChallenge, SignInLimitError, SignInStateError, verifyAnswer, type CreateConfig, type RandomSource } from '../src';
import { createEvent, fixedClock, MemoryStateStore, recordingSender, verifyEvent } from './support';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Every code is 111111, so 000000 is always a wrong answer. */
const ones: RandomSource = { randomInt: () => 1, randomBytes: (size) => require('node:crypto').randomBytes(size) };

const limits = (codesPerHour: number, failuresPerDay: number): CreateConfig => ({
  MAX_CODE_ATTEMPTS: 3,
  CODE_LENGTH: 6,
  CODE_TTL_SECONDS: 300,
  MAX_CODES_PER_HOUR: codesPerHour,
  MAX_FAILED_ANSWERS_PER_DAY: failuresPerDay,
  RESEND_COOLDOWN_SECONDS: 30,
});

const verifyEventFor = (privateChallengeParameters: Record<string, string>, userNotFound: boolean) => {
  const event = verifyEvent();
  Object.assign(event.request, { privateChallengeParameters, challengeAnswer: '000000', userNotFound });
  return event;
};

const createEventFor = (userNotFound: boolean) => {
  const event = createEvent();
  if (userNotFound) Object.assign(event.request, { userNotFound: true, userAttributes: {} });
  return event;
};

/** Limit refusals and lost races are expected answers here; anything else is a bug. */
const expectedRefusal = (error: unknown) => {
  if (!(error instanceof SignInLimitError) && !(error instanceof SignInStateError)) throw error;
  return undefined;
};

describe('per-username limits over parallel sessions', () => {
  it('never emails more than MAX_CODES_PER_HOUR nor compares more than MAX_FAILED_ANSWERS_PER_DAY wrong answers, in any interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        async (s, codesPerHour, failuresPerDay, sessions, answersPerSession, userNotFound) => {
          const config = limits(codesPerHour, failuresPerDay);
          const store = new MemoryStateStore((answer) => s.schedule(answer));
          const now = fixedClock();
          const sendCode = recordingSender();
          const outcomes: string[] = [];
          const session = async () => {
            const created = await createChallenge(createEventFor(userNotFound), config, { now, store, random: ones, sendCode }).catch(expectedRefusal);
            if (!created) return;
            for (let i = 0; i < answersPerSession; i++) {
              const event = verifyEventFor(created.response.privateChallengeParameters, userNotFound);
              const verified = await verifyAnswer(event, config, { now, store }).catch(expectedRefusal);
              if (verified) outcomes.push(verified.outcome);
            }
          };

          const all = Promise.all(Array.from({ length: sessions }, session));
          await s.waitFor(all);

          const wrong = outcomes.filter((o) => o === 'wrong-code' || o === 'user-not-found');
          expect(sendCode.sent.length).toBeLessThanOrEqual(codesPerHour);
          expect(wrong.length).toBeLessThanOrEqual(failuresPerDay);
          expect(outcomes).not.toContain('correct');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds every rolling hour and every rolling day as time passes', async () => {
    const step = fc.record({
      waitMs: fc.oneof(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 2 * HOUR_MS })),
      action: fc.constantFrom('start', 'answer', 'answer', 'answer'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 150 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }), async (steps, codesPerHour, failuresPerDay) => {
        const config = limits(codesPerHour, failuresPerDay);
        const store = new MemoryStateStore();
        const now = fixedClock();
        const sendCode = recordingSender();
        const sentAt: number[] = [];
        const wrongAt: number[] = [];
        let challenge: Record<string, string> | undefined;
        for (const { waitMs, action } of steps) {
          now.advance(waitMs);
          if (action === 'start') {
            const before = sendCode.sent.length;
            const created = await createChallenge(createEvent(), config, { now, store, random: ones, sendCode }).catch(expectedRefusal);
            if (created) challenge = created.response.privateChallengeParameters;
            if (sendCode.sent.length > before) sentAt.push(now());
          } else if (challenge) {
            const verified = await verifyAnswer(verifyEventFor(challenge, false), config, { now, store });
            if (verified.outcome === 'wrong-code') wrongAt.push(now());
          }
        }

        for (const t of sentAt) expect(sentAt.filter((u) => u > t - HOUR_MS && u <= t).length).toBeLessThanOrEqual(codesPerHour);
        for (const t of wrongAt) expect(wrongAt.filter((u) => u >= t - DAY_MS && u <= t).length).toBeLessThanOrEqual(failuresPerDay);
      }),
      { numRuns: 300 },
    );
  });
});
