/**
 * Thrown when the values handed to a builder cannot describe a Cognito user
 * pool a client could reach. `field` names the offending input property.
 */
export class ClientConfigError extends Error {
  override readonly name = 'ClientConfigError';

  constructor(
    readonly field: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${field}: ${message}`, options);
  }
}
