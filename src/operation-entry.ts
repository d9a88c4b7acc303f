/**
 * What the SDK reads at run time, per operation (generated/runtime.ts): only what it needs, so the shipped bundle
 * does not carry summaries, tags and parameter lists.
 */
export interface RuntimeOperation {
  readonly method: string;
  readonly path: string;
  /** Path parameters whose value must match a pattern (SIDs, enums), with that pattern. */
  readonly pathPatterns?: Readonly<Record<string, string>>;
  /** Query parameters declared with a date format, so that a Date value is sent in it. */
  readonly queryFormats?: Readonly<Record<string, string>>;
  /** The operation's own server URL template (services outside the REST API base); absent for the API base. */
  readonly server?: string;
  /** The request body's media type; absent when the operation takes no body. */
  readonly requestMediaType?: string;
  readonly bodyRequired?: boolean;
  /** Array form fields sent as one comma-joined field (`explode: false`); other arrays repeat their key. */
  readonly commaFields?: readonly string[];
  /** What a success answers with: JSON, text, a binary file, or nothing. */
  readonly responseKind: 'json' | 'text' | 'binary' | 'empty';
  /** How a list operation answers: a paged envelope (with its items member) or a bare array. */
  readonly list?: { readonly kind: 'page'; readonly itemsKey: string } | { readonly kind: 'array' };
  /** The path has the {AccountSid} the client fills in. */
  readonly accountScoped?: boolean;
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

/** What tools and readers need beyond RuntimeOperation, per operation (generated/operations.ts). */
export interface OperationFacts {
  readonly tag: string;
  readonly summary: string;
  readonly secured: boolean;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly queryRequired: boolean;
  readonly successStatus: number;
  /** True when the operation is inferred rather than documented (x-inferred). */
  readonly inferred: boolean;
}

/** One operation of the spec: both generated tables joined (the exported `operations`). */
export type OperationEntry = RuntimeOperation & OperationFacts;
