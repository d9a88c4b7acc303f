/** How one form parameter of a webhook is typed in the spec, as the parser needs it at run time. */
export interface FieldSpec {
  /** The schema type. Values arrive as text; `integer`, `number` and `boolean` are converted, `array` collects repeats. */
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'array';
  /** Allowed values (a `const` counts as a one-value enum). For an `array` field, the allowed values of its items. */
  readonly enum?: readonly (string | number)[];
  readonly format?: string;
  readonly pattern?: string;
}

/** One webhook (callback kind) of the spec as the parser sees it at run time (the generated table's row type). */
export interface WebhookEntry {
  /** The HTTP method declared for the webhook (Restcomm may also use GET where the spec says so). */
  readonly method: string;
  readonly operationId: string;
  /** The request body's media type, normally `application/x-www-form-urlencoded`. */
  readonly mediaType: string;
  /** Parameters Restcomm always sends. */
  readonly required: readonly string[];
  /** Every named parameter, with its type. */
  readonly fields: Readonly<Record<string, FieldSpec>>;
  /** Families of parameters matched by name (`patternProperties`), e.g. `^SipHeader_X-.+$`, in spec order. */
  readonly patterns: readonly { readonly pattern: string; readonly field: FieldSpec }[];
  /** Parameters declared as arrays, whose repeated keys are all kept (other repeated keys keep their first value). */
  readonly repeated: readonly string[];
}
