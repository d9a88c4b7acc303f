/** One operation of the spec as the SDK sees it at run time (the generated table's row type). */
export interface OperationEntry {
  readonly method: string;
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly secured: boolean;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  /** The request body's media type, or null when the operation takes no body. */
  readonly requestMediaType: string | null;
  /** Array form fields and how they travel: repeated keys, or one comma-joined field (`explode: false`). */
  readonly formArrays: Readonly<Record<string, 'repeat' | 'comma'>>;
  readonly successStatus: number;
  /** How a list operation answers: a paged envelope (with its items member) or a bare array. */
  readonly list: { readonly kind: 'page'; readonly itemsKey: string } | { readonly kind: 'array' } | null;
  /** True when the operation is inferred rather than documented (x-inferred). */
  readonly inferred: boolean;
}
