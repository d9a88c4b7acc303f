import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml, type XmlElement } from '../../src/rcml/xml.js';
import {
  RCML_ELEMENTS,
  RcmlBuildError,
  RcmlResponse,
  validateRcml,
  type RcmlAttributeSpec,
  type RcmlElementName,
  type RcmlElementSpec,
} from '../../src/rcml/index.js';

// 250 samples per property, unless the run configured fewer (npm run mutation does, see test/setup/mutation.ts).
const RUNS = { numRuns: fc.readConfigureGlobal().numRuns ?? 250 };

// ---------------------------------------------------------------------------------------------
// String arbitraries

/** Characters XML 1.0 forbids (written independently of the implementation under test). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Fragments that stress escaping: markup, quotes, entities, CDATA terminators, line breaks, astral characters. */
const tricky = fc.constantFrom(
  '&', '<', '>', '"', "'", ']]>', ']]', '\n', '\r', '\r\n', '\t', ' ', '&amp;', '&#13;', '&lt;', '<Hangup/>',
  '"/><Hangup/><Say x="', "' evil='1", '<![CDATA[', '-->', '<!--', '\u2028', '\u0085', '\u00A0', '😀', '\uD83D\uDE00',
);

/** Any string of legal XML characters, biased towards the tricky fragments. */
const legalString = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), tricky), { maxLength: 10 })
  .map((parts) => parts.join('').replace(FORBIDDEN, ''));

/** Same, but not blank after the server's trimming (for content that must be present). */
const nonBlankString = legalString.filter((s) => /[^\u0000-\u0020]/.test(s));

const forbiddenChar = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x9 && c !== 0xa && c !== 0xd).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'),
);

/** A string with at least one character XML 1.0 cannot carry, and the index of the first one. */
const illegalString = fc.tuple(legalString, forbiddenChar, legalString).map(([a, bad, b]) => {
  // avoid accidentally pairing a lone surrogate with a neighbour
  const left = a.replace(/[\uD800-\uDFFF]/g, 'x');
  const right = b.replace(/[\uD800-\uDFFF]/g, 'x');
  return { value: left + bad + right, index: left.length };
});

const elementChildren = (el: XmlElement): XmlElement[] => el.children.filter((c): c is XmlElement => c.type === 'element');
const textOf = (el: XmlElement): string => el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');

describe('escaping properties', () => {
  it('arbitrary text and attribute values round-trip exactly and never inject markup', () => {
    fc.assert(
      fc.property(legalString, nonBlankString, nonBlankString, legalString, legalString, (body, to, from, subject, text) => {
        const r = new RcmlResponse();
        r.email(body, { to, from, subject });
        r.ussdMessage(text);
        const xml = r.toString();

        const root = parseXml(xml).root; // throws if not well-formed
        expect(root.name).toBe('Response');
        const kids = elementChildren(root);
        expect(kids.map((k) => k.name)).toEqual(['Email', 'UssdMessage']);
        const [email, ussd] = kids as [XmlElement, XmlElement];
        expect(email.attributes.map((a) => [a.name, a.value])).toEqual([
          ['to', to],
          ['from', from],
          ['subject', subject],
        ]);
        expect(elementChildren(email)).toEqual([]);
        expect(textOf(email)).toBe(body);
        expect(ussd.attributes).toEqual([]);
        expect(elementChildren(ussd)).toEqual([]);
        expect(textOf(ussd)).toBe(text);
        expect(validateRcml(xml)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('text that needs content (Say, Sms) round-trips too', () => {
    fc.assert(
      fc.property(nonBlankString, nonBlankString, legalString, (say, sms, language) => {
        const r = new RcmlResponse();
        r.say(say, { language }).sms(sms, { to: sms });
        const xml = r.toString();
        const [sayEl, smsEl] = elementChildren(parseXml(xml).root) as [XmlElement, XmlElement];
        expect(textOf(sayEl)).toBe(say);
        expect(sayEl.attributes).toEqual([expect.objectContaining({ name: 'language', value: language })]);
        expect(textOf(smsEl)).toBe(sms);
        expect(smsEl.attributes).toEqual([expect.objectContaining({ name: 'to', value: sms })]);
        expect(validateRcml(xml)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('characters XML cannot carry are rejected with the element and attribute named', () => {
    fc.assert(
      fc.property(illegalString, fc.boolean(), ({ value, index }, inAttribute) => {
        const r = new RcmlResponse();
        r.say('first');
        let error: unknown;
        try {
          if (inAttribute) r.email('x', { to: 'a@example.com', from: 'b@example.com', subject: value });
          else r.email(value, { to: 'a@example.com', from: 'b@example.com' });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(RcmlBuildError);
        const message = (error as RcmlBuildError).message;
        expect(message.startsWith('Response/Email[1]: ')).toBe(true);
        expect(message).toContain(inAttribute ? 'attribute "subject" of <Email>' : 'the text of <Email>');
        expect(message).toContain(`at index ${index}`);
        // the failed call added nothing
        expect(r.toString()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Say>first</Say></Response>');
      }),
      RUNS,
    );
  });

  it('validateRcml never throws, whatever the input', () => {
    const markupish = fc
      .array(fc.oneof(tricky, fc.constantFrom('<Response>', '</Response>', '<Say>', '</Say>', '<Dial ', '="', '<?xml ', '?>'), fc.string({ unit: 'binary', maxLength: 4 })), {
        maxLength: 12,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(markupish, (source) => {
        const problems = validateRcml(source);
        expect(Array.isArray(problems)).toBe(true);
        for (const p of problems) expect(typeof p.message).toBe('string');
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Builder programs generated from the table

interface Program {
  readonly name: RcmlElementName;
  readonly text: string | undefined;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly children: readonly Program[];
}

const table = RCML_ELEMENTS as Readonly<Record<RcmlElementName, RcmlElementSpec>>;

const urlArb = fc.oneof(fc.webUrl(), fc.constantFrom('/menu', 'next.xml', '../audio/a.wav', '/a?b=1&c=2'));

/** A valid value for an attribute, in the form a TypeScript caller would pass it. */
function valueArb(spec: RcmlAttributeSpec): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'string': {
      if (spec.pattern) {
        const flagsFree = new RegExp(spec.pattern.source); // stringMatching ignores flags; the channel pattern is lower case anyway
        return fc.stringMatching(flagsFree);
      }
      return spec.required ? nonBlankString : legalString;
    }
    case 'url':
      if (spec.absolute) return fc.webUrl();
      return spec.allowEmpty ? fc.oneof(urlArb, fc.constant('')) : urlArb;
    case 'integer':
      return fc.integer({ min: spec.min, max: 2147483647 });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'list':
      if (spec.values) return fc.subarray([...spec.values], { minLength: 1 });
      // An entry of only white space is empty once the value is trimmed, and the builder rightly refuses empty entries.
      return fc.array(
        fc.string({ minLength: 1, maxLength: spec.maxItemLength ?? 20 }).filter((s) => !s.includes(',') && s.trim() !== ''),
        { minLength: 1, maxLength: spec.maxItems ?? 5 },
      );
  }
}

function attributesArb(name: RcmlElementName, parent: RcmlElementName | undefined, withChildren: boolean): fc.Arbitrary<Record<string, unknown>> {
  const spec = table[name];
  const entries: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [attr, attrSpec] of Object.entries(spec.attributes)) {
    if (attrSpec.parents && (parent === undefined || !attrSpec.parents.includes(parent))) continue;
    entries[attr] = valueArb(attrSpec);
    const mustHave = attrSpec.required || (withChildren && spec.requiredWithChildren?.includes(attr));
    if (mustHave) {
      required.push(attr);
      if (attrSpec.type === 'string' && !attrSpec.pattern) entries[attr] = nonBlankString;
    }
  }
  return fc.record(entries, { requiredKeys: required });
}

function textArb(spec: RcmlElementSpec, mustHave: boolean): fc.Arbitrary<string | undefined> {
  if (spec.textIsUrl) return urlArb;
  if (mustHave) return nonBlankString;
  return fc.option(legalString, { nil: undefined });
}

/** Generates a valid element (and subtree) from its table entry. */
function programArb(name: RcmlElementName, parent: RcmlElementName | undefined): fc.Arbitrary<Program> {
  const spec = table[name];
  const childNames = spec.children as readonly RcmlElementName[];
  const childArb = (): fc.Arbitrary<Program[]> =>
    childNames.length === 0
      ? fc.constant([])
      : fc
          .array(fc.oneof(...childNames.map((c) => programArb(c, name))), {
            minLength: spec.needsTextOrChild ? 1 : 0,
            maxLength: name === 'Response' ? 6 : 3,
          })
          .map((kids) => repairChildren(spec, kids));

  const withText = (): fc.Arbitrary<Program> =>
    fc
      .tuple(textArb(spec, spec.text === 'required' || spec.needsTextOrChild === true), attributesArb(name, parent, false))
      .map(([text, attributes]) => ({ name, text, attributes, children: [] }));
  const withChildren = (): fc.Arbitrary<Program> =>
    childArb().chain((children) =>
      attributesArb(name, parent, children.length > 0).map((attributes) => ({ name, text: undefined, attributes, children })),
    );

  if (spec.text === 'none') return withChildren();
  if (childNames.length === 0) return withText();
  if (spec.textExcludesChildren) return fc.oneof(withText(), withChildren());
  return withChildren();
}

/** Applies the table's occurrence rules (maxOccurs, exclusive child) to a generated child list. */
function repairChildren(spec: RcmlElementSpec, kids: Program[]): Program[] {
  let result = kids;
  if (spec.exclusiveChild && result.some((k) => k.name === spec.exclusiveChild)) {
    result = [result.find((k) => k.name === spec.exclusiveChild)!];
  }
  const counts = new Map<string, number>();
  return result.filter((k) => {
    const n = (counts.get(k.name) ?? 0) + 1;
    counts.set(k.name, n);
    const max = spec.maxOccurs?.[k.name];
    return max === undefined || n <= max;
  });
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** Replays a program through the public builder API. */
function apply(builder: any, p: Program): void {
  const method = lowerFirst(p.name);
  const spec = table[p.name];
  if (p.name === 'Client' || p.name === 'Sip' || p.name === 'Conference') {
    if (p.children.length > 0) builder[method](p.attributes, p.children[0]!.attributes);
    else builder[method](p.text ?? '', p.attributes);
    return;
  }
  if (p.name === 'Gather' || p.name === 'Dial' || p.name === 'UssdCollect') {
    if (p.text !== undefined) {
      builder[method](p.text, p.attributes);
      return;
    }
    const inner = builder[method](p.attributes);
    for (const c of p.children) apply(inner, c);
    return;
  }
  if (p.name === 'UssdMessage' || p.name === 'Language') builder[method](p.text ?? '');
  else if (spec.text === 'none') builder[method](p.attributes);
  else builder[method](p.text ?? '', p.attributes);
}

function serializedValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** Compares a parsed element with the program that produced it. */
function expectMatches(el: XmlElement, p: Program): void {
  expect(el.name).toBe(p.name);
  expect(el.attributes.map((a) => [a.name, a.value])).toEqual(
    Object.entries(p.attributes)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, serializedValue(v)]),
  );
  expect(textOf(el)).toBe(p.text ?? '');
  const kids = elementChildren(el);
  expect(kids.length).toBe(p.children.length);
  kids.forEach((k, i) => expectMatches(k, p.children[i]!));
}

describe('builder programs generated from the schema table', () => {
  const documentArb = programArb('Response', undefined);

  it('build, render, parse back to the same tree and validate without problems', () => {
    fc.assert(
      fc.property(documentArb, (program) => {
        const r = new RcmlResponse();
        for (const child of program.children) apply(r, child);
        const xml = r.toString();
        expectMatches(parseXml(xml).root, program);
        expect(validateRcml(xml)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('reach every element of the table', () => {
    const seen = new Set<string>();
    const visit = (p: Program): void => {
      seen.add(p.name);
      p.children.forEach(visit);
    };
    fc.sample(documentArb, { numRuns: 200, seed: 42 }).forEach(visit);
    expect([...seen].sort()).toEqual(Object.keys(RCML_ELEMENTS).sort());
  });
});
