// SIDs and dates in the server's formats (reference core/common.yaml: `sids`, `date_formats`).
import { createHash, randomBytes } from 'node:crypto';

export const API_VERSION = '2012-04-24';

/** Two-letter prefix + 32 lowercase hex digits, the form every resource SID takes. */
export function newSid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

/** Calls created by current servers: `ID<32 hex>-CA<32 hex>`, the instance id first. */
export function newCallSid(instanceId: string): string {
  return `${instanceId}-${newSid('CA')}`;
}

export function md5Hex(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** The server derives an account SID from the lower-cased email address, so it is deterministic. */
export function accountSidFor(email: string): string {
  return 'AC' + md5Hex(email.toLowerCase());
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `EEE, d MMM yyyy HH:mm:ss Z` (day not padded), in UTC: the `date_created`/`date_updated` form. */
export function rfc2822(ms: number): string {
  const d = new Date(ms);
  return `${days[d.getUTCDay()]}, ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Joda's `DateTime.toString()`: `yyyy-MM-ddTHH:mm:ss.SSS+00:00` (start_time, end_time, date_sent, message_date). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/** The call-progress `Timestamp`: `EEE, dd MMM yyyy HH:mm:ss` and the zone id Joda prints for `ZZZZ`. */
export function progressTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${days[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** `yyyy-MM-dd` in UTC (usage record dates, date filters). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
