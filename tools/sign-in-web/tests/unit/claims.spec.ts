import { claimRows } from '../../src/claims';

describe('claimRows', () => {
  it("keeps the token's order, shows times with their UTC date and other values as text or JSON", () => {
    const rows = claimRows({ sub: 'abc', email_verified: true, auth_time: 1_700_000_000, 'cognito:groups': ['admins'] });

    expect(rows).toEqual([
      ['sub', 'abc'],
      ['email_verified', 'true'],
      ['auth_time', '1700000000 (2023-11-14T22:13:20.000Z)'],
      ['cognito:groups', '["admins"]'],
    ]);
  });
});
