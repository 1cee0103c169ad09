/**
 * SRP's `TIMESTAMP` challenge response: the client's time, which the
 * signature covers. Conversions only: the current time comes from the Clock.
 */
import { dateAt } from '../clock';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIMESTAMP = /^([A-Z][a-z]{2}) ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/;

/** Cognito's `TIMESTAMP` format, `EEE MMM d HH:mm:ss z yyyy` (day not zero-padded). */
export function formatSrpTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}

/**
 * Reads a `TIMESTAMP` leniently (a zero-padded day, any weekday), as Cognito's
 * parser does; the signature is then checked over the canonical form, so such
 * variants fail the check as they do on Cognito. Undefined when unreadable.
 */
export function parseSrpTimestamp(text: string): Date | undefined {
  const match = TIMESTAMP.exec(text);
  if (match === null) return undefined;
  const [, weekday = '', month = '', day, hours, minutes, seconds, year] = match;
  const monthIndex = MONTHS.indexOf(month);
  if (!WEEKDAYS.includes(weekday) || monthIndex < 0) return undefined;
  const date = dateAt(Date.UTC(Number(year), monthIndex, Number(day), Number(hours), Number(minutes), Number(seconds)));
  return date.getUTCDate() === Number(day) && date.getUTCHours() === Number(hours) ? date : undefined;
}
