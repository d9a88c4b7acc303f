/** A value a form field may carry; arrays become repeated keys. */
export type FormScalar = string | number | boolean | bigint;
export type FormValue = FormScalar | readonly FormScalar[] | null | undefined;

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** One form or query value as text; anything that has no single faithful text form is refused, naming the field. */
export function scalarText(kind: string, field: string, value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${kind} "${field}" is ${value}, which cannot be sent as a number`);
      return String(value);
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      throw new TypeError(`${kind} "${field}" must be a string, number or boolean (or an array of them), got ${describeValue(value)}`);
  }
}

function ownFields(kind: string, value: unknown): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    throw new TypeError(`A ${kind} must be an object of fields, got ${describeValue(value)}`);
  }
  // Own enumerable keys only: nothing inherited from a prototype is ever sent.
  return Object.entries(value as Record<string, unknown>);
}

/**
 * Encodes a request body as application/x-www-form-urlencoded the way Restcomm reads it: PascalCase fields as given,
 * numbers and booleans as text, arrays as repeated keys (or joined with commas for the fields named in `commaFields`,
 * which the spec declares with `explode: false`; an item holding a comma is refused there, since the server would read
 * it as two). `undefined` fields are left out (they were never set); `null` and nested objects are refused with an
 * error naming the field rather than being sent as "null" or dropped.
 */
export function encodeForm(body: unknown, commaFields: readonly string[] = []): string {
  const params = new URLSearchParams();
  for (const [field, value] of ownFields('form body', body)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && commaFields.includes(field)) {
      const items = value.map((item, i) => scalarText('Form field', `${field}[${i}]`, item));
      const bad = items.findIndex((item) => item.includes(','));
      if (bad >= 0) throw new TypeError(`Form field "${field}[${bad}]" contains a comma; this field is sent comma-joined, so the server would read it as several values`);
      params.append(field, items.join(','));
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => params.append(field, scalarText('Form field', `${field}[${i}]`, item)));
    } else {
      params.append(field, scalarText('Form field', field, value));
    }
  }
  return params.toString();
}

/** Text for a Date in a query parameter's declared format (`date`: the UTC day, `date-time`: ISO 8601). */
function dateText(field: string, value: Date, format: string | undefined): string {
  if (Number.isNaN(value.getTime())) throw new TypeError(`Query parameter "${field}" is an invalid Date`);
  if (format === 'date') return value.toISOString().slice(0, 10);
  if (format === 'date-time') return value.toISOString();
  throw new TypeError(`Query parameter "${field}" is a Date, but the spec declares no date format for it; pass text`);
}

/**
 * Encodes a query: keys and values percent-encoded, arrays as repeated keys, `undefined` left out, `Date` values in
 * the format the spec declares for the parameter (`formats`), anything else that has no faithful text form refused.
 */
export function encodeQuery(query: unknown, formats: Readonly<Record<string, string>> | undefined): string {
  const params = new URLSearchParams();
  for (const [field, value] of ownFields('query', query)) {
    if (value === undefined) continue;
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item: unknown, i) => {
      const name = Array.isArray(value) ? `${field}[${i}]` : field;
      const format = formats && Object.hasOwn(formats, field) ? formats[field] : undefined;
      params.append(field, item instanceof Date ? dateText(name, item, format) : scalarText('Query parameter', name, item));
    });
  }
  return params.toString();
}
