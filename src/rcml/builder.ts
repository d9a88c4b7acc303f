/**
 * A typed builder for RCML documents.
 *
 * Each builder only offers the methods for the elements allowed at that point (derived from `schema.ts`), and each
 * attribute object is typed from the same table. Because JavaScript callers can bypass the types, every call is
 * checked again at run time, and `toString()` runs the complete rule set used by `validateRcml` before writing
 * anything, so a document that renders is a document that validates.
 *
 * ```ts
 * const r = new RcmlResponse();
 * r.say('Hello', { voice: 'woman', language: 'en' });
 * r.gather({ action: '/menu', numDigits: 1 }).say('Press 1');
 * r.dial({ timeout: 20 }).number('+15550100');
 * r.toString(); // '<?xml version="1.0" encoding="UTF-8"?><Response>...</Response>'
 * ```
 */

import { escapeAttribute, escapeText, findIllegalXmlChar, formatCodePoint } from './escape.js';
import {
  attributeNameProblem,
  attributeValueProblem,
  checkDocument,
  severityOf,
  nestingProblem,
  type RcmlAttributeView,
  type RcmlElementView,
  type RcmlProblem,
  type RcmlProblemCode,
} from './rules.js';
import {
  attributeSpec,
  elementSpec,
  type RcmlAttributes,
  type RcmlAttributeSpec,
  type RcmlChildOf,
  type RcmlElementName,
} from './schema.js';

// ---------------------------------------------------------------------------------------------
// Attribute types (all derived from the table)

export type SayAttributes = RcmlAttributes<'Say'>;
export type PlayAttributes = RcmlAttributes<'Play'>;
export type PauseAttributes = RcmlAttributes<'Pause'>;
export type GatherAttributes = RcmlAttributes<'Gather'>;
export type RecordAttributes = RcmlAttributes<'Record'>;
export type DialAttributes = RcmlAttributes<'Dial'>;
export type SmsAttributes = RcmlAttributes<'Sms'>;
export type EmailAttributes = RcmlAttributes<'Email'>;
export type FaxAttributes = RcmlAttributes<'Fax'>;
export type RedirectAttributes = RcmlAttributes<'Redirect'>;
export type RejectAttributes = RcmlAttributes<'Reject'>;
export type UssdCollectAttributes = RcmlAttributes<'UssdCollect'>;
export type HoldAttributes = RcmlAttributes<'Hold'>;
export type ResumeAttributes = RcmlAttributes<'Resume'>;
export type ReferAttributes = RcmlAttributes<'Refer'>;
export type MessageAttributes = RcmlAttributes<'Message'>;
export type NumberAttributes = RcmlAttributes<'Number'>;
export type ClientAttributes = RcmlAttributes<'Client'>;
export type SipAttributes = RcmlAttributes<'Sip'>;
export type ConferenceAttributes = RcmlAttributes<'Conference'>;
export type UriAttributes = RcmlAttributes<'Uri'>;
/** `<Video>` attributes; `mode`, `resolution` and `layout` exist only inside `<Conference>`. */
export type VideoAttributes<P extends 'Client' | 'Sip' | 'Conference'> = RcmlAttributes<'Video', P>;

// ---------------------------------------------------------------------------------------------
// Method catalogue: one entry per element, keyed by method name (element name with a lower-case first letter)

/**
 * Every element-adding method. A concrete builder exposes only the entries whose element is allowed inside it; `Self`
 * is the builder that leaf methods return, so calls can be chained.
 */
export interface RcmlMethods<Self> {
  /** Adds `<Say>`: speaks `text`. */
  say(text: string, attributes?: SayAttributes): Self;
  /** Adds `<Play>`: plays the media file at `url`. */
  play(url: string, attributes?: PlayAttributes): Self;
  /** Adds `<Pause>`: waits `length` seconds (default 1). */
  pause(attributes?: PauseAttributes): Self;
  /** Adds `<Gather>` and returns it so prompts (`say`, `play`, `pause`) can be placed inside. */
  gather(attributes?: GatherAttributes): GatherBuilder;
  /** Adds `<Record>`. */
  record(attributes?: RecordAttributes): Self;
  /** Adds an empty `<Dial>` and returns it so targets (`number`, `client`, `sip`, `conference`) can be added. */
  dial(attributes?: DialAttributes): DialBuilder;
  /** Adds `<Dial>` whose text is the target (a number, `client:login` or SIP address); no nouns can be added. */
  dial(target: string, attributes?: DialAttributes): Self;
  /** Adds `<Sms>` with `body` as the message text. */
  sms(body: string, attributes?: SmsAttributes): Self;
  /** Adds `<Email>` with `body` as the message text; `to` and `from` are required. */
  email(body: string, attributes: EmailAttributes): Self;
  /** Adds `<Fax>` sending the document at `documentUrl`. */
  fax(documentUrl: string, attributes?: FaxAttributes): Self;
  /** Adds `<Hangup>`. */
  hangup(): Self;
  /** Adds `<Redirect>` to the RCML at `url`. */
  redirect(url: string, attributes?: RedirectAttributes): Self;
  /** Adds `<Reject>`. */
  reject(attributes?: RejectAttributes): Self;
  /** Adds `<UssdCollect>` and returns it so `<UssdMessage>` lines can be placed inside. */
  ussdCollect(attributes: UssdCollectAttributes): UssdCollectBuilder;
  /** Adds `<UssdCollect>` whose text is the whole prompt; no `<UssdMessage>` can be added. */
  ussdCollect(prompt: string, attributes: UssdCollectAttributes): Self;
  /** Adds `<UssdMessage>`: one line of the USSD message. */
  ussdMessage(text: string): Self;
  /** Adds `<Language>`: the language code of the USSD message. */
  language(code: string): Self;
  /** Adds `<Hold>` (cloud only). */
  hold(attributes?: HoldAttributes): Self;
  /** Adds `<Resume>` (cloud only). */
  resume(attributes?: ResumeAttributes): Self;
  /** Adds `<Refer>` (cloud only). */
  refer(attributes?: ReferAttributes): Self;
  /** Adds `<Message>` (cloud only, beta) with `body` as the message text. */
  message(body: string, attributes?: MessageAttributes): Self;
  /** Adds `<Number>`: a phone number to ring. */
  number(phoneNumber: string, attributes?: NumberAttributes): Self;
  /** Adds `<Client>` ringing the client named by `login`. */
  client(login: string, attributes?: ClientAttributes): Self;
  /** Adds `<Client name="...">` with a `<Video>` child. */
  client(attributes: ClientAttributes & { name: string }, video: VideoAttributes<'Client'>): Self;
  /** Adds `<Sip>` ringing `uri`. */
  sip(uri: string, attributes?: SipAttributes): Self;
  /** Adds `<Sip name="...">` with a `<Video>` child. */
  sip(attributes: SipAttributes & { name: string }, video: VideoAttributes<'Sip'>): Self;
  /** Adds `<Conference>` joining the room `room`. */
  conference(room: string, attributes?: ConferenceAttributes): Self;
  /** Adds `<Conference name="...">` with a `<Video>` child. */
  conference(attributes: ConferenceAttributes & { name: string }, video: VideoAttributes<'Conference'>): Self;
  /**
   * Adds `<Uri>`.
   * @deprecated The server still dials it, but `<Sip>` replaces it.
   */
  uri(uri: string, attributes?: UriAttributes): Self;
}

/** The methods of `RcmlMethods` whose element is allowed inside `P`. */
export type RcmlChildMethods<P extends RcmlElementName, Self> = {
  [K in keyof RcmlMethods<Self> as K extends Uncapitalize<RcmlChildOf<P>> ? K : never]: RcmlMethods<Self>[K];
};

/** Inside `<Gather>`: the prompts played while waiting for input. */
export interface GatherBuilder extends RcmlChildMethods<'Gather', GatherBuilder> {}
/** Inside `<Dial>`: the targets to ring. */
export interface DialBuilder extends RcmlChildMethods<'Dial', DialBuilder> {}
/** Inside `<UssdCollect>`: the lines of the menu. */
export interface UssdCollectBuilder extends RcmlChildMethods<'UssdCollect', UssdCollectBuilder> {}

export interface RcmlToXmlOptions {
  /** Start with `<?xml version="1.0" encoding="UTF-8"?>` (default true). */
  readonly declaration?: boolean;
}

/** A `<Response>` document under construction. */
export interface RcmlResponse extends RcmlChildMethods<'Response', RcmlResponse> {
  /** The problems `validateRcml` would report for the document built so far (empty when it is complete and valid). */
  validate(): RcmlProblem[];
  /** Renders the document; throws {@link RcmlBuildError} if it is incomplete (e.g. a `<Dial>` without a target). */
  toXml(options?: RcmlToXmlOptions): string;
  /** Same as `toXml()`: the complete document with its XML declaration. */
  toString(): string;
}

/** Thrown when a builder call (or the final rendering) would produce RCML the server does not accept. */
export class RcmlBuildError extends Error {
  override readonly name = 'RcmlBuildError';
  /** Path of the element concerned, e.g. `Response/Gather[1]`. */
  readonly path: string;
  readonly code: RcmlProblemCode;
  readonly attribute?: string;
  /** Every problem found (several only when thrown by `toXml()`/`toString()`). */
  readonly problems: readonly RcmlProblem[];
  constructor(problems: readonly RcmlProblem[]) {
    const first = problems[0]!;
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.path = first.path;
    this.code = first.code;
    if (first.attribute !== undefined) this.attribute = first.attribute;
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------------------------
// Implementation

interface BuildNode extends RcmlElementView {
  readonly name: RcmlElementName;
  readonly path: string;
  readonly attributes: RcmlAttributeView[];
  readonly children: BuildNode[];
  text: string;
  readonly counts: Map<string, number>;
}

function fail(path: string, code: RcmlProblemCode, message: string, attribute?: string): never {
  const severity = severityOf(code);
  throw new RcmlBuildError([attribute === undefined ? { path, code, severity, message } : { path, code, severity, message, attribute }]);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}

/** Turns a JS attribute value into the exact string to write, rejecting values of the wrong shape. */
function attributeString(path: string, element: string, name: string, spec: RcmlAttributeSpec, value: unknown): string {
  const bad = (expected: string): never =>
    fail(path, 'invalid-attribute-value', `attribute "${name}" of <${element}> must be ${expected}, got ${describe(value)}`, name);
  if (typeof value === 'string') return value;
  switch (spec.type) {
    case 'integer':
      if (typeof value === 'number') return String(value);
      return bad('an integer');
    case 'boolean':
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      return bad('a boolean');
    case 'list':
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) {
          if (typeof item !== 'string') return bad('a list of strings');
          if (item.includes(',')) {
            fail(path, 'invalid-attribute-value', `attribute "${name}" of <${element}>: list entries cannot contain commas, got ${JSON.stringify(item)}`, name);
          }
        }
        return (value as string[]).join(',');
      }
      return bad('a string or a list of strings');
    default:
      return bad('a string');
  }
}

function checkXmlChars(path: string, what: string, value: string, code: RcmlProblemCode, attribute?: string): void {
  const bad = findIllegalXmlChar(value);
  if (bad) {
    fail(path, code, `${what} contains ${formatCodePoint(bad.codePoint)} at index ${bad.index}, which XML 1.0 cannot represent`, attribute);
  }
}

function serialize(node: BuildNode): string {
  let out = `<${node.name}`;
  for (const a of node.attributes) out += ` ${a.name}="${escapeAttribute(a.value)}"`;
  if (node.children.length === 0 && node.text === '') return `${out}/>`;
  out += `>${escapeText(node.text)}`;
  for (const child of node.children) out += serialize(child);
  return `${out}</${node.name}>`;
}

function newNode(name: RcmlElementName, path: string): BuildNode {
  return { name, path, attributes: [], children: [], text: '', counts: new Map() };
}

/** Run-time implementation shared by every builder; the exported interfaces expose the allowed subset. */
class ElementBuilder implements RcmlMethods<ElementBuilder> {
  constructor(protected readonly node: BuildNode) {}

  /** Creates a child element after checking placement, attributes and text; returns it. */
  protected append(name: RcmlElementName, text: unknown, attributes: unknown, parent: BuildNode = this.node): BuildNode {
    const nesting = nestingProblem(parent.name, name);
    if (nesting) fail(parent.path, 'illegal-nesting', nesting);
    const index = (parent.counts.get(name) ?? 0) + 1;
    const child = newNode(name, `${parent.path}/${name}[${index}]`);
    const spec = elementSpec(name)!;

    if (attributes !== undefined) {
      if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
        fail(child.path, 'invalid-attribute-value', `the attributes of <${name}> must be an object, got ${describe(attributes)}`);
      }
      for (const [key, value] of Object.entries(attributes)) {
        if (value === undefined) continue;
        const nameProblem = attributeNameProblem(name, parent.name, key);
        if (nameProblem) fail(child.path, 'unknown-attribute', nameProblem, key);
        const attrSpec = attributeSpec(spec, key)!;
        const raw = attributeString(child.path, name, key, attrSpec, value);
        checkXmlChars(child.path, `attribute "${key}" of <${name}>`, raw, 'invalid-attribute-value', key);
        const problem = attributeValueProblem(attrSpec, raw);
        if (problem) fail(child.path, problem.code, `attribute "${key}" of <${name}> ${problem.reason}`, key);
        child.attributes.push({ name: key, value: raw });
      }
    }

    if (text !== undefined) {
      if (typeof text !== 'string') fail(child.path, 'invalid-content', `the text of <${name}> must be a string, got ${describe(text)}`);
      if (spec.text === 'none') fail(child.path, 'unexpected-text', `<${name}> takes no text`);
      checkXmlChars(child.path, `the text of <${name}>`, text, 'invalid-content');
      child.text = text;
    }

    parent.counts.set(name, index);
    parent.children.push(child);
    return child;
  }

  private leaf(name: RcmlElementName, text: unknown, attributes?: unknown): this {
    this.append(name, text, attributes);
    return this;
  }

  /** Shared shape of client/sip/conference: text form, or name form with a `<Video>` child. */
  private target(name: 'Client' | 'Sip' | 'Conference', first: unknown, second: unknown): this {
    if (typeof first === 'string') return this.leaf(name, first, second);
    const node = this.append(name, undefined, first);
    if (second !== undefined) this.append('Video', undefined, second, node);
    return this;
  }

  say(text: unknown, attributes?: unknown): this {
    return this.leaf('Say', text, attributes);
  }
  play(url: unknown, attributes?: unknown): this {
    return this.leaf('Play', url, attributes);
  }
  pause(attributes?: unknown): this {
    return this.leaf('Pause', undefined, attributes);
  }
  gather(attributes?: unknown): ElementBuilder {
    return new ElementBuilder(this.append('Gather', undefined, attributes));
  }
  record(attributes?: unknown): this {
    return this.leaf('Record', undefined, attributes);
  }
  dial(attributes?: unknown): ElementBuilder;
  dial(target: string, attributes?: unknown): this;
  dial(first?: unknown, second?: unknown): ElementBuilder {
    if (typeof first === 'string') return this.leaf('Dial', first, second);
    return new ElementBuilder(this.append('Dial', undefined, first));
  }
  sms(body: unknown, attributes?: unknown): this {
    return this.leaf('Sms', body, attributes);
  }
  email(body: unknown, attributes?: unknown): this {
    return this.leaf('Email', body, attributes);
  }
  fax(documentUrl: unknown, attributes?: unknown): this {
    return this.leaf('Fax', documentUrl, attributes);
  }
  // The extra parameters below are absent from the typed signatures; they exist so that arguments passed from
  // JavaScript are rejected by the attribute checks instead of being dropped.
  hangup(attributes?: unknown): this {
    return this.leaf('Hangup', undefined, attributes);
  }
  redirect(url: unknown, attributes?: unknown): this {
    return this.leaf('Redirect', url, attributes);
  }
  reject(attributes?: unknown): this {
    return this.leaf('Reject', undefined, attributes);
  }
  ussdCollect(attributes?: unknown): ElementBuilder;
  ussdCollect(prompt: string, attributes?: unknown): this;
  ussdCollect(first?: unknown, second?: unknown): ElementBuilder {
    if (typeof first === 'string') return this.leaf('UssdCollect', first, second);
    return new ElementBuilder(this.append('UssdCollect', undefined, first));
  }
  ussdMessage(text: unknown, attributes?: unknown): this {
    return this.leaf('UssdMessage', text, attributes);
  }
  language(code: unknown, attributes?: unknown): this {
    return this.leaf('Language', code, attributes);
  }
  hold(attributes?: unknown): this {
    return this.leaf('Hold', undefined, attributes);
  }
  resume(attributes?: unknown): this {
    return this.leaf('Resume', undefined, attributes);
  }
  refer(attributes?: unknown): this {
    return this.leaf('Refer', undefined, attributes);
  }
  message(body: unknown, attributes?: unknown): this {
    return this.leaf('Message', body, attributes);
  }
  number(phoneNumber: unknown, attributes?: unknown): this {
    return this.leaf('Number', phoneNumber, attributes);
  }
  client(first: unknown, second?: unknown): this {
    return this.target('Client', first, second);
  }
  sip(first: unknown, second?: unknown): this {
    return this.target('Sip', first, second);
  }
  conference(first: unknown, second?: unknown): this {
    return this.target('Conference', first, second);
  }
  uri(uri: unknown, attributes?: unknown): this {
    return this.leaf('Uri', uri, attributes);
  }
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

class ResponseBuilder extends ElementBuilder {
  constructor() {
    super(newNode('Response', 'Response'));
  }

  validate(): RcmlProblem[] {
    const problems: RcmlProblem[] = [];
    checkDocument(this.node, (p) => problems.push(p));
    return problems;
  }

  toXml(options: RcmlToXmlOptions = {}): string {
    const problems = this.validate();
    if (problems.length > 0) throw new RcmlBuildError(problems);
    const body = serialize(this.node);
    return options.declaration === false ? body : XML_DECLARATION + body;
  }

  override toString(): string {
    return this.toXml();
  }
}

/** Starts a new RCML document (`<Response>`); usable for voice, messaging and USSD applications alike. */
export const RcmlResponse: new () => RcmlResponse = ResponseBuilder;

/** Alias of {@link RcmlResponse}, for readers used to the name from other voice platforms. */
export const VoiceResponse: new () => RcmlResponse = ResponseBuilder;
/** Alias of {@link RcmlResponse}. */
export type VoiceResponse = RcmlResponse;
