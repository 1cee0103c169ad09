/**
 * How a client asks for a new code within a sign-in, and how the code round
 * tells it when it may. Cognito hands the `ClientMetadata` of
 * `RespondToAuthChallenge` to Define, Create and Verify of that round, so a
 * code round answered with this metadata is a resend request (the answer
 * text is ignored).
 */

/** The `ClientMetadata` key and value of a resend request: `{"action": "resend"}`. */
export const RESEND_METADATA_KEY = 'action';
export const RESEND_METADATA_VALUE = 'resend';

/**
 * The public challenge parameter that says, in whole seconds as a string,
 * how long until a resend request sends an email ("0" once it would).
 */
export const RESEND_WAIT_PARAMETER = 'resendAfterSeconds';
