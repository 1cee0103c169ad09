import { Agent, request } from 'node:http';

/**
 * Plain HTTP/1.1 with kept-alive connections. The drivers run on the same
 * two cores as the stack they measure, and node:http costs about a quarter
 * of the CPU of fetch per request here (measured), so it leaves the stack
 * more of the machine.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
}

type RequestOptions = { method?: string; headers?: Record<string, string>; body?: string };

export function httpRequest(url: string, options: RequestOptions = {}): Promise<HttpAnswer> {
  return send(url, options, true);
}

function send(url: string, options: RequestOptions, mayRetry: boolean): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const call = request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    call.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed while idle fails before the
      // request reached it; Node's documented remedy is to send it again once.
      if (mayRetry && call.reusedSocket && error.code === 'ECONNRESET') send(url, options, false).then(resolve, reject);
      else reject(error);
    });
    call.end(options.body);
  });
}
