/** Longer messages are cut in the header (not in the body): clients refuse headers past about 16 KB in all. */
export const MAX_ERROR_MESSAGE_HEADER_CHARS = 1024;

/**
 * The headers AWS JSON 1.1 services put on an error answer beside the body:
 * `x-amzn-ErrorType` and `x-amzn-ErrorMessage`. A header carries only
 * printable ASCII, so other characters of the message are percent-encoded
 * (UTF-8), as a client would put them in a URL.
 */
export function errorHeaders(body: object): Record<string, string> {
  const { __type: type, message } = body as { __type?: unknown; message?: unknown };
  if (typeof type !== 'string') return {};
  const text = typeof message === 'string' ? message : '';
  const cut = text.length > MAX_ERROR_MESSAGE_HEADER_CHARS ? `${text.slice(0, MAX_ERROR_MESSAGE_HEADER_CHARS)}...` : text;
  return { 'x-amzn-errortype': type, 'x-amzn-errormessage': cut.replace(/[^\x20-\x7e]+/gu, (run) => encodeURIComponent(run)) };
}
