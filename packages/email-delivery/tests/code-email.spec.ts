import { composeCodeEmail } from '../src';

describe('composeCodeEmail', () => {
  it('holds the code exactly once per body and says how long it is valid', () => {
    const email = composeCodeEmail({ code: '90210734', validForSeconds: 600 }, 'Your sign-in code');

    expect(email.subject).toBe('Your sign-in code');
    for (const body of [email.text, email.html]) {
      expect(body.match(/\d{6,}/g)).toEqual(['90210734']);
      expect(body).toContain('valid for 10 minutes');
    }
  });
});
