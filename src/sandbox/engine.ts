/**
 * The sandbox's state and behaviour behind the REST API: the store, the virtual clock, the event log, Notifications,
 * and the call and SMS life cycles. The HTTP server and the resource handlers act on an Engine.
 */
import { VirtualClock } from './clock.js';
import { API_VERSION, accountSidFor, isoTime, md5Hex, newSid, rfc2822 } from './ids.js';
import { Inventory } from './inventory.js';
import type { RcmlRunner } from './rcml-runner.js';
import { Interpreter, type CallRuntime } from './interpreter/interpreter.js';
import { InputQueue, type OutboundCallScenario } from './interpreter/scenario.js';
import { Store, view, type Row, type TableName } from './store.js';

/** How a call to a given number ends before it is answered, or `answer`. */
export type CallOutcome = 'answer' | 'busy' | 'no-answer' | 'failed';

/** How an engine is set up (from `startSandbox`'s options). */
export interface EngineOptions {
  startTime: number;
  /** What runs the RCML of calls; default: the sandbox's interpreter. */
  rcmlRunner?: RcmlRunner;
  /** Decides how each outbound call goes; default: every call is answered. */
  callOutcome?: (call: Readonly<Record<string, unknown>>) => CallOutcome;
  /** Real milliseconds the sandbox waits for an application's answer to a webhook. */
  webhookTimeoutMs: number;
  /** The most entries the event log keeps (oldest dropped first). */
  maxEvents: number;
}

/** A call whose life cycle is running. */
export interface LiveCall {
  /** Aborted when the call is hung up. */
  readonly hangup: AbortController;
  /** Aborted to stop the RCML document being run (a live redirect). */
  document?: AbortController;
  /** Where a live redirect sends the call next. */
  redirect?: { url: string; method: 'GET' | 'POST' };
}

/** One entry of the event log: what the sandbox did, at which virtual time. */
export interface SandboxEvent {
  /** Virtual ms since the epoch. */
  at: number;
  /** `status`, `request`, `reply`, `verb`, `input`, `resource`, `notification`, `sms-status`, … */
  type: string;
  /** The call or message concerned (or, with `callSid` beside it, the resource the event is about). */
  sid?: string;
  /** What else the event says. */
  [detail: string]: unknown;
}

/** The instance id of this sandbox: the first half of every call SID it creates. */
export const INSTANCE_ID = 'ID' + md5Hex('restcomm-cpaas sandbox');

/** The sandbox's state and behaviour behind the REST API. */
export class Engine {
  readonly store = new Store();
  readonly inventory = new Inventory();
  readonly clock: VirtualClock;
  readonly events: SandboxEvent[] = [];
  /** Live calls by SID, so the REST API can hang them up or send them to new RCML. */
  readonly liveCalls = new Map<string, LiveCall>();
  /** Inbound messages whose SMS application session is still running. */
  readonly liveMessages = new Set<string>();
  /** Scenarios registered for outbound calls (`sandbox.scenario`), by the number called. */
  readonly outboundScenarios = new Map<string, OutboundCallScenario>();
  /** Scenario and input of each live call the interpreter runs, by SID (dropped when the call ends). */
  readonly runtimes = new Map<string, CallRuntime>();
  /** The sandbox's interpreter, and what runs calls' RCML (the interpreter unless `rcmlRunner` was given). */
  readonly interpreter: Interpreter;
  readonly runner: RcmlRunner;
  /** Where the REST API is served (set once the server listens): absolute resource URLs such as a recording's `file_uri` start here. */
  baseUrl = `http://127.0.0.1/restcomm/${API_VERSION}`;

  constructor(readonly options: EngineOptions) {
    this.clock = new VirtualClock(options.startTime);
    this.interpreter = new Interpreter(this);
    this.runner = options.rcmlRunner ?? this.interpreter;
  }

  /** The scenario and input queue of a call (an empty scenario when none was given). */
  callRuntime(sid: string): CallRuntime {
    let runtime = this.runtimes.get(sid);
    if (!runtime) {
      runtime = { scenario: {}, input: new InputQueue(this.clock) };
      this.runtimes.set(sid, runtime);
    }
    return runtime;
  }

  now(): number {
    return this.clock.now();
  }

  /** Creation stamps every stored resource carries. */
  stamps(): { date_created: string; date_updated: string } {
    const date = rfc2822(this.now());
    return { date_created: date, date_updated: date };
  }

  touch(row: Row): void {
    row.date_updated = rfc2822(this.now());
  }

  /** Appends an event to the log and returns it (a verb that records itself as it begins adds its results to it later). */
  record(type: string, detail: Record<string, unknown> = {}): SandboxEvent {
    const event: SandboxEvent = { at: this.now(), type, ...detail };
    this.events.push(event);
    // Trimmed in batches (a tenth of the limit at a time), so that a full log does not shift on every entry.
    if (this.events.length > this.options.maxEvents * 1.1) this.events.splice(0, this.events.length - this.options.maxEvents);
    return event;
  }

  put(table: TableName, row: Row): Row {
    return this.store.put(table, row);
  }

  /** An organization (the tenant accounts belong to), found by SID or domain name, or created for the domain. */
  organization(input: { sid?: string; domain?: string }, create = false): Row | undefined {
    for (const org of this.store.tables.organizations.values()) if (org.sid === input.sid || (input.domain !== undefined && org.domain_name === input.domain.toLowerCase())) return org;
    if (!create || input.domain === undefined) return undefined;
    return this.put('organizations', { sid: input.sid ?? 'OR' + md5Hex(`organization:${input.domain.toLowerCase()}`), domain_name: input.domain.toLowerCase() });
  }

  /** Creates an account (top level when `parentSid` is absent). */
  createAccount(input: { email: string; password: string; friendlyName?: string; status?: string; role?: string; parentSid?: string; sid?: string; authToken?: string; organizationSid?: string }): Row {
    const sid = input.sid ?? accountSidFor(input.email);
    const organization = input.organizationSid ?? this.organization({ domain: 'default.sandbox.local' }, true)!.sid;
    return this.put('accounts', {
      sid,
      organization,
      friendly_name: input.friendlyName ?? input.email,
      email_address: input.email,
      type: 'Full',
      status: input.status ?? 'active',
      role: input.role ?? 'Administrator',
      ...this.stamps(),
      auth_token: input.authToken ?? md5Hex(input.password),
      uri: `/${API_VERSION}/Accounts.json/${sid}`,
      subresource_uris: accountSubresources(sid),
      $password: input.password,
      ...(input.parentSid ? { $parent: input.parentSid } : {}),
    });
  }

  /** True when `sid` is `ancestor` itself or one of its sub-accounts (at any depth). */
  isWithin(sid: string, ancestor: string): boolean {
    for (let current: string | undefined = sid, depth = 0; current && depth < 8; depth++) {
      if (current === ancestor) return true;
      current = this.store.get('accounts', current)?.$parent as string | undefined;
    }
    return false;
  }

  /** Writes a Notification, as the server does when fetching or running RCML goes wrong. */
  notify(input: { accountSid: string; callSid?: string; code: number; level: 'error' | 'warning'; text: string; requestUrl: string; requestMethod: string; requestVariables?: string; responseHeaders?: string; responseBody?: string }): Row {
    const sid = newSid('NO');
    const row = this.put('notifications', {
      sid,
      ...this.stamps(),
      account_sid: input.accountSid,
      ...(input.callSid ? { call_sid: input.callSid } : {}),
      api_version: API_VERSION,
      log: input.level === 'error' ? 0 : 1,
      error_code: input.code,
      more_info: `https://cloud.restcomm.com/restcomm/errors/${input.code}.html`,
      ...(input.text ? { message_text: input.text } : {}),
      message_date: isoTime(this.now()),
      request_url: input.requestUrl,
      request_method: input.requestMethod,
      ...(input.requestVariables ? { request_variables: input.requestVariables } : {}),
      ...(input.responseHeaders ? { response_headers: input.responseHeaders } : {}),
      ...(input.responseBody ? { response_body: input.responseBody } : {}),
      uri: `/${API_VERSION}/Accounts/${input.accountSid}/Notifications/${sid}.json`,
    });
    this.record('notification', { sid, callSid: input.callSid, code: input.code, level: input.level, text: input.text });
    return row;
  }

  /** The API view of a row. */
  view(row: Row): Record<string, unknown> {
    return view(row);
  }
}

export function accountSubresources(sid: string): Record<string, string> {
  const base = `/${API_VERSION}/Accounts/${sid}`;
  return {
    available_phone_numbers: `${base}/AvailablePhoneNumbers`,
    calls: `${base}/Calls`,
    conferences: `${base}/Conferences`,
    incoming_phone_numbers: `${base}/IncomingPhoneNumbers`,
    notifications: `${base}/Notifications`,
    outgoing_caller_ids: `${base}/OutgoingCallerIds`,
    recordings: `${base}/Recordings`,
    sandbox: `${base}/Sandbox`,
    sms_messages: `${base}/SMS/Messages`,
    transcriptions: `${base}/Transcriptions`,
  };
}
