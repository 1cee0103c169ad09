import { codesIn, mailStoreUrl, parseMailStore } from '../src';

describe('the mail store reader', () => {
  it('asks for the whole store, or the emails since a time', () => {
    expect(mailStoreUrl('http://127.0.0.1:8005')).toBe('http://127.0.0.1:8005/store');
    expect(mailStoreUrl('http://127.0.0.1:8005', 1700000000.7)).toBe('http://127.0.0.1:8005/store?since=1700000000');
  });

  it('reads the emails of a /store answer and refuses another shape', () => {
    expect(parseMailStore('{"emails":[{"subject":"s"}]}')).toEqual([{ subject: 's' }]);
    expect(() => parseMailStore('{"mails":[]}')).toThrow('without an emails list');
  });

  it('finds each code once across the text and HTML bodies, and not colours or character references', () => {
    const email = { body: { text: 'Your code is 123456. It expires in 300 seconds.', html: '<p style="color:#123457">Your code is <b>123456</b>&#1234567;</p>' } };

    expect(codesIn(email)).toEqual(['123456']);
    expect(codesIn({ body: { text: 'no code here, only 12345 and 12345678901' } })).toEqual([]);
  });
});
