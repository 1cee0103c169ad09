/** Claims holding seconds since the epoch: shown with their date as well. */
const TIME_CLAIMS = new Set(['exp', 'iat', 'auth_time', 'nbf']);

/** The id token's claims as rows of text, in the token's order. */
export function claimRows(payload: Readonly<Record<string, unknown>>): [name: string, value: string][] {
  return Object.entries(payload).map(([name, value]) => {
    if (TIME_CLAIMS.has(name) && typeof value === 'number') return [name, `${value} (${new Date(value * 1000).toISOString()})`];
    return [name, typeof value === 'string' ? value : JSON.stringify(value)];
  });
}
