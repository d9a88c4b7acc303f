/** A value a form field may carry; arrays become repeated keys. */
export type FormScalar = string | number | boolean | bigint;
export type FormValue = FormScalar | readonly FormScalar[] | null | undefined;

function scalar(field: string, value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Form field "${field}" is ${value}, which cannot be sent as a number`);
      return String(value);
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      throw new TypeError(
        `Form field "${field}" must be a string, number or boolean (or an array of them), got ${value === null ? 'null' : typeof value}`,
      );
  }
}

/**
 * Encodes a request body as application/x-www-form-urlencoded the way Restcomm reads it: PascalCase fields as given,
 * numbers and booleans as text, arrays as repeated keys (or joined with commas for the fields named in `commaFields`,
 * which the spec declares with `explode: false`). `undefined` fields are left out (they were never set);
 * `null` and nested objects are refused with an error naming the field rather than being sent as "null" or dropped.
 */
export function encodeForm(body: unknown, commaFields: readonly string[] = []): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TypeError(`A form body must be an object of fields, got ${Array.isArray(body) ? 'an array' : body === null ? 'null' : typeof body}`);
  }
  const params = new URLSearchParams();
  for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && commaFields.includes(field)) {
      params.append(field, value.map((item, i) => scalar(`${field}[${i}]`, item)).join(','));
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => params.append(field, scalar(`${field}[${i}]`, item)));
    } else {
      params.append(field, scalar(field, value));
    }
  }
  return params.toString();
}
