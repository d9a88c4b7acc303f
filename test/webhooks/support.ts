// The spec's webhooks as test data: a bundle that has them, the parser table built from it, and a strict validator.
//
// Which bundle, first match wins: the WEBHOOK_SPEC environment variable (a bundled .json, or a root .yaml to bundle);
// generated/openapi.json once it carries `webhooks`; a fresh bundle of openapi/scratch-webhooks.yaml while it exists;
// a fresh bundle of openapi/openapi.yaml once it carries `webhooks`; /tmp/wh.json (the bundle of the scratch root, the
// stand-in until the webhooks are wired into the root).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { deref, httpMethods, type Json, type JsonObject } from '../../scripts/lib/spec.js';
import { buildWebhooksTable } from '../../scripts/lib/webhooks-table.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function bundleYaml(file: string): JsonObject {
  const dir = mkdtempSync(path.join(tmpdir(), 'webhooks-bundle-'));
  try {
    const out = path.join(dir, 'bundle.json');
    execFileSync(path.join(root, 'node_modules', '.bin', 'redocly'), ['bundle', file, '--output', out], { stdio: 'pipe' });
    return JSON.parse(readFileSync(out, 'utf8')) as JsonObject;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasWebhooks = (doc: JsonObject) => !!doc.webhooks && Object.keys(doc.webhooks).length > 0;
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as JsonObject;

function loadBundle(): { bundle: JsonObject; source: string } {
  const override = process.env.WEBHOOK_SPEC;
  if (override) {
    const file = path.resolve(root, override);
    return { bundle: file.endsWith('.json') ? readJson(file) : bundleYaml(file), source: file };
  }
  const generated = path.join(root, 'generated', 'openapi.json');
  if (existsSync(generated)) {
    const doc = readJson(generated);
    if (hasWebhooks(doc)) return { bundle: doc, source: generated };
  }
  const scratch = path.join(root, 'openapi', 'scratch-webhooks.yaml');
  if (existsSync(scratch)) return { bundle: bundleYaml(scratch), source: scratch };
  const rootYaml = path.join(root, 'openapi', 'openapi.yaml');
  const rootBundle = bundleYaml(rootYaml);
  if (hasWebhooks(rootBundle)) return { bundle: rootBundle, source: rootYaml };
  const scratchBundle = '/tmp/wh.json';
  if (existsSync(scratchBundle)) return { bundle: readJson(scratchBundle), source: scratchBundle };
  return { bundle: rootBundle, source: rootYaml };
}

const loaded = loadBundle();
export const bundle = loaded.bundle;
export const bundleSource = loaded.source;
if (!hasWebhooks(bundle)) {
  throw new Error(`${bundleSource} has no webhooks: add them to the root (or point WEBHOOK_SPEC at a bundle that has them)`);
}

export const table = buildWebhooksTable(bundle);

export interface WebhookOperation {
  key: string;
  method: string;
  operation: JsonObject;
  pathItem: JsonObject;
}

export const webhookOperations: WebhookOperation[] = Object.entries(bundle.webhooks as JsonObject).flatMap(([key, item]) => {
  const pathItem = deref(bundle, item)!;
  return httpMethods.filter((m) => pathItem[m]).map((method) => ({ key, method, operation: pathItem[method] as JsonObject, pathItem }));
});

export interface NamedExample {
  name: string;
  summary: Json | undefined;
  value: Json;
}

export function examplesOf(media: JsonObject | undefined): NamedExample[] {
  return Object.entries((media?.examples ?? {}) as JsonObject).map(([name, ex]) => {
    const example = deref(bundle, ex)!;
    return { name, summary: example.summary, value: example.value! };
  });
}

export function requestMedia(op: WebhookOperation): { type: string; media: JsonObject } {
  const content = (deref(bundle, op.operation.requestBody)?.content ?? {}) as JsonObject;
  const type = Object.keys(content)[0]!;
  return { type, media: content[type] as JsonObject };
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addSchema(bundle as object, 'webhooks-bundle');

function anchor(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(anchor);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `webhooks-bundle${v}` : anchor(v)]),
    );
  }
  return schema;
}

/** Validates against a schema of the bundle with every undeclared member forbidden (across allOf and patternProperties). */
export function validateStrictly(schema: Json, value: unknown): string {
  const validate = ajv.compile({ allOf: [anchor(schema)], unevaluatedProperties: false } as object);
  return validate(value) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

/** Writes a payload object as the form Restcomm would send (arrays as repeated keys). */
export function toForm(value: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, v] of Object.entries(value)) {
    for (const item of Array.isArray(v) ? v : [v]) form.append(name, String(item));
  }
  return form;
}
