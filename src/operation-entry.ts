/** One operation of the spec as the SDK sees it at run time (the generated table's row type). */
export interface OperationEntry {
  readonly method: string;
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly secured: boolean;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  /** Per path parameter, the pattern its value must match (from the schema's pattern, enum or anyOf of those). */
  readonly pathPatterns: Readonly<Record<string, string>>;
  /** Per query parameter declared with a date format, that format (`date` or `date-time`). */
  readonly queryFormats: Readonly<Record<string, string>>;
  /** The request body's media type, or null when the operation takes no body. */
  readonly requestMediaType: string | null;
  /** Array form fields and how they travel: repeated keys, or one comma-joined field (`explode: false`). */
  readonly formArrays: Readonly<Record<string, 'repeat' | 'comma'>>;
  readonly successStatus: number;
  /** How a list operation answers: a paged envelope (with its items member) or a bare array. */
  readonly list: { readonly kind: 'page'; readonly itemsKey: string } | { readonly kind: 'array' } | null;
  /** True when the operation is inferred rather than documented (x-inferred). */
  readonly inferred: boolean;
  readonly queryRequired: boolean;
  readonly bodyRequired: boolean;
  /** What a success answers with: JSON, text, a binary file, or nothing. */
  readonly responseKind: 'json' | 'text' | 'binary' | 'empty';
  /** The operation's own server URL template (services outside the REST API base), or null for the API base. */
  readonly server: string | null;
  /** Where the SDK mounts it: `client.<namespace…>.<method>(…args, payload?, options?)`. */
  readonly sdk: {
    readonly namespace: readonly string[];
    readonly method: string;
    /** Path parameters taken positionally, in path order (the account SID is not among them). */
    readonly args: readonly string[];
    /** What the argument after the positional ones is: the request body, the query, or nothing. */
    readonly payload: 'body' | 'query' | null;
  };
}

/**
 * What the SDK reads at run time, per operation: the subset of OperationEntry it needs, so the shipped bundle does not
 * carry summaries, tags and parameter lists (generated/runtime.ts).
 */
export interface RuntimeOperation {
  readonly method: string;
  readonly path: string;
  /** Path parameters whose value must match a pattern (SIDs, enums), with that pattern. */
  readonly pathPatterns?: Readonly<Record<string, string>>;
  /** Query parameters declared with a date format, so that a Date value is sent in it. */
  readonly queryFormats?: Readonly<Record<string, string>>;
  readonly server?: string;
  readonly requestMediaType?: string;
  readonly bodyRequired?: boolean;
  /** Array form fields sent as one comma-joined field (`explode: false`); other arrays repeat their key. */
  readonly commaFields?: readonly string[];
  readonly responseKind: OperationEntry['responseKind'];
  readonly list?: OperationEntry['list'];
  /** The path has the {AccountSid} the client fills in. */
  readonly accountScoped?: boolean;
  readonly sdk: OperationEntry['sdk'];
}
