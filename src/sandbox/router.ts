// Routes a request to its operation with the SDK's generated operation table: the spec decides which paths exist.
import { operations, type OperationId } from '../../generated/operations.js';
import type { OperationEntry } from '../operation-entry.js';

interface Route {
  operationId: OperationId;
  entry: OperationEntry;
  regex: RegExp;
  names: string[];
  literal: number;
}

export type RouteMatch =
  | { kind: 'operation'; operationId: OperationId; entry: OperationEntry; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

// Operations with a server of their own (the cloud services) live outside the REST API base the sandbox serves.
const routes: Route[] = (Object.entries(operations) as [OperationId, OperationEntry][])
  .filter(([, entry]) => entry.server === null)
  .map(([operationId, entry]) => {
    const names: string[] = [];
    const source = entry.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part)?.[1];
        if (name) {
          names.push(name);
          return '([^/]+)';
        }
        return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      })
      .join('');
    return { operationId, entry, regex: new RegExp(`^${source}$`), names, literal: entry.path.replace(/\{[^}]+\}/g, '').length };
  })
  // A literal segment beats a parameter: /IncomingPhoneNumbers/Local.json is not a number SID.
  .sort((a, b) => b.literal - a.literal);

const byMethod = new Map<string, Route[]>();
for (const r of routes) byMethod.set(r.entry.method, [...(byMethod.get(r.entry.method) ?? []), r]);

export function route(method: string, pathname: string): RouteMatch {
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
