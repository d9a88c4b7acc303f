// Collects every enum the spec documents value by value (x-enumDescriptions) into the SDK's code dictionaries.
import type { JsonObject } from '../../tools/spec.js';

export interface CodeEntry {
  meaning: string;
  inferred: boolean;
}

export function buildCodesTable(doc: JsonObject): Record<string, Record<string, CodeEntry>> {
  // Enums of the API's own schemas, and the dictionaries no message carries (the root's x-codeDictionaries).
  const schemas = { ...(((doc.components as JsonObject | undefined)?.schemas ?? {}) as JsonObject), ...((doc['x-codeDictionaries'] ?? {}) as JsonObject) };
  const table: Record<string, Record<string, CodeEntry>> = {};
  for (const name of Object.keys(schemas).sort()) {
    const schema = schemas[name] as JsonObject;
    const described = schema['x-enumDescriptions'] as JsonObject | undefined;
    if (!described) continue;
    // A closed enum lists its values itself; an open one (`anyOf: [{enum: [...]}, {type}]`) in its enum branch.
    const branches = [schema, ...((schema.anyOf as JsonObject[] | undefined) ?? [])];
    const values = branches.flatMap((b) => (b.enum as unknown[] | undefined) ?? []).map(String);
    if (!values.length) throw new Error(`${name}: x-enumDescriptions without an enum to describe`);
    const stray = Object.keys(described).filter((v) => !values.includes(v));
    if (stray.length) throw new Error(`${name}: x-enumDescriptions describes values the enum lacks: ${stray.join(', ')}`);
    const missing = values.filter((v) => !(v in described));
    if (missing.length) throw new Error(`${name}: x-enumDescriptions has no entry for ${missing.join(', ')}`);
    table[name] = Object.fromEntries(
      Object.entries(described).map(([value, text]) => {
        const meaning = String(text).trim();
        return [value, { meaning: meaning.replace(/^\*\*Inferred:\*\*\s*/, ''), inferred: meaning.startsWith('**Inferred:**') }];
      }),
    );
  }
  return table;
}
