import { startLocalStack } from '@cognito-passwordless/local-stack';
import { startSesSink, startSesSwitch } from '@cognito-passwordless/ses-sink';
import { CognitoServiceFault, CognitoWire, createConfirmedUser } from '@cognito-passwordless/sign-in-driver';
import type { BenchResult } from '../result';
import { kolmogorovSmirnov, summarize } from '../statistics';

/** What SES takes to accept a message, about; the switch in front of the sink adds it. */
const SES_LATENCY_MS = 40;
const PAIRS = 200;
/** MAX_CODES_PER_HOUR allows 100 a username: spread the sign-ins over a few of each kind. */
const USERS_PER_KIND = 4;
const SIGNIFICANCE = 0.05;

/**
 * Whether a sign-in's start tells an existing username from an unknown one:
 * 200 InitiateAuth calls for known users and 200 for unknown usernames,
 * interleaved (the order within each pair alternates), against the local
 * stack whose SES answers in about 40 ms. A two-sample Kolmogorov–Smirnov
 * test compares the two latency distributions; p ≥ 0.05 means they cannot be
 * told apart at that level.
 */
export async function measureUnknownUsers(root: string): Promise<BenchResult[]> {
  const sink = await startSesSink({ cwd: root });
  const ses = await startSesSwitch(sink.endpoint);
  const stack = await startLocalStack({ workspaceRoot: root, sesEndpoint: ses.endpoint, triggerSettings: { MAX_CODES_PER_HOUR: '100' } });
  try {
    const wire = new CognitoWire(stack.outputs.cognitoEndpoint);
    const known = Array.from({ length: USERS_PER_KIND }, (_, i) => `known-${i}`);
    const unknown = Array.from({ length: USERS_PER_KIND }, (_, i) => `unknown-${i}`);
    for (const user of known) await createConfirmedUser(wire, stack.outputs.userPoolId, user, `${user}@example.test`, 'Correct-Horse-9');
    ses.setLatency(SES_LATENCY_MS);
    const start = async (username: string): Promise<number> => {
      const started = performance.now();
      await wire.call('InitiateAuth', { AuthFlow: 'CUSTOM_AUTH', ClientId: stack.outputs.userPoolClientId, AuthParameters: { USERNAME: username } }).catch((error: unknown) => {
        if (error instanceof CognitoServiceFault) throw new Error(`a sign-in start failed: ${error.message}`);
        throw error;
      });
      return performance.now() - started;
    };
    // Warm both paths (first SDK calls, first store items) outside the samples.
    for (let i = 0; i < USERS_PER_KIND; i++) {
      await start(known[i]!);
      await start(unknown[i]!);
    }
    const knownMs: number[] = [];
    const unknownMs: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const k = known[i % USERS_PER_KIND]!;
      const u = unknown[i % USERS_PER_KIND]!;
      if (i % 2 === 0) {
        knownMs.push(await start(k));
        unknownMs.push(await start(u));
      } else {
        unknownMs.push(await start(u));
        knownMs.push(await start(k));
      }
      if (i % 50 === 49) await fetch(`${sink.endpoint}/clear-store`, { method: 'POST' });
    }
    const test = kolmogorovSmirnov(knownMs, unknownMs);
    return [
      {
        section: 'Unknown usernames (sign-in start, SES at ~40 ms)',
        name: 'unknown username, InitiateAuth',
        unit: 'ms',
        value: summarize(unknownMs),
        baseline: summarize(knownMs),
        budget: `KS p ≥ ${SIGNIFICANCE}`,
        withinBudget: test.pValue >= SIGNIFICANCE,
        note: `baseline: known users, interleaved; two-sample Kolmogorov–Smirnov D = ${test.statistic.toFixed(3)}, p = ${test.pValue.toFixed(3)} (n = ${PAIRS} each)`,
      },
    ];
  } finally {
    await stack.stop();
    await ses.stop();
    await sink.stop();
  }
}
