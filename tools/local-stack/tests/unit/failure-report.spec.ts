import { LocalStackStartError, PortInUseError } from '../../src/errors';
import { CleanupError } from '../../src/stack/cleanup-stack';
import { describeFailure } from '../../src/stack/failure-report';

describe('describeFailure', () => {
  it('prints a start failure the stack explains as its message alone', () => {
    expect(describeFailure(new PortInUseError(9229, 'LOCAL_COGNITO_PORT'))).toBe(
      'Port 9229 on 127.0.0.1 is already in use: stop what holds it or set LOCAL_COGNITO_PORT to a free port.',
    );
  });

  it('prints every clean-up that failed, with the start failure that made them run', () => {
    const error = new CleanupError([{ name: 'ses sink', error: new Error('EPERM') }], { what: 'the local stack', cause: new LocalStackStartError('The SES sink failed to start') });

    expect(describeFailure(error)).toBe('The SES sink failed to start; then, stopping what had started, 1 clean-up failed (ses sink: EPERM)');
  });

  it('adds the stack trace of an unexpected failure behind the clean-ups', () => {
    const bug = new TypeError('x is not a function');
    const error = new CleanupError([{ name: 'user store', error: new Error('EIO') }], { what: 'the local stack', cause: bug });

    expect(describeFailure(error)).toBe(`x is not a function; then, stopping what had started, 1 clean-up failed (user store: EIO)\n${bug.stack}`);
  });

  it('prints the stack trace of anything else', () => {
    const bug = new RangeError('out of range');

    expect(describeFailure(bug)).toBe(bug.stack);
    expect(describeFailure('a string')).toBe('a string');
  });
});
