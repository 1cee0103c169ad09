import { CleanupStack, startLocalStack } from '@cognito-passwordless/local-stack';
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
  const cleanups = new CleanupStack("the bench's local stack and SES");
  let results: BenchResult[];
  try {
    const sink = await startSesSink({ cwd: root });
    cleanups.defer('ses sink', () => sink.stop());
    const ses = await startSesSwitch(sink.endpoint);
    cleanups.defer('ses switch', () => ses.stop());
    const stack = await startLocalStack({ workspaceRoot: root, sesEndpoint: ses.endpoint, triggerSettings: { MAX_CODES_PER_HOUR: '100' } });
    cleanups.defer('local stack', () => stack.stop());
    const wire = new CognitoWire(stack.outputs.cognitoEndpoint);
    for (let i = 0; i < USERS_PER_KIND; i++) await createConfirmedUser(wire, stack.outputs.userPoolId, knownUser(i), `${knownUser(i)}@example.test`, 'Correct-Horse-9');
    ses.setLatency(SES_LATENCY_MS);
    results = [await compareStarts(wire, stack.outputs.userPoolClientId, sink.endpoint)];
  } catch (error) {
    return cleanups.unwind(error);
  }
  await cleanups.dispose();
  return results;
}

/** The i-th known user, and the i-th unknown username (both wrap around `USERS_PER_KIND`). */
const knownUser = (i: number) => `known-${i % USERS_PER_KIND}`;
const unknownUser = (i: number) => `unknown-${i % USERS_PER_KIND}`;

/** Times `PAIRS` sign-in starts of each kind, interleaved, and compares the two distributions. */
async function compareStarts(wire: CognitoWire, clientId: string, sinkEndpoint: string): Promise<BenchResult> {
  const start = async (username: string): Promise<number> => {
    const started = performance.now();
    await wire.call('InitiateAuth', { AuthFlow: 'CUSTOM_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username } }).catch((error: unknown) => {
      if (error instanceof CognitoServiceFault) throw new Error(`a sign-in start failed: ${error.message}`);
      throw error;
    });
    return performance.now() - started;
  };
  // Warm both paths (first SDK calls, first store items) outside the samples.
  for (let i = 0; i < USERS_PER_KIND; i++) {
    await start(knownUser(i));
    await start(unknownUser(i));
  }
  const knownMs: number[] = [];
  const unknownMs: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    if (i % 2 === 0) {
      knownMs.push(await start(knownUser(i)));
      unknownMs.push(await start(unknownUser(i)));
    } else {
      unknownMs.push(await start(unknownUser(i)));
      knownMs.push(await start(knownUser(i)));
    }
    if (i % 50 === 49) await fetch(`${sinkEndpoint}/clear-store`, { method: 'POST' });
  }
  const test = kolmogorovSmirnov(knownMs, unknownMs);
  return {
    section: 'Unknown usernames (sign-in start, SES at ~40 ms)',
    name: 'unknown username, InitiateAuth',
    unit: 'ms',
    value: summarize(unknownMs),
    baseline: summarize(knownMs),
    budget: `KS p ≥ ${SIGNIFICANCE}`,
    withinBudget: test.pValue >= SIGNIFICANCE,
    note: `baseline: known users, interleaved; two-sample Kolmogorov–Smirnov D = ${test.statistic.toFixed(3)}, p = ${test.pValue.toFixed(3)} (n = ${PAIRS} each)`,
  };
}
