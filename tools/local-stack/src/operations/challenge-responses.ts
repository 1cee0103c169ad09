import * as v from 'valibot';
import { parseSrpTimestamp } from '../crypto/srp-timestamp';
import { errors } from '../errors';

/** A response the challenge needs: present and not empty, else Cognito's `Missing required parameter <NAME>`. */
const Required = v.pipe(v.string(), v.minLength(1));

/** `ChallengeResponses` of CUSTOM_CHALLENGE: who answers, and the answer the Verify trigger judges. */
export const CustomChallengeResponses = v.pipe(
  v.object({ USERNAME: Required, ANSWER: Required }),
  v.transform(({ USERNAME, ANSWER }) => ({ username: USERNAME, answer: ANSWER })),
);
export type CustomChallengeResponses = v.InferOutput<typeof CustomChallengeResponses>;

const Timestamp = v.pipe(
  Required,
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const timestamp = parseSrpTimestamp(dataset.value);
    if (timestamp !== undefined) return timestamp;
    addIssue({ message: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.' });
    return NEVER;
  }),
);

/** `ChallengeResponses` of PASSWORD_VERIFIER: the client's SRP proof, checked in that order as Cognito does. */
export const PasswordVerifierResponses = v.pipe(
  v.object({ USERNAME: Required, PASSWORD_CLAIM_SIGNATURE: Required, PASSWORD_CLAIM_SECRET_BLOCK: Required, TIMESTAMP: Timestamp }),
  v.transform((responses) => ({
    username: responses.USERNAME,
    /** Base64, as sent. */
    signature: responses.PASSWORD_CLAIM_SIGNATURE,
    secretBlock: Buffer.from(responses.PASSWORD_CLAIM_SECRET_BLOCK, 'base64'),
    timestamp: responses.TIMESTAMP,
  })),
);
export type PasswordVerifierResponses = v.InferOutput<typeof PasswordVerifierResponses>;

/**
 * Parses `ChallengeResponses` for one challenge; the first problem becomes
 * Cognito's InvalidParameterException: a missing or empty response names the
 * response, an unreadable one says what it should look like.
 */
export function parseChallengeResponses<S extends v.GenericSchema>(
  schema: S,
  responses: Readonly<Record<string, string>>,
): v.InferOutput<S> {
  const parsed = v.safeParse(schema, responses, { abortEarly: true });
  if (parsed.success) return parsed.output;
  const [issue] = parsed.issues;
  if (issue.kind === 'transformation') throw errors.invalidParameter(issue.message);
  throw errors.missingAuthParameter(String(issue.path?.[0]?.key ?? ''));
}
