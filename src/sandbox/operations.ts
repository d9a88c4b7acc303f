// The operations the sandbox serves, from the SDK's generated runtime table (method, path, request encoding, list
// shape), completed with what the sandbox also needs from the spec itself (whether the operation needs credentials).
import { runtimeOperations, type RuntimeOperationId } from '../../generated/runtime.js';
import { bundledSpec, operationObject, type JsonObject } from './spec.js';

export type SandboxOperationId = RuntimeOperationId;

export interface SandboxOperation {
  readonly operationId: SandboxOperationId;
  readonly method: string;
  readonly path: string;
  /** The operation's own server (the cloud services outside the REST API base). */
  readonly server?: string;
  readonly requestMediaType?: string;
  readonly bodyRequired: boolean;
  /** Array form fields sent as one comma-joined field. */
  readonly commaFields: readonly string[];
  readonly list?: { readonly kind: 'page'; readonly itemsKey: string } | { readonly kind: 'array' };
  /** False for operations the spec serves without credentials (`security: []`, the recording media). */
  readonly secured: boolean;
}

type RuntimeRow = {
  method: string;
  path: string;
  server?: string | null;
  requestMediaType?: string | null;
  bodyRequired?: boolean;
  commaFields?: readonly string[];
  list?: SandboxOperation['list'] | null;
};

let cached: SandboxOperation[] | undefined;

export function sandboxOperations(): SandboxOperation[] {
  if (cached) return cached;
  const doc = bundledSpec();
  const globalSecurity = (doc.security as unknown[] | undefined) ?? [];
  cached = (Object.entries(runtimeOperations) as [SandboxOperationId, RuntimeRow][]).map(([operationId, row]) => {
    const { op } = operationObject(doc, row.path, row.method);
    const security = (op.security as JsonObject[] | undefined) ?? (globalSecurity as JsonObject[]);
    return {
      operationId,
      method: row.method,
      path: row.path,
      ...(row.server ? { server: row.server } : {}),
      ...(row.requestMediaType ? { requestMediaType: row.requestMediaType } : {}),
      bodyRequired: row.bodyRequired === true,
      commaFields: row.commaFields ?? [],
      ...(row.list ? { list: row.list } : {}),
      secured: security.length > 0,
    };
  });
  return cached;
}
