import { startLocalStack, type LocalStack } from '@cognito-passwordless/local-stack';
import { CognitoWire, createConfirmedUser } from '@cognito-passwordless/sign-in-driver';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PASSWORD, WORKSPACE_ROOT } from './support/workspace';

/** Test bundles that fail the way real functions do. */
const FAULTY_BUNDLES = {
  throws: `export const handler = async () => { throw new Error('boom'); };`,
  hangs: `export const handler = () => new Promise(() => {});`,
  garbage: `export const handler = async () => 'not an event';`,
};

describe('a trigger that throws, hangs or answers garbage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faulty-bundles-'));
  const stacks: LocalStack[] = [];
  for (const [name, source] of Object.entries(FAULTY_BUNDLES)) writeFileSync(join(dir, `${name}.mjs`), source);
  afterAll(async () => {
    await Promise.all(stacks.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts a stack with one trigger replaced, creates a user, and tries a passwordless sign-in start. */
  async function initiateWith(bundles: Record<string, string>) {
    const stack = await startLocalStack({ workspaceRoot: WORKSPACE_ROOT, bundles, triggerTimeoutMs: 1_000 });
    stacks.push(stack);
    const wire = new CognitoWire(stack.outputs.cognitoEndpoint);
    await createConfirmedUser(wire, stack.outputs.userPoolId, 'faulty', 'faulty@example.test', PASSWORD);
    const started = Date.now();
    const answer = await wire
      .call('InitiateAuth', { AuthFlow: 'CUSTOM_AUTH', ClientId: stack.outputs.userPoolClientId, AuthParameters: { USERNAME: 'faulty' } })
      .catch((e: unknown) => e);
    return { answer: answer as { type?: string; message?: string; AuthenticationResult?: unknown }, stack, elapsedMs: Date.now() - started };
  }

  it('answers a Define that throws with UserLambdaValidationException and no tokens', async () => {
    const { answer } = await initiateWith({ define: join(dir, 'throws.mjs') });

    expect(answer).toMatchObject({ type: 'UserLambdaValidationException' });
    expect(answer.message).toMatch(/DefineAuthChallenge failed with error boom/);
    expect(answer.AuthenticationResult).toBeUndefined();
  });

  it('answers a Create that never returns within the timeout, with an error and no tokens', async () => {
    // Timed from the sign-in start: starting the stack (now with dynalite) is not the trigger's time.
    const { answer, elapsedMs } = await initiateWith({ create: join(dir, 'hangs.mjs') });

    expect(answer.type).toMatch(/Exception$/);
    expect(answer.AuthenticationResult).toBeUndefined();
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it('answers a Define that returns garbage with InvalidLambdaResponseException', async () => {
    const { answer } = await initiateWith({ define: join(dir, 'garbage.mjs') });

    expect(answer).toMatchObject({ type: 'InvalidLambdaResponseException' });
    expect(answer.AuthenticationResult).toBeUndefined();
  });
});
