// Routes a request to its operation with the SDK's generated operation table: the spec decides which paths exist.
import { sandboxOperations, type SandboxOperation, type SandboxOperationId } from './operations.js';

interface Route {
  operationId: SandboxOperationId;
  entry: SandboxOperation;
  regex: RegExp;
  names: string[];
  literal: number;
}

export type RouteMatch =
  | { kind: 'operation'; operationId: SandboxOperationId; entry: SandboxOperation; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/** A regular expression per operation path; the cloud services, with servers of their own, are not served here. */
function buildRoutes(): Route[] {
  const built = sandboxOperations()
    .filter((entry) => entry.server === undefined)
    .map((entry) => {
      const names: string[] = [];
      const source = entry.path
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (!name) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          names.push(name);
          return '([^/]+)';
        })
        .join('');
      return { operationId: entry.operationId, entry, regex: new RegExp(`^${source}$`), names, literal: entry.path.replace(/\{[^}]+\}/g, '').length };
    });
  // A literal segment beats a parameter: /IncomingPhoneNumbers/Local.json is not a number SID.
  return built.sort((a, b) => b.literal - a.literal);
}

let routes: Route[] | undefined;
const byMethod = new Map<string, Route[]>();

export function route(method: string, pathname: string): RouteMatch {
  if (!routes) {
    routes = buildRoutes();
    for (const r of routes) byMethod.set(r.entry.method, [...(byMethod.get(r.entry.method) ?? []), r]);
  }
  for (const r of byMethod.get(method) ?? []) {
    const m = r.regex.exec(pathname);
    if (!m) continue;
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    } catch {
      return { kind: 'not-found' };
    }
    return { kind: 'operation', operationId: r.operationId, entry: r.entry, params };
  }
  // Only for a miss: does the path exist with another method (405) or not at all (404)?
  const allowed = routes.filter((r) => r.regex.test(pathname)).map((r) => r.entry.method);
  return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}
