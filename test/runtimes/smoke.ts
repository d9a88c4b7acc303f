// The smoke program every runtime runs (npm run test:runtimes): the packed SDK's public API against the loopback
// server in scripts/runtimes/server.ts. It uses nothing but what all of Node, Bun, Deno, workerd and a browser page
// have (fetch, URL, timers, crypto.getRandomValues), and it reports rather than throws, one line per check.
import { createClient, RestcommError, RestcommTimeoutError } from 'restcomm-cpaas';
import { describeErrorCode } from 'restcomm-cpaas/codes';
import { validateRcml, VoiceResponse } from 'restcomm-cpaas/rcml';
import { parseWebhook } from 'restcomm-cpaas/webhooks';
import { SMOKE } from './fixtures.js';

export interface SmokeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

function check(ok: boolean, detail: string): { ok: boolean; detail: string } {
  return { ok, detail };
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Runs every check against the server at `baseUrl` (its REST API base) and returns one result per check. */
export async function runSmoke(baseUrl: string): Promise<SmokeCheck[]> {
  const warnings: string[] = [];
  const client = createClient({
    accountSid: SMOKE.accountSid,
    authToken: SMOKE.authToken,
    baseUrl,
    timeout: 5_000,
    retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 50 },
    logger: { warn: (line) => void warnings.push(line) },
  });

  const checks: Record<string, () => Promise<{ ok: boolean; detail: string }>> = {
    'create a call (form body)': async () => {
      // The server answers 201 only when the form body, its Content-Type and the Basic credentials are as sent here.
      const created = await client.calls.create({ ...SMOKE.call, StatusCallbackEvent: [...SMOKE.call.StatusCallbackEvent] });
      const leg = Array.isArray(created) ? created[0] : created;
      return check(leg?.sid === SMOKE.createdCallSid, `created ${String(leg?.sid)}`);
    },
    'page with each()': async () => {
      const sids: string[] = [];
      for await (const sms of client.sms.messages.each({ PageSize: SMOKE.pageSize })) sids.push(String(sms.sid));
      return check(sids.join() === SMOKE.smsSids.join(), `${sids.length} messages: ${sids.join(', ')}`);
    },
    'typed 404': async () => {
      try {
        await client.calls.fetch(SMOKE.missingCallSid);
        return check(false, 'no error');
      } catch (err) {
        return check(err instanceof RestcommError && err.status === 404, `${(err as Error).name}: ${(err as Error).message}`);
      }
    },
    timeout: async () => {
      // Both ways the SDK enforces it: a race when the caller passes no signal, an aborted controller when it does.
      const outcomes: string[] = [];
      for (const signal of [undefined, new AbortController().signal]) {
        try {
          await client.calls.fetch(SMOKE.slowCallSid, { timeout: SMOKE.timeoutMs, ...(signal ? { signal } : {}) });
          outcomes.push('answered in time');
        } catch (err) {
          outcomes.push(err instanceof RestcommTimeoutError ? 'timed out' : `${(err as Error).name}: ${(err as Error).message}`);
        }
      }
      return check(outcomes.every((o) => o === 'timed out'), `without a signal: ${outcomes[0]}; with one: ${outcomes[1]}`);
    },
    'abort by signal': async () => {
      const controller = new AbortController();
      const reason = new Error('smoke abort');
      setTimeout(() => controller.abort(reason), SMOKE.timeoutMs);
      try {
        await client.calls.fetch(SMOKE.slowCallSid, { signal: controller.signal });
        return check(false, 'answered despite the abort');
      } catch (err) {
        return check(err === reason, `rejected with ${err === reason ? 'the caller\'s reason' : `${(err as Error).name}: ${(err as Error).message}`}`);
      }
    },
    'retry after 503': async () => {
      // The server answers 503 to the first request for a call SID it has not seen, then 200.
      const sid = `${SMOKE.retryCallPrefix}${randomHex(16)}`;
      const before = warnings.length;
      const call = await client.calls.fetch(sid);
      const retried = warnings.slice(before).filter((w) => w.includes('503'));
      return check(call.sid === sid && retried.length === 1, `${retried.length} retry: ${retried[0] ?? ''}`);
    },
    'build and validate RCML': async () => {
      const answer = new VoiceResponse();
      answer.gather({ action: '/ivr/choice', numDigits: 1 }).say('Press 1 for sales.', { voice: 'woman' });
      answer.hangup();
      const xml = answer.toString();
      const problems = validateRcml(xml);
      const broken = validateRcml('<Response><Hangup><Say>late</Say></Hangup></Response>');
      return check(xml.includes('<Gather action="/ivr/choice" numDigits="1">') && problems.length === 0 && broken.length > 0, `${xml.length} chars, ${problems.length} problems; a broken document: ${broken.length}`);
    },
    parseWebhook: async () => {
      const event = parseWebhook('callStatusCallback', new URLSearchParams(SMOKE.statusCallback).toString());
      return check(event.CallStatus === 'completed' && event.CallDuration === 42, `${event.CallSid} ${event.CallStatus} ${event.CallDuration} s`);
    },
    describeErrorCode: async () => {
      const described = describeErrorCode(30003);
      return check(typeof described?.meaning === 'string' && described.meaning.length > 0, `30003: ${described?.meaning ?? 'unknown'}`);
    },
  };

  const results: SmokeCheck[] = [];
  for (const [name, run] of Object.entries(checks)) {
    try {
      results.push({ name, ...(await run()) });
    } catch (err) {
      results.push({ name, ok: false, detail: `${(err as Error)?.name}: ${(err as Error)?.message ?? String(err)}` });
    }
  }
  return results;
}
