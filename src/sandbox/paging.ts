// The server's paging envelope (reference core/common.yaml `paging`), literal "null" URIs included.
import { HttpError } from './answers.js';
import { view, type Row } from './store.js';

/**
 * One page of `rows`. `uri` is the list path without `.json`: `/2012-04-24/Accounts/…` for Calls, Conferences,
 * Participants and IncomingPhoneNumbers, the full request path (with `/restcomm`) for the others.
 */
export function page(rows: readonly Row[], query: Readonly<Record<string, unknown>>, uri: string, itemsKey: string): Record<string, unknown> {
  const pageSize = query.PageSize === undefined ? 50 : Number(query.PageSize);
  const pageIndex = query.Page === undefined ? 0 : Number(query.Page);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new HttpError(400, `PageSize must be an integer from 1 to 1000`);
  if (!Number.isInteger(pageIndex) || pageIndex < 0) throw new HttpError(400, `Page must be an integer >= 0`);
  const total = rows.length;
  const numPages = Math.floor(total / pageSize); // the index of the last page, as the server computes it
  if (pageIndex > numPages) throw new HttpError(400, `Page ${pageIndex} is beyond the last page (${numPages})`);
  const items = rows.slice(pageIndex * pageSize, pageIndex * pageSize + pageSize);
  const last = pageIndex === numPages;
  const lastSid = items.at(-1)?.sid;
  return {
    page: pageIndex,
    num_pages: numPages,
    page_size: pageSize,
    total,
    start: String(pageIndex * pageSize),
    end: String(last ? pageIndex * pageSize + items.length : pageIndex * pageSize + pageSize - 1),
    uri,
    first_page_uri: `${uri}?Page=0&PageSize=${pageSize}`,
    previous_page_uri: pageIndex === 0 ? 'null' : `${uri}?Page=${pageIndex - 1}&PageSize=${pageSize}`,
    next_page_uri: last ? 'null' : `${uri}?Page=${pageIndex + 1}&PageSize=${pageSize}&AfterSid=${lastSid}`,
    last_page_uri: `${uri}?Page=${numPages}&PageSize=${pageSize}`,
    [itemsKey]: items.map(view),
  };
}
