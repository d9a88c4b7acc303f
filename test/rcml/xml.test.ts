import { describe, expect, it } from 'vitest';
import { parseXml, XmlSyntaxError, type XmlElement } from '../../src/rcml/xml.js';

/** Parses and returns [reason, line, column, path] of the syntax error (fails the test if none). */
function syntaxError(source: string, literalAmpersands = false): [string, number, number, string] {
  try {
    parseXml(source, { bareAmpersands: literalAmpersands ? 'literal' : 'reject' });
  } catch (error) {
    expect(error).toBeInstanceOf(XmlSyntaxError);
    const e = error as XmlSyntaxError;
    return [e.reason, e.line, e.column, e.path];
  }
  throw new Error('expected a syntax error');
}

const textOf = (el: XmlElement): string => el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');

describe('parseXml: what it reads', () => {
  it('reads the declaration, elements, attributes and text with positions', () => {
    const doc = parseXml('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Response>\n  <Say voice=\'man\' loop="2">Hi</Say>\n</Response>');
    expect(doc.declaration).toEqual({ version: '1.0', encoding: 'UTF-8', standalone: 'yes' });
    expect(doc.root.name).toBe('Response');
    expect(doc.root).toMatchObject({ line: 2, column: 1 });
    const say = doc.root.children.find((c) => c.type === 'element') as XmlElement;
    expect(say).toMatchObject({ name: 'Say', line: 3, column: 3 });
    expect(say.attributes).toEqual([
      { name: 'voice', value: 'man', line: 3, column: 8 },
      { name: 'loop', value: '2', line: 3, column: 20 },
    ]);
    expect(textOf(say)).toBe('Hi');
  });

  it('expands the predefined entities and character references', () => {
    const root = parseXml('<a b="&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;">&lt;&#9;&#x41;&amp;amp;</a>').root;
    expect(root.attributes[0]!.value).toBe(`<>&"'A😀`);
    expect(textOf(root)).toBe('<\tA&amp;');
  });

  it('joins CDATA with the surrounding text and keeps markup inside it literal', () => {
    expect(textOf(parseXml('<a>x<![CDATA[<b>&amp;]]]]>y</a>').root)).toBe('x<b>&amp;]]y');
  });

  it('normalises line endings in text and whitespace in attribute values', () => {
    const root = parseXml('<a b="1\r\n2\t3\n4\r5">x\r\ny\rz</a>').root;
    expect(root.attributes[0]!.value).toBe('1 2 3 4 5');
    expect(textOf(root)).toBe('x\ny\nz');
    expect(textOf(parseXml('<a>&#13;&#10;</a>').root)).toBe('\r\n');
  });

  it('skips comments, processing instructions, a BOM and surrounding whitespace', () => {
    const root = parseXml('\uFEFF<!-- c --><?pi data?>\n<a><!-- inner --><?x?><b/></a><!-- after -->\n').root;
    expect(root.children).toEqual([{ type: 'element', name: 'b', attributes: [], children: [], line: 2, column: 23 }]);
  });

  it('splits text runs at child elements', () => {
    const root = parseXml('<a>one<b/>two</a>').root;
    expect(root.children.map((c) => (c.type === 'text' ? c.value : `<${c.name}>`))).toEqual(['one', '<b>', 'two']);
  });

  it('keeps bare ampersands literally only when asked', () => {
    expect(textOf(parseXml('<a>x&y &#; & &amp;</a>', { bareAmpersands: 'literal' }).root)).toBe('x&y &#; & &');
    expect(syntaxError('<a>x&y</a>')[0]).toContain("'&' must start a reference");
  });

  it('counts columns in code points', () => {
    expect(syntaxError('<a>😀😀<</a>').slice(1, 3)).toEqual([1, 7]);
  });
});

describe('parseXml: what it refuses', () => {
  it.each([
    ['', 'the document has no root element', 1, 1, ''],
    ['text', 'expected the root element', 1, 1, ''],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a/>', 'document type declarations (DTDs) are not accepted', 1, 1, ''],
    ['<a/><b/>', 'only comments, processing instructions and whitespace may follow the root element', 1, 5, ''],
    ['<a>', 'unexpected end of document: <a> is not closed', 1, 4, 'a'],
    ['<a><b></a>', 'end tag </a> does not match the start tag <b>', 1, 7, 'a/b[1]'],
    ['<a x="1" x="2"/>', 'duplicate attribute "x"', 1, 10, 'a'],
    ['<a><b x="1" x="2"/></a>', 'duplicate attribute "x"', 1, 13, 'a/b[1]'],
    ['<a x="<"/>', "'<' is not allowed in an attribute value (write &lt;)", 1, 7, 'a'],
    ['<a x=1/>', 'expected a quoted attribute value', 1, 6, 'a'],
    ['<a x="1"y="2"/>', "expected whitespace, '>' or '/>'", 1, 9, 'a'],
    ['<a>]]></a>', "']]>' is not allowed in character data (write ]]&gt;)", 1, 4, 'a'],
    ['<a>&nbsp;</a>', 'undefined entity &nbsp;', 1, 4, 'a'],
    ['<a>&#0;</a>', 'character reference &#0; names a character XML 1.0 does not allow', 1, 4, 'a'],
    ['<a>&#xFFFE;</a>', 'character reference &#xFFFE; names a character XML 1.0 does not allow', 1, 4, 'a'],
    ['<a><!-- a -- b --></a>', "'--' is not allowed inside a comment", 1, 11, 'a'],
    ['<a><!-- open</a>', 'unterminated comment', 1, 4, 'a'],
    ['<a><![CDATA[x</a>', 'unterminated CDATA section', 1, 4, 'a'],
    [' <?xml version="1.0"?><a/>', 'the XML declaration is only allowed at the very start of the document', 1, 2, ''],
    ['<?xml version="2.0"?><a/>', 'unsupported XML version "2.0"', 1, 16, ''],
    ['<?xml encoding="UTF-8"?><a/>', 'the XML declaration must start with a version', 1, 7, ''],
    ['<?xml version="1.0" standalone="no" encoding="UTF-8"?><a/>', 'unexpected "encoding" in the XML declaration', 1, 37, ''],
    ['<a>\n  <b>\u0007</b></a>', 'character U+0007 is not allowed in XML 1.0', 2, 6, 'a/b[1]'],
    ['<a x="\uFFFF"/>', 'character U+FFFF is not allowed in XML 1.0', 1, 7, 'a'],
    ['<a>\uD800</a>', 'character U+D800 is not allowed in XML 1.0', 1, 4, 'a'],
    ['<a\u0001/>', 'character U+0001 is not allowed in XML 1.0', 1, 3, 'a'],
    ['<1a/>', 'expected the root element', 1, 1, ''],
    ['<a><b></b><b><c/><c></a>', 'end tag </a> does not match the start tag <c>', 1, 21, 'a/b[2]/c[2]'],
  ])('%j', (source, reason, line, column, path) => {
    expect(syntaxError(source)).toEqual([reason, line, column, path]);
  });

  it('takes a character reference exactly when XML 1.0 allows its character, at each edge of the allowed ranges', () => {
    const text = (ref: string) => (parseXml(`<a>${ref}</a>`).root.children[0] as { value: string }).value;
    for (const cp of [0x9, 0xa, 0xd, 0x20, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x10ffff]) expect(text(`&#x${cp.toString(16)};`)).toBe(String.fromCodePoint(cp));
    for (const cp of [0x8, 0x1f, 0xd800, 0xdfff, 0xfffe, 0xffff, 0x110000]) {
      expect(syntaxError(`<a>&#x${cp.toString(16)};</a>`)[0], cp.toString(16)).toMatch(/names a character XML 1.0 does not allow/);
    }
  });

  it('counts lines at LF, CR and CRLF alike, and columns in characters (a surrogate pair is one)', () => {
    expect(syntaxError('<a>\u{1F600}\u{1F600}<b></a>').slice(0, 3)).toEqual(['end tag </a> does not match the start tag <b>', 1, 9]);
    expect(syntaxError('<a>\r<b>\r\n<c></a>').slice(0, 3)).toEqual(['end tag </a> does not match the start tag <c>', 3, 4]);
    expect(syntaxError('<a>\r\r<b></a>').slice(0, 3)).toEqual(['end tag </a> does not match the start tag <b>', 3, 4]);
  });

  it('reads the XML declaration in either quotes and refuses values it does not define', () => {
    expect(parseXml(`<?xml version='1.0' encoding="UTF-8" standalone="yes"?><a/>`).declaration).toEqual({ version: '1.0', encoding: 'UTF-8', standalone: 'yes' });
    expect(syntaxError('<?xml version="1.0" encoding="8bit"?><a/>').slice(0, 3)).toEqual(['invalid encoding name "8bit"', 1, 31]);
    expect(syntaxError('<?xml version="1.0" standalone="maybe"?><a/>').slice(0, 3)).toEqual(['standalone must be "yes" or "no"', 1, 33]);
    expect(syntaxError('<?xml version="1.0" encoding="UTF-8?><a/>').slice(0, 3)).toEqual(['unterminated value in the XML declaration', 1, 30]);
    expect(syntaxError('<?xml version=1.0?><a/>').slice(0, 3)).toEqual(['expected a quoted value', 1, 15]);
  });

  it('limits the nesting depth', () => {
    const deep = (n: number): string => '<a>'.repeat(n) + '</a>'.repeat(n);
    expect(() => parseXml(deep(1000))).not.toThrow();
    expect(syntaxError(deep(1001)).slice(0, 3)).toEqual(['elements are nested more than 1000 levels deep', 1, 3001]);
    expect(() => parseXml(deep(3), { maxDepth: 2 })).toThrow('nested more than 2 levels');
  });

  it('formats the message with the position', () => {
    expect(() => parseXml('<a>\n<b></a>')).toThrow('line 2, column 4: end tag </a> does not match the start tag <b>');
  });
});
