// Walks a list operation page by page. Memory holds one page; `limit` stops early.
import type { RuntimeOperation } from '../operation-entry.js';

export interface PageFetcher {
  (query: Record<string, unknown>): Promise<unknown>;
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
    for (const item of (await fetchPage(filters)) as T[]) {
      yield item;
      if (++yielded >= max) return;
    }
    return;
  }
  if (op.list?.kind !== 'page') throw new TypeError(`${operationId} is not a list operation`);
  const itemsKey = op.list.itemsKey;
  let page = typeof filters.Page === 'number' ? filters.Page : 0;
  for (;;) {
    const envelope = (await fetchPage({ ...filters, Page: page })) as Record<string, unknown>;
    const items = envelope[itemsKey];
    if (!Array.isArray(items)) throw new TypeError(`${operationId}: page ${page} has no "${itemsKey}" array`);
    for (const item of items as T[]) {
      yield item;
      if (++yielded >= max) return;
    }
    const next = nextPage(envelope, page);
    if (next === null || items.length === 0) return;
    // A server (or mock) that does not advance would loop forever: stop with an error instead.
    if (next <= page || (typeof envelope.page === 'number' && envelope.page !== page)) {
      throw new Error(`${operationId}: paging did not advance (asked for page ${page}, got page ${String(envelope.page)} pointing to ${next})`);
    }
    page = next;
  }
}
