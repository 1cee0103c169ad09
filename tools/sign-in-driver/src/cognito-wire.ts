import { httpRequest } from './loopback-http';

/**
 * The user pool API over its wire protocol (AWS JSON 1.1), with nothing in
 * between: what a benchmark or a load test wants, where an SDK's middleware
 * would be part of the measurement.
 */
export class CognitoServiceFault extends Error {
  override readonly name = 'CognitoServiceFault';

  constructor(
    /** Cognito's `__type`, e.g. `NotAuthorizedException`. */
    readonly type: string,
    message: string,
    readonly status: number,
  ) {
    super(`${type}: ${message}`);
  }
}

export class CognitoWire {
  constructor(private readonly endpoint: string) {}

  async call<T = Record<string, unknown>>(operation: string, body: Record<string, unknown>): Promise<T> {
    const { status, text } = await httpRequest(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(body),
    });
    const parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    if (status !== 200) {
      const type = String(parsed['__type'] ?? `HTTP${status}`).replace(/^.*#/, '');
      throw new CognitoServiceFault(type, String(parsed['message'] ?? parsed['Message'] ?? ''), status);
    }
    return parsed as T;
  }
}
