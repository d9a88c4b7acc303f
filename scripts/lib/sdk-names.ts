// Names each operation's SDK method: a namespace chain from the path (or `x-sdk`), a method from the operationId verb.
import type { JsonObject } from '../../tools/spec.js';

export interface SdkName {
  namespace: readonly string[];
  method: string;
}

// `put` names the PUT twin of an update the server also takes as POST (the SDK method `put`, retried like any PUT).
const verbs = /^(list|create|fetch|update|put|delete|migrate|send|verify|cancel|reserve|release|rename)(?=[A-Z])/;
const identifier = /^[a-z][A-Za-z0-9]*$/;

/** `IncomingPhoneNumbers` → `incomingPhoneNumbers`, `SMS` → `sms`, `TollFree.json` → `tollFree`. */
export function camel(segment: string): string {
  const bare = segment.replace(/\.(json|wav|mp4)$/, '');
  return bare === bare.toUpperCase() ? bare.toLowerCase() : bare[0]!.toLowerCase() + bare.slice(1);
}

export function sdkName(operationId: string, path: string, operation: JsonObject): SdkName {
  const explicit = operation['x-sdk'] as JsonObject | undefined;
  const verb = verbs.exec(operationId)?.[1];
  let name: SdkName;
  if (explicit) {
    name = { namespace: String(explicit.namespace ?? '').split('.').filter(Boolean), method: String(explicit.method ?? verb ?? '') };
  } else {
    if (!verb) throw new Error(`${operationId}: cannot derive an SDK method from the operationId; add x-sdk {namespace, method}`);
    const segments = path.split('/').filter(Boolean);
    // Account-scoped resources hang off the client directly: /Accounts/{AccountSid}/Calls.json → calls.
    const rest = segments[0] === 'Accounts' && segments[1] === '{AccountSid}' ? segments.slice(2) : segments;
    const namespace = rest
      .filter((s) => !s.startsWith('{'))
      .map(camel)
      .filter((s) => s !== verb);
    name = { namespace: namespace.length ? namespace : ['accounts'], method: verb };
  }
  for (const part of [...name.namespace, name.method]) {
    if (!identifier.test(part)) throw new Error(`${operationId}: SDK name part "${part}" is not a camelCase identifier (x-sdk or path)`);
  }
  if (name.namespace.length === 0) throw new Error(`${operationId}: x-sdk needs a namespace`);
  return name;
}

/** Fails, naming both operations, when two would get the same SDK method. */
export function assertUniqueSdkNames(names: Record<string, SdkName & { paginated: boolean }>): void {
  const seen = new Map<string, string>();
  for (const [id, n] of Object.entries(names)) {
    const keys = [`${n.namespace.join('.')}.${n.method}`];
    if (n.paginated) keys.push(`${n.namespace.join('.')}.each`);
    for (const key of keys) {
      const other = seen.get(key);
      if (other) throw new Error(`SDK method ${key} would be generated for both ${other} and ${id}; give one of them x-sdk {namespace, method}`);
      seen.set(key, id);
    }
  }
}
