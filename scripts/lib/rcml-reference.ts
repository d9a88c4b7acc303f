// The RCML reference for the site, rendered from the same element table the builder and validator use. What each
// element and attribute does comes from the table's own doc comments (read from src/rcml/schema.ts with the
// TypeScript parser, so there is one text to keep right); every verb gets an XML example made by the builder and
// checked by the validator.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { RcmlResponse } from '../../src/rcml/builder.js';
import { escapeAttribute, escapeText } from '../../src/rcml/escape.js';
import { RCML_ELEMENTS, RCML_UNSUPPORTED_ELEMENTS, type RcmlAttributeSpec, type RcmlContext, type RcmlElementSpec } from '../../src/rcml/schema.js';
import { validateRcml } from '../../src/rcml/validate.js';
import { parseXml, type XmlElement } from '../../src/rcml/xml.js';
import { root } from './paths.js';

const schemaFile = path.join(root, 'src', 'rcml', 'schema.ts');

interface ElementDocs {
  summary: string;
  attributes: Record<string, string>;
}

/** The doc comments of RCML_ELEMENTS: each element's, and each of its attributes' (spreads of shared objects such as
 * DIAL_NOUN_SHARED followed to their declaration). */
export function rcmlDocs(source = readFileSync(schemaFile, 'utf8')): Record<string, ElementDocs> {
  const file = ts.createSourceFile(schemaFile, source, ts.ScriptTarget.Latest, true);
  const objects = new Map<string, ts.ObjectLiteralExpression>();
  const unwrap = (e: ts.Expression): ts.Expression => (ts.isAsExpression(e) || ts.isSatisfiesExpression(e) ? unwrap(e.expression) : e);
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (ts.isIdentifier(d.name) && init && ts.isObjectLiteralExpression(init)) objects.set(d.name.text, init);
    }
  }
  const doc = (node: ts.Node) =>
    ts
      .getJSDocCommentsAndTags(node)
      .map((j) => (ts.isJSDoc(j) ? (ts.getTextOfJSDocComment(j.comment) ?? '') : ''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  const members = (object: ts.ObjectLiteralExpression, depth = 0): Record<string, { node: ts.Node; value: ts.Expression }> => {
    const out: Record<string, { node: ts.Node; value: ts.Expression }> = {};
    for (const p of object.properties) {
      if (ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression) && depth < 4) Object.assign(out, members(objects.get(p.expression.text)!, depth + 1));
      else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) out[p.name.text] = { node: p, value: unwrap(p.initializer) };
    }
    return out;
  };
  const table = objects.get('RCML_ELEMENTS');
  if (!table) throw new Error(`${schemaFile}: RCML_ELEMENTS is not an object literal any more; the site reads its comments`);
  const out: Record<string, ElementDocs> = {};
  for (const [name, { node, value }] of Object.entries(members(table))) {
    const attributes = ts.isObjectLiteralExpression(value) ? members(value).attributes?.value : undefined;
    out[name] = {
      summary: doc(node),
      attributes: Object.fromEntries(
        Object.entries(attributes && ts.isObjectLiteralExpression(attributes) ? members(attributes) : {}).map(([a, m]) => [a, doc(m.node)]),
      ),
    };
  }
  return out;
}

// One example per verb, written with the builder; `context` is the interpreter the validator checks it for.
const EXAMPLES: Record<string, { context: RcmlContext; build: (r: RcmlResponse) => void }> = {
  Say: { context: 'voice', build: (r) => r.say('Welcome to Acme. Your call may be recorded.', { voice: 'woman', language: 'en-gb' }) },
  Play: { context: 'voice', build: (r) => r.play('https://media.acme-tel.example/hold-music.wav', { loop: 3 }) },
  Pause: { context: 'voice', build: (r) => r.pause({ length: 2 }).say('Thanks for waiting.') },
  Gather: {
    context: 'voice',
    build: (r) => {
      r.gather({ action: 'https://rcml.acme-tel.example/menu', numDigits: 1, timeout: 10 }).say('Press 1 for sales, 2 for support.');
      r.say('We did not get your choice. Goodbye.');
    },
  },
  Record: { context: 'voice', build: (r) => r.say('Leave a message after the beep.').record({ action: 'https://rcml.acme-tel.example/recorded', maxLength: 60, finishOnKey: '#' }) },
  Dial: { context: 'voice', build: (r) => r.dial({ timeout: 20, callerId: '+15125550100', action: 'https://rcml.acme-tel.example/after-dial' }).number('+15126002188') },
  Sms: { context: 'voice', build: (r) => r.sms('Thanks for calling Acme. Reply STOP to opt out.', { to: '+15126002188', from: '+15125550100' }) },
  Email: { context: 'voice', build: (r) => r.email('A caller left a message for sales.', { to: 'sales@acme-tel.example', from: 'pbx@acme-tel.example', subject: 'New voicemail' }) },
  Fax: { context: 'voice', build: (r) => r.fax('https://media.acme-tel.example/invoice-1042.pdf', { to: '+15126002188', from: '+15125550100' }) },
  Hangup: { context: 'voice', build: (r) => r.say('Goodbye.').hangup() },
  Redirect: { context: 'voice', build: (r) => r.redirect('https://rcml.acme-tel.example/after-hours', { method: 'GET' }) },
  Reject: { context: 'voice', build: (r) => r.reject({ reason: 'busy' }) },
  UssdCollect: {
    context: 'ussd',
    build: (r) => {
      r.language('en');
      r.ussdCollect({ action: 'https://rcml.acme-tel.example/ussd-choice' }).ussdMessage('1. Balance').ussdMessage('2. Top up');
    },
  },
  UssdMessage: { context: 'ussd', build: (r) => r.language('en').ussdMessage('Your balance is 12.50 USD.') },
  Language: { context: 'ussd', build: (r) => r.language('fr').ussdMessage('Votre solde est de 12,50 USD.') },
  Hold: { context: 'voice', build: (r) => r.hold({ holdMusic: 'https://media.acme-tel.example/hold-music.wav', action: 'https://rcml.acme-tel.example/held' }) },
  Resume: { context: 'voice', build: (r) => r.resume({ action: 'https://rcml.acme-tel.example/resumed' }) },
  Refer: { context: 'voice', build: (r) => r.refer({ action: 'https://rcml.acme-tel.example/referred' }) },
  Message: { context: 'sms', build: (r) => r.message('Your order 1042 has shipped.', { to: 'sms:+15126002188', from: 'sms:+15125550100' }) },
};

/** The document indented, one element per line (the builder writes it on one line). */
function pretty(xml: string): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const write = (e: XmlElement, indent: string) => {
    const attrs = e.attributes.map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join('');
    const elements = e.children.filter((c): c is XmlElement => c.type === 'element');
    const text = e.children.map((c) => (c.type === 'text' ? c.value : '')).join('').trim();
    if (elements.length === 0) lines.push(text ? `${indent}<${e.name}${attrs}>${escapeText(text)}</${e.name}>` : `${indent}<${e.name}${attrs}/>`);
    else {
      lines.push(`${indent}<${e.name}${attrs}>`);
      for (const c of elements) write(c, `${indent}  `);
      lines.push(`${indent}</${e.name}>`);
    }
  };
  write(parseXml(xml).root, '');
  return lines.join('\n');
}

export function rcmlExample(verb: string): string {
  const example = EXAMPLES[verb];
  if (!example) throw new Error(`The RCML reference has no example for <${verb}>: add one to EXAMPLES in scripts/lib/rcml-reference.ts`);
  const r = new RcmlResponse();
  example.build(r);
  const xml = pretty(r.toXml());
  const problems = validateRcml(xml, { context: example.context });
  if (problems.length) throw new Error(`The RCML example for <${verb}> does not validate: ${problems.map((p) => p.message).join('; ')}`);
  return xml;
}

function attributeValues(spec: RcmlAttributeSpec): string {
  switch (spec.type) {
    case 'enum':
      return spec.values.map((v) => `\`${v}\``).join(', ');
    case 'list':
      return spec.values ? `comma-separated: ${spec.values.map((v) => `\`${v}\``).join(', ')}` : 'comma-separated list';
    case 'integer':
      return `integer ≥ ${spec.min}`;
    case 'url':
      return spec.absolute ? 'absolute URL' : 'URL';
    case 'string':
      return spec.patternDescription ?? 'text';
    default:
      return spec.type;
  }
}

const CONTEXT_NAMES: Record<RcmlContext, string> = {
  voice: 'voice calls',
  'call-screening': 'call screening (a `<Number url>` document)',
  'conference-wait': 'conference wait music (`waitUrl`)',
  sms: 'messages',
  ussd: 'USSD sessions',
};

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

function elementSection(name: string, spec: RcmlElementSpec, docs: ElementDocs | undefined): string[] {
  const out = [`#### ${name}`, ''];
  if (!docs?.summary) throw new Error(`<${name}> has no doc comment in src/rcml/schema.ts; the site shows it as the element's description`);
  out.push(`\`<${name}>\`: ${docs.summary}`, '');
  const facts: string[] = [];
  if (spec.kind === 'verb' && spec.contexts.length) facts.push(`Runs in ${spec.contexts.map((c) => CONTEXT_NAMES[c]).join(', ')}.`);
  if (spec.availability === 'cloud') facts.push('Restcomm cloud only.');
  if (spec.text !== 'none') facts.push(`Text: ${spec.textMeaning ?? 'free text'} (${spec.text}).`);
  if (spec.children.length) facts.push(`May contain ${spec.children.map((c) => `[\`<${c}>\`](#/rcml/${c.toLowerCase()})`).join(', ')}.`);
  if (spec.deprecated) facts.push(`**Deprecated:** ${spec.deprecated}`);
  if (facts.length) out.push(facts.join(' '), '');
  const attributes = Object.entries(spec.attributes);
  // A list rather than a table: the descriptions are long and the column is narrow.
  if (attributes.length) {
    out.push('Attributes:', '');
    for (const [attr, a] of attributes) {
      const what = docs.attributes[attr];
      if (!what) throw new Error(`<${name} ${attr}> has no doc comment in src/rcml/schema.ts; the site shows it as the attribute's description`);
      out.push(`- **\`${attr}\`** (${oneLine(attributeValues(a))}${a.required ? '; required' : ''}): ${oneLine(what)}`);
    }
    out.push('');
  } else out.push('No attributes.', '');
  for (const [attr, why] of Object.entries(spec.ignoredAttributes ?? {})) out.push(`- \`${attr}\` is not read by the server: ${why}`);
  if (spec.ignoredAttributes) out.push('');
  if (spec.kind === 'verb') out.push('```xml', rcmlExample(name), '```', '');
  return out;
}

export function rcmlReferenceMarkdown(): string {
  const docs = rcmlDocs();
  const entries = Object.entries(RCML_ELEMENTS as Record<string, RcmlElementSpec>);
  const out: string[] = [
    '',
    '### Verbs',
    '',
    'A document is a `<Response>` holding verbs, which Restcomm runs one after another. Each verb below lists the',
    'interpreters that run it, its attributes as the server reads them, and an example made with the SDK builder and',
    'checked by `validateRcml`.',
    '',
  ];
  for (const [name, spec] of entries.filter(([, s]) => s.kind === 'verb')) out.push(...elementSection(name, spec, docs[name]));
  out.push('### Nouns', '', 'Nouns are read only inside their verb: the targets of `<Dial>` and the video settings of a dialed leg.', '');
  for (const [name, spec] of entries.filter(([, s]) => s.kind === 'noun')) out.push(...elementSection(name, spec, docs[name]));
  const unsupported = Object.entries(RCML_UNSUPPORTED_ELEMENTS);
  if (unsupported.length) {
    out.push('### Documented but not executed', '', 'These names appear in Restcomm material, but the server does not run them; the validator reports them.', '');
    for (const [name, why] of unsupported) out.push(`- \`<${name}>\`: ${why}`);
  }
  return out.join('\n');
}
