import type { EnvironmentConfigInput } from './environment-config.schema.js';

/**
 * What the shipped environment files hold instead of an account id. The
 * provider refuses credentials of any account but the configured one
 * (`allowed_account_ids`), so a deploy cannot land in the wrong account; the
 * placeholder makes the synth stop until someone says which account that is.
 */
export const ACCOUNT_ID_PLACEHOLDER = 'SET-YOUR-12-DIGIT-AWS-ACCOUNT-ID';

/** Where an environment is configured, as the error messages name it. */
export function environmentFileOf(environment: string): string {
  return `infra/src/config/environments/${environment}.ts`;
}

/** `CDKTF_ACCOUNT_ID_<ENVIRONMENT>`: sets one environment's account id for one run, e.g. in tests and CI synths. */
export function accountIdVariableOf(environment: string): string {
  return `CDKTF_ACCOUNT_ID_${environment.toUpperCase()}`;
}

export interface AccountIdOverrides {
  readonly environments: readonly EnvironmentConfigInput[];
  /** One line per environment whose account id came from a variable, for the entry point to print. */
  readonly notices: readonly string[];
}

/**
 * The environments with `accountId` replaced where `CDKTF_ACCOUNT_ID_<ENV>`
 * is set. Read by the entry points only (the synth and the client-config
 * command), never by the stack: an unset variable changes nothing, so the
 * placeholder still fails the synth. The value is validated like any other.
 */
export function withAccountIdOverrides(
  environments: readonly EnvironmentConfigInput[],
  variables: Readonly<Record<string, string | undefined>>,
): AccountIdOverrides {
  const notices: string[] = [];
  const result = environments.map((input) => {
    const variable = accountIdVariableOf(input.environment);
    const value = variables[variable];
    if (value === undefined || value === '') return input;
    notices.push(`account id of "${input.environment}" taken from ${variable}`);
    return { ...input, accountId: value };
  });
  return { environments: result, notices };
}
