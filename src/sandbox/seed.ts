/**
 * `startSandbox({ seed: 'spec-examples' })`: the sandbox starts with the resources of the spec's own response examples
 * (the account AC9f46… of the examples, its sub-account, applications, clients, numbers, calls, conferences and
 * participants, recordings, transcriptions, messages, notifications), so that requests built from the spec's examples
 * find what they name. The examples' account accepts the password `token`, as the project's contract tests send it.
 */
import type { Engine } from './engine.js';
import { bundledSpec, deref, type Json, type JsonObject } from './spec.js';
import type { Row, TableName } from './store.js';
import { sandboxOperations } from './operations.js';

export const EXAMPLE_ACCOUNT_SID = 'AC9f46b62376f96e83cc19ed9502987c78';
export const EXAMPLE_PASSWORD = 'token';

const tableByPrefix: Record<string, TableName> = {
  AC: 'accounts',
  AP: 'applications',
  CL: 'clients',
  PN: 'incomingPhoneNumbers',
  CA: 'calls',
  ID: 'calls',
  CF: 'conferences',
  RE: 'recordings',
  TR: 'transcriptions',
  SM: 'smsMessages',
  NO: 'notifications',
};

/** The resources an example value holds: the value itself, the items of a bare array or of a paging envelope. */
function resources(value: Json | undefined): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(resources);
  if (!value || typeof value !== 'object') return [];
  if (typeof value.sid === 'string') return [value];
  return Object.values(value).filter(Array.isArray).flatMap((items) => resources(items as Json[]));
}

/** The example value of a path parameter of an operation. */
function pathExample(doc: JsonObject, path: string, name: string): string | undefined {
  const item = deref(doc, (doc.paths as JsonObject)[path]);
  const params = [...((item?.parameters as Json[]) ?? []), ...(((item?.get as JsonObject | undefined)?.parameters as Json[]) ?? [])].map((p) => deref(doc, p)!);
  const param = params.find((p) => p.in === 'path' && p.name === name);
  const schema = deref(doc, param?.schema);
  const named = param?.examples ? deref(doc, Object.values(param.examples as JsonObject)[0])?.value : undefined;
  return (param?.example ?? named ?? (schema?.examples as Json[] | undefined)?.[0] ?? schema?.example) as string | undefined;
}

export function seedFromExamples(engine: Engine): void {
  const doc = bundledSpec();
  engine.createAccount({ email: 'examples@example.com', password: EXAMPLE_PASSWORD, sid: EXAMPLE_ACCOUNT_SID });
  // The organization a migration example moves an account to, by its domain name.
  const migrate = deref(doc, ((deref(doc, (doc.paths as JsonObject)['/Accounts/migrate/{AccountSid}.json'])?.post as JsonObject | undefined)?.requestBody));
  const migrateExamples = ((migrate?.content as JsonObject | undefined)?.['application/x-www-form-urlencoded'] as JsonObject | undefined)?.examples as JsonObject | undefined;
  for (const example of Object.values(migrateExamples ?? {})) {
    const domain = (deref(doc, example)?.value as JsonObject | undefined)?.Organization;
    if (typeof domain === 'string') engine.organization({ domain }, true);
  }
  for (const op of sandboxOperations()) {
    if (op.server || op.method !== 'GET') continue;
    const item = deref(doc, (doc.paths as JsonObject)[op.path]);
    const response = deref(doc, ((item?.get as JsonObject | undefined)?.responses as JsonObject | undefined)?.['200']);
    const examples = ((response?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.examples as JsonObject | undefined;
    for (const example of Object.values(examples ?? {})) {
      for (const resource of resources(deref(doc, example)?.value as Json)) {
        // The collection in the path decides where one prefix serves two resources (PN: numbers and caller IDs).
        const table: TableName | undefined = op.path.includes('/Participants')
          ? 'participants'
          : op.path.includes('/OutgoingCallerIds')
            ? 'outgoingCallerIds'
            : tableByPrefix[(resource.sid as string).slice(0, 2)];
        if (!table || engine.store.get(table, resource.sid as string)) continue;
        const row = structuredClone(resource) as Row;
        if (table === 'accounts') {
          if (row.sid === EXAMPLE_ACCOUNT_SID) continue;
          row.$parent = EXAMPLE_ACCOUNT_SID;
          row.$password = EXAMPLE_PASSWORD;
          engine.organization({ sid: row.organization as string, domain: `${String(row.organization).toLowerCase()}.sandbox.local` }, true);
        }
        // Participants carry their conference only in the path they are listed under (their conference_sid member is
        // typed as a call SID in the spec), so it is kept as an internal member.
        if (table === 'participants') row.$conference = pathExample(doc, op.path, 'ConferenceSid');
        const created = Date.parse(String(row.date_created ?? '').replace(/ ([+-]\d{4})$/, ' GMT$1'));
        if (Number.isFinite(created)) row.$createdAt = created;
        engine.put(table, row);
      }
    }
  }
}
