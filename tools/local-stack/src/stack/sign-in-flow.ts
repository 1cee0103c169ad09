import { SIGN_IN_FLOW, type SignInFlow } from '@cognito-passwordless/contract';
import { LocalStackConfigError } from '../errors';

/**
 * The flow the define function runs, from the SIGN_IN_FLOW setting it is
 * handed (unset or empty: the contract's default). The client files name it,
 * so an unknown value stops the stack before anything starts.
 */
export function signInFlowOf(setting: string | undefined): SignInFlow {
  if (setting === undefined || setting === '') return SIGN_IN_FLOW.defaultValue;
  const flow = SIGN_IN_FLOW.values.find((value) => value === setting);
  if (flow === undefined) {
    throw new LocalStackConfigError(SIGN_IN_FLOW.name, `expected one of ${SIGN_IN_FLOW.values.join(', ')}, got ${JSON.stringify(setting)}`);
  }
  return flow;
}
