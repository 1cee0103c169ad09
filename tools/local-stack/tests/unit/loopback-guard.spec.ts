import { isAdminFromBrowser, isLoopbackHost, isLoopbackOrigin, refusalOf } from '../../src/protocol/loopback-guard';

describe('loopback guard', () => {
  it.each(['127.0.0.1', '127.0.0.1:9229', 'localhost', 'LOCALHOST:80', '[::1]', '[::1]:9229'])('accepts the Host %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([undefined, '', 'evil.example', 'evil.example:9229', 'localhost.evil.example', '127.0.0.1.nip.io', '127.0.0.2', '0.0.0.0', 'localhost:9229/x', 'user@localhost', '[::1]x'])(
    'refuses the Host %s (DNS rebinding or not this machine)',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it.each(['http://127.0.0.1:5173', 'http://localhost:3000', 'http://[::1]:8080', 'http://localhost', 'https://localhost:8443'])('accepts the origin %s', (origin) => {
    expect(isLoopbackOrigin(origin)).toBe(true);
  });

  it.each(['null', 'https://evil.example', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example:9229', 'file://', 'ftp://localhost', 'http://localhost:3000/'])(
    'refuses the origin %s',
    (origin) => {
      expect(isLoopbackOrigin(origin)).toBe(false);
    },
  );

  it('lets requests without Origin through (SDKs, scripts) when the Host is loopback', () => {
    expect(refusalOf({ host: '127.0.0.1:9229' })).toBeUndefined();
    expect(refusalOf({ host: 'evil.example' })).toMatch(/127\.0\.0\.1, localhost or \[::1\]/);
    expect(refusalOf({ host: '127.0.0.1:9229', origin: 'https://evil.example' })).toMatch(/web pages served from/);
  });

  it('treats an admin call with any Origin as coming from a browser', () => {
    expect(isAdminFromBrowser('AdminCreateUser', { origin: 'http://127.0.0.1:9230' })).toBe(true);
    expect(isAdminFromBrowser('AdminCreateUser', {})).toBe(false);
    expect(isAdminFromBrowser('SignUp', { origin: 'http://127.0.0.1:9230' })).toBe(false);
  });
});
