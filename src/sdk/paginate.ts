// Walks a list operation page by page. Memory holds one page; `limit` stops early.
import type { RuntimeOperation } from '../operation-entry.js';
import { RestcommInvalidResponseError } from './errors.js';

export interface PageFetcher {
  (query: Record<string, unknown>): Promise<{ data: unknown; response: Response }>;
}

/** A page whose shape is not the declared one is an invalid answer, not a crash in the loop. */
function invalid(op: RuntimeOperation, operationId: string, response: Response, reason: string): RestcommInvalidResponseError {
  const path = response.url ? new URL(response.url).pathname : op.path;
  return new RestcommInvalidResponseError({ method: op.method, path, operationId, status: response.status, response }, reason);
}

/** The page after `page`, read from `next_page_uri` (the literal string "null" on the last page). */
export function nextPage(envelope: Record<string, unknown>, page: number): number | null {
  const next = envelope.next_page_uri;
  if (typeof next !== 'string' || next === 'null' || next === '') return null;
  const fromUri = new URL(next, 'http://x').searchParams.get('Page');
  return fromUri !== null && /^\d+$/.test(fromUri) ? Number(fromUri) : page + 1;
}

export async function* paginate<T>(op: RuntimeOperation, operationId: string, query: Record<string, unknown>, fetchPage: PageFetcher): AsyncGenerator<T> {
  const { limit, ...filters } = query;
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)) {
    throw new TypeError(`${operationId}: limit must be a non-negative integer, got ${String(limit)}`);
  }
  const max = (limit as number | undefined) ?? Infinity;
  if (max === 0) return;
  let yielded = 0;
  if (op.list?.kind === 'array') {
    // Bare arrays come whole in one answer: iterate them the same way.
    const { data, response } = await fetchPage(filters);
    if (!Array.isArray(data)) throw invalid(op, operationId, response, `${data === null ? 'null' : typeof data} where a list (JSON array) was expected`);
    for (const item of data as T[]) {
      yield item;
      if (++yielded >= max) return;
    }
    return;
  }
  if (op.list?.kind !== 'page') throw new TypeError(`${operationId} is not a list operation`);
  const itemsKey = op.list.itemsKey;
  let page = typeof filters.Page === 'number' ? filters.Page : 0;
  for (;;) {
    const { data, response } = await fetchPage({ ...filters, Page: page });
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw invalid(op, operationId, response, `${data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data} where a page envelope (JSON object) was expected`);
    }
    const envelope = data as Record<string, unknown>;
    const items = Object.hasOwn(envelope, itemsKey) ? envelope[itemsKey] : undefined;
    if (!Array.isArray(items)) throw invalid(op, operationId, response, `page ${page} without a "${itemsKey}" array`);
    for (const item of items as T[]) {
      yield item;
      if (++yielded >= max) return;
    }
    const next = nextPage(envelope, page);
    if (next === null || items.length === 0) return;
    // A server (or mock) that does not advance would loop forever: stop with an error instead.
    if (next <= page || (typeof envelope.page === 'number' && envelope.page !== page)) {
      throw invalid(op, operationId, response, `a page that does not advance (asked for page ${page}, got page ${String(envelope.page)} pointing to ${next})`);
    }
    page = next;
  }
}
