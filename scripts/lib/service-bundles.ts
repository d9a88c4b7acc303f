// One bundle per service (generated/services/<service>.openapi.json), each with its own top-level `servers`.
// Code generators ignore path-level `servers`, so a client generated from the whole bundle sends the cloud services'
// requests (/2fa/…, /numbermasking/…) under /restcomm/2012-04-24. Each service's paths are cut out of the whole bundle
// and Redocly's bundler drops the components they do not use.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { bundle, loadConfig, makeDocumentFromString } from '@redocly/openapi-core';
import { root } from './paths.js';
import { httpMethods, type Json, type JsonObject } from '../../tools/spec.js';

/** The paths served by the top-level server: the REST API under /restcomm/2012-04-24 (and the webhooks). */
export const restApiService = 'rest-api';

interface Service {
  name: string;
  servers: Json[];
  paths: JsonObject;
  tags: Set<string>;
}

const slug = (tag: string) =>
  tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function operationTags(item: JsonObject): string[] {
  return httpMethods.flatMap((m) => ((item[m] as JsonObject | undefined)?.tags as string[] | undefined) ?? []);
}

/** Groups the bundle's paths by service: a path item with its own `servers` belongs to the service its tag names. */
export function splitServices(doc: JsonObject): Service[] {
  const services = new Map<string, Service>();
  for (const [route, raw] of Object.entries((doc.paths ?? {}) as JsonObject)) {
    const { servers, ...item } = raw as JsonObject;
    const tags = operationTags(item);
    let name = restApiService;
    if (servers !== undefined) {
      if (!tags[0]) throw new Error(`${route} has its own servers but no tagged operation to name its service`);
      name = slug(tags[0]);
      if (name === restApiService) throw new Error(`${route}: the tag "${tags[0]}" clashes with the REST API's bundle name`);
    }
    const service = services.get(name) ?? { name, servers: (servers as Json[] | undefined) ?? (doc.servers as Json[]), paths: {}, tags: new Set() };
    if (servers !== undefined && !isDeepStrictEqual(servers, service.servers)) {
      throw new Error(`${route} declares other servers than the rest of the ${name} service; one bundle cannot hold both`);
    }
    service.paths[route] = item;
    for (const tag of tags) service.tags.add(tag);
    services.set(name, service);
  }
  return [...services.values()];
}

/** The document of one service, before unused components are dropped. */
export function serviceDocument(doc: JsonObject, service: Service): JsonObject {
  const info = doc.info as JsonObject;
  const allTags = (doc.tags ?? []) as JsonObject[];
  const isRestApi = service.name === restApiService;
  const own = new Set(service.tags);
  if (isRestApi) {
    // The REST API keeps the overview (trait) tags and the webhooks; it drops only the other services' tags.
    for (const webhook of Object.values((doc.webhooks ?? {}) as JsonObject)) for (const t of operationTags(webhook as JsonObject)) own.add(t);
    for (const tag of allTags) if (tag['x-traitTag'] === true) own.add(String(tag.name));
  }
  const tags = allTags.filter((t) => own.has(String(t.name)));
  const serviceTag = allTags.find((t) => slug(String(t.name)) === service.name);
  const out: JsonObject = {
    openapi: doc.openapi!,
    info: {
      ...info,
      title: isRestApi ? `${String(info.title)}: REST API` : `${String(info.title)}: ${String(serviceTag?.name ?? service.name)}`,
      description:
        `${isRestApi ? String(info.description) : String(serviceTag?.description ?? '')}\n` +
        `This is one service of the Restcomm CPaaS API, cut from the whole description (\`openapi.json\`) so that code ` +
        `generators send its requests to its own base URL.\n`,
    },
    servers: service.servers,
    security: doc.security!,
    tags,
    paths: service.paths,
  };
  if (isRestApi && doc.webhooks) out.webhooks = doc.webhooks;
  out.components = doc.components!;
  if (isRestApi && Array.isArray(doc['x-tagGroups'])) {
    out['x-tagGroups'] = (doc['x-tagGroups'] as JsonObject[])
      .map((g) => ({ ...g, tags: (g.tags as string[]).filter((t) => own.has(t)) }))
      .filter((g) => g.tags.length > 0);
  }
  return out;
}

/** Writes `<outDir>/services/<service>.openapi.json` for every service; returns the files written. */
export async function writeServiceBundles(doc: JsonObject, outDir: string): Promise<string[]> {
  const dir = path.join(outDir, 'services');
  await mkdir(dir, { recursive: true });
  // Redocly's bundler in process (what `redocly bundle --remove-unused-components` runs, without a CLI start-up per
  // service), with the project's redocly.yaml as the CLI would load it.
  const config = await loadConfig({ configPath: path.join(root, 'redocly.yaml') });
  const written: string[] = [];
  for (const service of splitServices(doc).sort((a, b) => a.name.localeCompare(b.name))) {
    const output = path.join(dir, `${service.name}.openapi.json`);
    const source = makeDocumentFromString(JSON.stringify(serviceDocument(doc, service)), path.join(dir, `${service.name}.json`));
    const { bundle: bundled } = await bundle({ doc: source, config, removeUnusedComponents: true });
    await writeFile(output, JSON.stringify(bundled.parsed, null, 2) + '\n');
    written.push(output);
  }
  return written;
}
