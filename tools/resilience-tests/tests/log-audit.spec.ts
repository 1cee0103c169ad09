import { LogAudit } from './support/log-audit';

describe('the log audit', () => {
  it('finds a code that stands as a value of its own', () => {
    const audit = new LogAudit();
    audit.secret('042917');
    audit.log('{"level":"INFO","message":"create-auth-challenge decision","code":"042917"}');

    expect(audit.leaks()).toEqual(['042… (6 chars)']);
  });

  it('finds a code in plain text', () => {
    const audit = new LogAudit();
    audit.secret('042917');
    audit.log('your code is 042917.');

    expect(audit.leaks()).toHaveLength(1);
  });

  it('does not take digits inside a timestamp, an id or a key for a code', () => {
    const audit = new LogAudit();
    audit.secret('042917');
    audit.log('{"timestamp":1764630429175,"requestId":"7f3a042917b2","user":"u1.Xq042917Zk"}');

    expect(audit.leaks()).toEqual([]);
  });

  it('finds any other secret wherever it appears', () => {
    const audit = new LogAudit();
    audit.secret('jane.doe@example.test', 'Correct-Horse-9');
    audit.log('sent to xjane.doe@example.testx with Correct-Horse-9!');

    expect(audit.leaks()).toHaveLength(2);
  });
});
