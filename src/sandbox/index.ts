/**
 * `restcomm-cpaas/sandbox` (Node only): a stateful Restcomm server for your tests, held to the same OpenAPI contract
 * as the SDK. Start it, point `createClient` at `baseUrl`, and drive calls and messages on a virtual clock.
 *
 * ```ts
 * const sandbox = await startSandbox();
 * const client = createClient({ accountSid: sandbox.accountSid, authToken: sandbox.authToken, baseUrl: sandbox.baseUrl });
 * await client.calls.create({ From: '+15125550100', To: '+15125550101', Url: 'http://127.0.0.1:3000/answer' });
 * await sandbox.settle();
 * await sandbox.close();
 * ```
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { existsSync } from 'node:fs';
import { ContractViolationError } from './contract.js';
import type { HandlerTable } from './context.js';
import { Engine, type CallOutcome, type SandboxEvent } from './engine.js';
import { accountSidFor, md5Hex } from './ids.js';
import type { RcmlRunner } from './rcml-runner.js';
import { handlers as builtInHandlers } from './resources/index.js';
import { handle, listen } from './server.js';
import { receiveSms } from './sms-lifecycle.js';
import type { SettleOptions } from './clock.js';
import { randomBytes } from 'node:crypto';
import { view } from './store.js';
import { sandboxOperations } from './operations.js';
import { endInterruptedCalls, placeInboundCall } from './call-lifecycle.js';
import { endInterruptedConferences } from './resources/conferences.js';
import { callHandle, messageHandle, type CallHandle, type MessageHandle } from './handles.js';
import { checkDialOutcome, checkScenario, type InboundCallScenario, type OutboundCallScenario } from './interpreter/scenario.js';
import { EXAMPLE_ACCOUNT_SID, seedFromExamples } from './seed.js';

export { ContractViolationError } from './contract.js';
export type { Answer } from './contract.js';
export type { Handler, HandlerContext, HandlerTable } from './context.js';
export type { RcmlRunner, RcmlSession, RcmlEnd } from './rcml-runner.js';
export { basicRunner } from './rcml-runner.js';
export type { CallHandle, MessageHandle } from './handles.js';
export type { CallInput, CallScenario, DialOutcome, InboundCallScenario, InputSource, OutboundCallScenario } from './interpreter/scenario.js';
export type { RcmlProblem, RcmlProblemCode, RcmlSeverity } from '../rcml/rules.js';
export type {
  CallInputEvent,
  NotificationEvent,
  ReplyEvent,
  RequestEvent,
  ResourceEvent,
  StatusEvent,
  Transcript,
  TranscriptEvent,
  TranscriptEventBase,
  VerbEvent,
} from './interpreter/transcript.js';
export type { RcmlContext } from '../rcml/schema.js';
export type { CallOutcome, SandboxEvent } from './engine.js';
export type { SettleOptions } from './clock.js';
export { HttpError } from './answers.js';

export interface SandboxOptions {
  /** Loopback address to listen on (default `127.0.0.1`). */
  host?: string;
  /** Port (default: any free port). */
  port?: number;
  /** The top-level account's email (default `sandbox@example.com`); its SID derives from it as on the server. */
  email?: string;
  /** Use this account SID instead (`AC` + 32 characters). */
  accountSid?: string;
  /** The account's auth token (32 lowercase hex digits; default: random). */
  authToken?: string;
  /** Virtual time the clock starts at (ms since the epoch; default: now). */
  startTime?: number;
  /** Runs the clock by itself after every change (for interactive use); tests leave it off and call `settle()`. */
  autoAdvance?: boolean;
  /** Load the state from this file at start (when it exists) and save it there on `close()` and `save()`. */
  persistPath?: string;
  /** How outbound calls go (answered by default): e.g. `(call) => call.to === '+15125550199' ? 'busy' : 'answer'`. */
  callOutcome?: (call: Readonly<Record<string, unknown>>) => CallOutcome;
  /** What runs the RCML of calls and inbound messages (default: the sandbox's interpreter, which runs every verb it models). */
  rcmlRunner?: RcmlRunner;
  /** Real milliseconds to wait for your app's answer to a webhook (default 10,000). */
  webhookTimeoutMs?: number;
  /** Replace or add operation handlers (fault injection, or a fuller simulation); answers are still contract-checked. */
  handlers?: HandlerTable;
  /** Entries the event log keeps (default 10,000). */
  maxEvents?: number;
  /**
   * `'spec-examples'`: start with the resources of the spec's response examples, under their account
   * `AC9f46b62376f96e83cc19ed9502987c78` (password `token`), which then is the sandbox's account.
   */
  seed?: 'spec-examples';
}

/** A running sandbox: its REST API, its virtual clock, and the scenarios a test drives through it. */
export interface Sandbox {
  /** The REST API base for `createClient({ baseUrl })`: `http://127.0.0.1:<port>/restcomm/2012-04-24`. */
  readonly baseUrl: string;
  /** The top-level account's SID (the user name of the REST API's basic authentication). */
  readonly accountSid: string;
  /** The account's auth token (the password of the REST API's basic authentication). */
  readonly authToken: string;
  /** The virtual clock every call and message runs on. */
  readonly clock: {
    /** Virtual ms since the epoch. */
    now(): number;
    /** Moves virtual time forward, running what falls due (webhooks included). */
    advance(ms: number): Promise<void>;
    /** Steps waiting on the clock. */
    pending(): number;
  };
  /** Runs the clock until nothing is pending. Rejects with any error of the work it ran (a contract violation, say). */
  settle(options?: SettleOptions): Promise<void>;
  /**
   * Simulates a call from outside to a number of the sandbox: an inbound call whose voice request goes to the
   * number's `VoiceUrl` (or its voice application) when the clock runs, with the caller's `input` and the outcomes
   * of the numbers it dials. Returns the call's handle; `await handle.done()` runs it and gives its transcript.
   */
  inboundCall(call: InboundCallScenario): CallHandle;
  /**
   * Says what happens on outbound calls to `to` placed through the REST API from now on: how the called party
   * answers (`answer`, default answered; this wins over `callOutcome`), its input, and the outcomes of what the call
   * dials. A later scenario for the same `to` replaces this one.
   */
  scenario(scenario: OutboundCallScenario): void;
  /** The handle of any call of the sandbox (inbound, or placed through the REST API); throws for an unknown SID. */
  call(sid: string): CallHandle;
  /**
   * Simulates an inbound SMS to a number of the sandbox; its `SmsUrl` is requested when the clock runs, and the RCML
   * it answers runs in the SMS context (Sms, Redirect, Email). Returns the message's handle.
   */
  receiveSms(message: { from: string; to: string; body: string }): MessageHandle;
  /**
   * What the sandbox did, in order, with virtual times: status changes, requests sent and replies received, verbs,
   * input, resources created, Notifications (a handle's `transcript` is this log filtered to one call or message).
   */
  readonly events: readonly SandboxEvent[];
  /** Contract violations of the sandbox's own answers (each also answered with a 500 that names it). */
  readonly violations: readonly ContractViolationError[];
  /** Throws the first contract violation, if any. */
  assertNoViolations(): void;
  /** Saves the state to `persistPath` now. */
  save(): void;
  /** Stops the server (and saves the state when `persistPath` is set). */
  close(): Promise<void>;
}

/** The most numbers `sandbox.scenario` keeps a scenario for. */
const MAX_SCENARIOS = 1000;

const isLoopback = (host: string) => host === '127.0.0.1' || host === '::1' || host === 'localhost';

/** Starts a sandbox on a free loopback port (see `SandboxOptions`); `close()` it when done. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`startSandbox: host must be a loopback address (127.0.0.1, ::1, localhost), got ${host}`);
  const email = options.email ?? 'sandbox@example.com';
  let accountSid = options.accountSid ?? accountSidFor(email);
  if (!/^AC[0-9a-zA-Z]{32}$/.test(accountSid)) throw new Error('startSandbox: accountSid must be AC followed by 32 letters or digits');
  if (options.authToken !== undefined && !/^[0-9a-f]{32}$/.test(options.authToken)) throw new Error('startSandbox: authToken must be 32 lowercase hex digits');
  const bounded = (name: string, value: number | undefined, min: number, max: number) => {
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) throw new Error(`startSandbox: ${name} must be an integer from ${min} to ${max}, got ${value}`);
  };
  bounded('webhookTimeoutMs', options.webhookTimeoutMs, 1, 600_000);
  bounded('maxEvents', options.maxEvents, 0, 10_000_000);
  bounded('port', options.port, 0, 65_535);
  if (options.startTime !== undefined && !Number.isFinite(options.startTime)) throw new Error(`startSandbox: startTime must be a time in ms, got ${options.startTime}`);
  const known = new Set(sandboxOperations().map((o) => o.operationId as string));
  for (const [id, handler] of Object.entries(options.handlers ?? {})) {
    if (!known.has(id)) throw new Error(`startSandbox: handlers.${id} is not an operation of the spec`);
    if (typeof handler !== 'function') throw new Error(`startSandbox: handlers.${id} must be a function`);
  }
  const engine = new Engine({
    startTime: options.startTime ?? Date.now(),
    ...(options.rcmlRunner ? { rcmlRunner: options.rcmlRunner } : {}),
    ...(options.callOutcome ? { callOutcome: options.callOutcome } : {}),
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    maxEvents: options.maxEvents ?? 10_000,
  });

  let authToken: string;
  if (options.persistPath && existsSync(options.persistPath)) {
    const savedAt = engine.store.load(options.persistPath);
    engine.clock.restore(savedAt);
    endInterruptedCalls(engine);
    endInterruptedConferences(engine);
    const account = engine.store.get('accounts', accountSid);
    if (!account) throw new Error(`startSandbox: ${options.persistPath} holds no account ${accountSid}`);
    if (options.authToken !== undefined && account.auth_token !== options.authToken) {
      throw new Error('startSandbox: the authToken given differs from the one saved in the state file');
    }
    authToken = account.auth_token as string;
  } else if (options.seed === 'spec-examples') {
    if (options.accountSid !== undefined || options.authToken !== undefined) throw new Error("startSandbox: seed 'spec-examples' brings its own account; leave accountSid and authToken out");
    seedFromExamples(engine);
    accountSid = EXAMPLE_ACCOUNT_SID;
    authToken = engine.store.get('accounts', accountSid)!.auth_token as string;
  } else {
    const password = randomBytes(12).toString('base64url');
    authToken = options.authToken ?? md5Hex(password);
    engine.createAccount({ email, password, sid: accountSid, authToken });
  }

  const violations: ContractViolationError[] = [];
  const server: Server = await listen(
    handle(engine, { ...builtInHandlers, ...options.handlers }, { onViolation: (e) => violations.push(e) }),
    host,
    options.port ?? 0,
  );
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}/restcomm/2012-04-24`;
  engine.baseUrl = baseUrl;

  let autoRun: Promise<void> | undefined;
  if (options.autoAdvance) {
    // Interactive use: run the clock whenever the server has answered something.
    server.on('request', (_req, res) => res.once('finish', () => (autoRun = engine.clock.settle().catch((e: unknown) => console.error(String(e))))));
  }

  const save = () => {
    if (options.persistPath) engine.store.save(options.persistPath, engine.now());
  };

  return {
    baseUrl,
    accountSid,
    authToken,
    clock: { now: () => engine.now(), advance: (ms) => engine.clock.advance(ms), pending: () => engine.clock.pending() },
    settle: (settleOptions) => engine.clock.settle(settleOptions),
    receiveSms: (message) => messageHandle(engine, receiveSms(engine, message)),
    inboundCall: (call) => callHandle(engine, placeInboundCall(engine, call)),
    scenario(scenario) {
      if (scenario === null || typeof scenario !== 'object') throw new TypeError('scenario: expected { to, answer?, input?, dial? }');
      for (const key of Object.keys(scenario)) if (!['to', 'answer', 'input', 'dial'].includes(key)) throw new TypeError(`scenario: unknown field ${key}`);
      if (typeof scenario.to !== 'string' || scenario.to === '' || scenario.to.length > 256) throw new TypeError('scenario: to must be a non-empty string of at most 256 characters');
      if (scenario.answer !== undefined) checkDialOutcome(scenario.answer, 'scenario: answer');
      checkScenario(scenario, 'scenario');
      if (!engine.outboundScenarios.has(scenario.to) && engine.outboundScenarios.size >= MAX_SCENARIOS) throw new RangeError(`scenario: at most ${MAX_SCENARIOS} numbers have a scenario`);
      engine.outboundScenarios.set(scenario.to, { ...scenario });
    },
    call(sid) {
      const row = typeof sid === 'string' ? engine.store.get('calls', sid) : undefined;
      if (!row) throw new Error(`call: no call ${String(sid)} in the sandbox`);
      return callHandle(engine, row);
    },
    events: engine.events,
    violations,
    assertNoViolations() {
      if (violations.length) throw violations[0];
    },
    save,
    async close() {
      await autoRun;
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      save();
    },
  };
}
