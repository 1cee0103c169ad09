import * as v from 'valibot';
import { ConfigError } from './errors';

/** The process environment, or any record shaped like it. */
export type Environment = Readonly<Record<string, string | undefined>>;

type EnvironmentSchema = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;

/**
 * Parses the variables a schema names from `env` into a frozen, typed object.
 * An empty value counts as unset (Lambda consoles and Terraform write "" for
 * a cleared variable), so the schema's default applies to it. The first
 * problem found becomes a ConfigError naming the variable.
 */
export function parseEnvironment<TSchema extends EnvironmentSchema>(
  schema: TSchema,
  env: Environment,
): Readonly<v.InferOutput<TSchema>> {
  const input: Record<string, string> = {};
  for (const variable of Object.keys(schema.entries)) {
    const value = env[variable];
    if (value !== undefined && value !== '') input[variable] = value;
  }
  const result = v.safeParse(schema, input);
  if (!result.success) {
    const issue = result.issues[0];
    const variable = String(issue.path?.[0]?.key ?? 'environment');
    throw new ConfigError(variable, issue.message);
  }
  return Object.freeze(result.output);
}
