import { errorHeaders, MAX_ERROR_MESSAGE_HEADER_CHARS } from '../../src/protocol/error-headers';

describe('errorHeaders', () => {
  it('carries the type and the message of an error body', () => {
    expect(errorHeaders({ __type: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' })).toEqual({
      'x-amzn-errortype': 'NotAuthorizedException',
      'x-amzn-errormessage': 'Invalid session for the user, session is expired.',
    });
  });

  it('adds nothing to a body that is not an error', () => {
    expect(errorHeaders({ AuthenticationResult: {} })).toEqual({});
  });

  it('percent-encodes what a header cannot carry', () => {
    const headers = errorHeaders({ __type: 'InvalidParameterException', message: "Value 'Zoë\n' at 'authFlow'" });

    expect(headers['x-amzn-errormessage']).toBe("Value 'Zo%C3%AB%0A' at 'authFlow'");
  });

  it(`cuts a message longer than ${MAX_ERROR_MESSAGE_HEADER_CHARS} characters in the header`, () => {
    const headers = errorHeaders({ __type: 'InvalidParameterException', message: 'x'.repeat(100_000) });

    expect(headers['x-amzn-errormessage']).toBe(`${'x'.repeat(MAX_ERROR_MESSAGE_HEADER_CHARS)}...`);
  });
});
