/** `Basic …` for an Account SID (or email) and auth token, UTF-8 safe and independent of Node's Buffer. */
export function basicAuthorization(user: string, secret: string): string {
  if (!user) throw new TypeError('accountSid is required (the Account SID or the account email address)');
  if (!secret) throw new TypeError('authToken is required');
  if (user.includes(':')) throw new TypeError('accountSid must not contain ":" (Basic auth separates user and secret with it)');
  const bytes = new TextEncoder().encode(`${user}:${secret}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}
