import * as v from 'valibot';

/** Window lengths AWS WAF accepts for a rate-based rule (`evaluation_window_sec`). */
export const WAF_EVALUATION_WINDOWS_SECONDS = [60, 120, 300, 600] as const;
/** AWS WAF's bounds for a rate-based rule's limit. */
export const WAF_RATE_LIMIT_MIN = 10;
export const WAF_RATE_LIMIT_MAX = 2_000_000_000;

/**
 * Requests one client IP may send to the user pool in the window before WAF
 * blocks it. Sized in docs/operations.md ("WAF rate limit"): room for an
 * office or carrier NAT that carries 1 % of the peak sign-ins at 1 million
 * monthly users ten times over, while one address takes at most about 6.7
 * requests/s of Cognito's default 120/s.
 */
export const DEFAULT_WAF_REQUESTS_PER_IP = 2_000;
export const DEFAULT_WAF_WINDOW_SECONDS = 300;
/** Blocked requests in 5 minutes from which the WAF alarm fires: a flood, or a limit that turns real users away. */
export const DEFAULT_WAF_BLOCKED_REQUESTS_PER_5_MINUTES = 500;

export const WafSchema = v.strictObject({
  /** A regional web ACL in front of the user pool. On unless an environment turns it off. */
  enabled: v.optional(v.boolean('must be true or false'), true),
  requestsPerIp: v.optional(
    v.pipe(
      v.number('must be an integer'),
      v.integer(`must be an integer from ${WAF_RATE_LIMIT_MIN} to ${WAF_RATE_LIMIT_MAX}`),
      v.minValue(WAF_RATE_LIMIT_MIN, `must be an integer from ${WAF_RATE_LIMIT_MIN} to ${WAF_RATE_LIMIT_MAX}`),
      v.maxValue(WAF_RATE_LIMIT_MAX, `must be an integer from ${WAF_RATE_LIMIT_MIN} to ${WAF_RATE_LIMIT_MAX}`),
    ),
    DEFAULT_WAF_REQUESTS_PER_IP,
  ),
  windowSeconds: v.optional(
    v.picklist(WAF_EVALUATION_WINDOWS_SECONDS, `must be one of ${WAF_EVALUATION_WINDOWS_SECONDS.join(', ')}`),
    DEFAULT_WAF_WINDOW_SECONDS,
  ),
  blockedRequestsPer5Minutes: v.optional(
    v.pipe(
      v.number('must be an integer'),
      v.integer('must be an integer from 1 to 1000000'),
      v.minValue(1, 'must be an integer from 1 to 1000000'),
      v.maxValue(1_000_000, 'must be an integer from 1 to 1000000'),
    ),
    DEFAULT_WAF_BLOCKED_REQUESTS_PER_5_MINUTES,
  ),
});

export type WafConfig = Readonly<v.InferOutput<typeof WafSchema>>;
