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
  const raw = options.baseUrl ?? `https://${options.domain ?? DEFAULT_DOMAIN}${API_PATH}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`baseUrl "${raw}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new TypeError(`baseUrl "${raw}" must use https (plain http is only allowed for localhost)`);
  }
  if (url.search || url.hash) throw new TypeError(`baseUrl "${raw}" must not carry a query or fragment`);
  return url.toString().replace(/\/+$/, '');
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
