export const API_PATH = '/restcomm/2012-04-24';
export const DEFAULT_DOMAIN = 'cloud.restcomm.com';

const loopback = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** localhost, 127.x.x.x or [::1]: where plain HTTP cannot expose credentials to the network. */
export function isLoopbackHost(hostname: string): boolean {
  return loopback.test(hostname);
}

/**
 * Works out the API base URL from either a full `baseUrl` or a `domain`. Credentials travel in every request, so plain
 * HTTP is refused except on the loopback interface (local servers and mocks).
 */
export function resolveBaseUrl(options: { baseUrl?: string | undefined; domain?: string | undefined }): string {
  if (options.baseUrl !== undefined && options.domain !== undefined) {
    throw new TypeError('Pass either baseUrl or domain, not both');
  }
  if (options.domain !== undefined) checkDomain(options.domain);
  const raw = options.baseUrl ?? `https://${options.domain ?? DEFAULT_DOMAIN}${API_PATH}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`baseUrl ${shown(raw)} is not an absolute URL`);
  }
  // Credentials go in the Authorization header; a user:password@ in the URL would be echoed by every error message.
  if (url.username || url.password) throw new TypeError('baseUrl must not carry credentials (user:password@); pass accountSid and authToken instead');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new TypeError(`baseUrl ${shown(raw)} must use https (plain http is only allowed for localhost)`);
  }
  if (url.search || url.hash) throw new TypeError(`baseUrl ${shown(raw)} must not carry a query or fragment`);
  return url.toString().replace(/\/+$/, '');
}

// A DNS name (labels of letters, digits and hyphens), an IPv4 address or a bracketed IPv6 address, then an optional port.
const hostAndPort = /^(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::(?:[0-9]{1,5}))?$/;

/** `domain` is a host with an optional port, nothing else: no scheme, path, credentials or spaces. */
export function checkDomain(domain: unknown): void {
  if (typeof domain !== 'string' || domain === '') throw new TypeError(`domain must be a host name such as cloud.restcomm.com, got ${domain === '' ? 'an empty string' : typeof domain}`);
  const port = /:(\d+)$/.exec(domain)?.[1];
  if (domain.length > 260 || !hostAndPort.test(domain) || (port !== undefined && Number(port) > 65535)) {
    throw new TypeError(`domain ${shown(domain)} is not a host name with an optional port (for a full URL, pass baseUrl instead)`);
  }
}

/** A caller's URL in a message: without any user:password@ and cut short. */
function shown(raw: string): string {
  const text = raw.replace(/\/\/[^/@]*@/, '//');
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}

/**
 * The base URL an operation is sent to. Operations of the REST API use `apiBase`; the cloud services outside it
 * (`/2fa`, `/numbermasking`, …) declare their own server, `https://{domain}`: with a domain that is filled in, and with
 * an explicit base URL (a self-hosted server or a mock) the services are taken to live on the same origin.
 */
export function serverFor(server: string | null, apiBase: string, domain: string | undefined): string {
  if (!server) return apiBase;
  if (domain) return server.replace('{domain}', domain);
  return new URL(server.replace(/^https?:\/\/\{domain\}/, ''), new URL(apiBase).origin).toString().replace(/\/+$/, '');
}
