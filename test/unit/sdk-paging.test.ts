import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { json, scriptedFetch, type Handler } from '../support/scripted-fetch.js';

const SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const server = scriptedFetch();


function pagedSms(total: number): Handler {
  return (req) => {
    const q = new URL(req.url, 'http://x').searchParams;
    const page = Number(q.get('Page') ?? 0);
    const size = Number(q.get('PageSize') ?? 50);
    const numPages = Math.floor(total / size);
    const first = page * size;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - first)) }, (_, i) => ({ sid: `SM${String(first + i).padStart(32, '0')}` }));
    const uri = `/restcomm/2012-04-24/Accounts/${SID}/SMS/Messages`;
    return json(200, {
        page,
        num_pages: numPages,
        page_size: size,
        total,
        start: String(first),
        end: String(page === numPages ? first + items.length : first + size - 1),
        uri,
        first_page_uri: `${uri}?Page=0&PageSize=${size}`,
        previous_page_uri: page === 0 ? 'null' : `${uri}?Page=${page - 1}&PageSize=${size}`,
        next_page_uri: page >= numPages ? 'null' : `${uri}?Page=${page + 1}&PageSize=${size}&AfterSid=${items.at(-1)?.sid}`,
        last_page_uri: `${uri}?Page=${numPages}&PageSize=${size}`,
        messages: items,
    })(req);
  };
}

describe('each(): pagination', () => {
  it('walks every page through Page/PageSize and next_page_uri, one request per page', async () => {
    server.script(pagedSms(23));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    const sids: string[] = [];
    for await (const sms of client.sms.messages.each({ PageSize: 10, Status: 'delivered' })) sids.push(sms.sid);
    expect(sids).toHaveLength(23);
    expect(new Set(sids).size).toBe(23);
    expect(server.received.map((r) => new URL(r.url, 'http://x').searchParams.get('Page'))).toEqual(['0', '1', '2']);
    expect(server.received.every((r) => r.url.includes('Status=delivered') && r.url.includes('PageSize=10'))).toBe(true);
    expect(server.received.every((r) => !r.url.includes('limit'))).toBe(true);
  });

  it('stops at limit without fetching pages it does not need', async () => {
    server.script(pagedSms(100));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    const sids: string[] = [];
    for await (const sms of client.sms.messages.each({ PageSize: 10, limit: 15 })) sids.push(sms.sid);
    expect(sids).toHaveLength(15);
    expect(server.received).toHaveLength(2);
  });

  it('handles an empty list and a list that is exactly one page', async () => {
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    server.script(pagedSms(0));
    const none: unknown[] = [];
    for await (const s of client.sms.messages.each()) none.push(s);
    expect(none).toEqual([]);
    server.script(pagedSms(10));
    let n = 0;
    for await (const _ of client.sms.messages.each({ PageSize: 10 })) n++;
    expect(n).toBe(10);
    // num_pages is the last page's index: a full single page still points at page 1, which comes back empty.
    expect(server.received).toHaveLength(2);
  });

  it('stops at an empty page even when it still links to a next one', async () => {
    // Some servers keep next_page_uri set past the end; without the stop this walk would never end.
    const uri = `/restcomm/2012-04-24/Accounts/${SID}/SMS/Messages`;
    server.script((req) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('Page'));
      if (page > 0) return json(500, { message: 'walked past the empty page' })(req);
      return json(200, { page, page_size: 10, next_page_uri: `${uri}?Page=${page + 1}&PageSize=10`, messages: [] })(req);
    });
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    const seen: unknown[] = [];
    for await (const sms of client.sms.messages.each({ PageSize: 10 })) seen.push(sms);
    expect(seen).toEqual([]);
    expect(server.received).toHaveLength(1);
  });

  it('list() returns one page with its envelope', async () => {
    server.script(pagedSms(23));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    const page = await client.sms.messages.list({ Page: 1, PageSize: 10 });
    expect(page.page).toBe(1);
    expect(page.messages).toHaveLength(10);
    expect(page.next_page_uri).toContain('Page=2');
  });

  it('iterates bare-array lists the same way', async () => {
    server.script(json(200, [{ sid: 'AP1' }, { sid: 'AP2' }, { sid: 'AP3' }]));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    const seen: string[] = [];
    for await (const app of client.applications.each({ limit: 2 })) seen.push(app.sid);
    expect(seen).toEqual(['AP1', 'AP2']);
    expect(server.received).toHaveLength(1);
  });

  it('fails loudly instead of looping when the server does not advance', async () => {
    server.script((req) => pagedSms(100)({ ...req, url: '/x?Page=0&PageSize=10' }));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    const walk = async () => {
      for await (const _ of client.sms.messages.each({ PageSize: 10 }));
    };
    await expect(walk()).rejects.toThrow(/a page that does not advance/);
  });

  it('rejects a bad limit, naming it', async () => {
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    const walk = async () => {
      for await (const _ of client.calls.each({ limit: -1 }));
    };
    await expect(walk()).rejects.toThrow(/limit must be a non-negative integer/);
  });
});
