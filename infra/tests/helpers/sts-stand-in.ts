import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StsStandIn {
  /** `http://127.0.0.1:<port>`, for the provider's `endpoints.sts`. */
  readonly endpoint: string;
  /** Actions received, in order (`GetCallerIdentity`, ...). */
  readonly actions: readonly string[];
  stop(): Promise<void>;
}

/**
 * A loopback stand-in for the one AWS API the provider calls during a plan
 * of these stacks: STS GetCallerIdentity (credential check, the account id
 * for `allowed_account_ids`, `data.aws_caller_identity`). The caller's
 * account is its access key id, so one server answers every stack with the
 * account the test chose. Any other action is answered with an AWS-style
 * error, so an unexpected API call fails the plan instead of passing unseen.
 */
export async function startStsStandIn(): Promise<StsStandIn> {
  const actions: string[] = [];
  const server: Server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const action = new URLSearchParams(body).get('Action') ?? '(none)';
      actions.push(action);
      const account = accessKeyOf(request) ?? '';
      if (action !== 'GetCallerIdentity' || !/^\d{12}$/.test(account)) {
        response.writeHead(400, { 'content-type': 'text/xml' });
        response.end(
          `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>the test stand-in answers GetCallerIdentity only, got ${escapeXml(action)}</Message></Error><RequestId>0</RequestId></ErrorResponse>`,
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(
        '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
          `<Arn>arn:aws:iam::${account}:user/offline-plan</Arn><UserId>AIDAOFFLINEPLAN</UserId><Account>${account}</Account>` +
          '</GetCallerIdentityResult><ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    actions,
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The access key id of a SigV4 request: `Authorization: AWS4-HMAC-SHA256 Credential=<key>/<date>/...`. */
function accessKeyOf(request: IncomingMessage): string | undefined {
  return /Credential=([^/,\s]+)\//.exec(request.headers.authorization ?? '')?.[1];
}

function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, (char) => `&#${char.charCodeAt(0)};`);
}
