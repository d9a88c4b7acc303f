// One place that knows what a secret looks like on the wire, so nothing the SDK (or the live contract checker)
// prints or throws can carry the auth token or the Basic value, even when a server echoes them back.
import { basicAuthorization } from './auth.js';

export const REDACTED = '[redacted]';

/** A function that replaces every known secret in a text by `[redacted]`. */
export type Redactor = (text: string) => string;

/**
 * Builds the redactor for one set of credentials. It removes the token as given and percent-encoded, the decoded
 * Basic pair `user:token`, and the Basic value (base64 of that pair, with or without the `Basic ` prefix). The account
 * SID alone is not a secret (it is in every path) and stays.
 */
export function createRedactor(user: string, token: string): Redactor {
  if (!token) return (text) => text;
  const secrets = new Set<string>([token, encodeURIComponent(token), `${user}:${token}`]);
  if (user && !user.includes(':')) secrets.add(basicAuthorization(user, token).slice('Basic '.length));
  // Longest first, so the pair is replaced whole before the token inside it.
  const ordered = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
}

/** Cuts a text to `max` characters, saying how much was left out (server text in messages stays short). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
