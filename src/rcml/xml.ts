/**
 * A small, strict XML 1.0 parser for RCML documents. It understands exactly what RCML needs: an optional XML
 * declaration, elements, attributes, character data, CDATA sections, comments, processing instructions (skipped), the
 * five predefined entities and numeric character references. Document type declarations are refused, so no other
 * entity can ever be defined or expanded.
 *
 * Errors are thrown as {@link XmlSyntaxError} with a 1-based line and column (columns count code points) and the path
 * of the innermost open element.
 */

import { findIllegalXmlChar, formatCodePoint, isXmlCodePoint } from './escape.js';

/** A 1-based source position. */
export interface XmlPosition {
  readonly line: number;
  readonly column: number;
}

export interface XmlAttribute extends XmlPosition {
  /** Qualified name as written (prefix included). */
  readonly name: string;
  /** Value after entity expansion and attribute-value normalisation. */
  readonly value: string;
}

export interface XmlText extends XmlPosition {
  readonly type: 'text';
  /** Character data after line-ending normalisation and reference expansion (CDATA included). */
  readonly value: string;
}

export interface XmlElement extends XmlPosition {
  readonly type: 'element';
  /** Qualified name as written. */
  readonly name: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | XmlText;

export interface XmlDeclaration {
  readonly version: string;
  readonly encoding?: string;
  readonly standalone?: 'yes' | 'no';
}

export interface XmlDocument {
  readonly declaration?: XmlDeclaration;
  readonly root: XmlElement;
}

export interface XmlParseOptions {
  /**
   * How to treat an `&` that does not begin a reference (e.g. `?a=1&b=2`). `reject` (default) follows XML; `literal`
   * keeps it as a plain `&`, which is what the Restcomm server does after rewriting such ampersands to `&amp;`.
   */
  readonly bareAmpersands?: 'reject' | 'literal';
  /**
   * Deepest element nesting accepted (default 1000). RCML never goes beyond a handful of levels; the limit keeps
   * hostile input from exhausting the stack of the recursive consumers of the tree.
   */
  readonly maxDepth?: number;
}

/** The document is not well-formed (or uses a construct this parser refuses, such as a DTD). */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  constructor(
    /** What went wrong, without the position. */
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    /** Offset in UTF-16 code units. */
    readonly offset: number,
    /** Path of the innermost open element (`Response/Gather[1]`), or `''` outside the root element. */
    readonly path: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}

/** Parses a complete document. Throws {@link XmlSyntaxError} when it is not well-formed. */
export function parseXml(source: string, options: XmlParseOptions = {}): XmlDocument {
  return new Parser(source, options.bareAmpersands === 'literal', options.maxDepth ?? 1000).parseDocument();
}

// ---------------------------------------------------------------------------------------------

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_REST = '\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040';
const NAME = new RegExp(`[${NAME_START}][${NAME_START}${NAME_REST}]*`, 'uy');
const NAME_START_CHAR = new RegExp(`[${NAME_START}]`, 'uy');

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const CHAR_REF = /&#(?:([0-9]+)|x([0-9A-Fa-f]+));/y;
const ENTITY_REF = new RegExp(`&([${NAME_START}][${NAME_START}${NAME_REST}]*);`, 'uy');

interface Frame {
  readonly name: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly attributes: XmlAttribute[];
  readonly children: XmlNode[];
  readonly counts: Map<string, number>;
  text: string | undefined;
  textLine: number;
  textColumn: number;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

class Parser {
  private pos = 0;
  private readonly stack: Frame[] = [];
  // incremental offset -> line/column conversion
  private locOffset = 0;
  private locLine = 1;
  private locColumn = 1;
  /** Path of the element whose start tag is being read (errors in the tag belong to it). */
  private openingPath: string | undefined;

  constructor(
    private readonly src: string,
    private readonly literalAmpersands: boolean,
    private readonly maxDepth: number,
  ) {}

  parseDocument(): XmlDocument {
    if (this.src.charCodeAt(0) === 0xfeff) this.pos = 1;
    let declaration: XmlDeclaration | undefined;
    if (this.src.startsWith('<?xml', this.pos) && /[\s?]/.test(this.src.charAt(this.pos + 5))) {
      declaration = this.parseDeclaration();
    }
    // prolog
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.src.length) this.fail('the document has no root element');
      if (this.src.startsWith('<!--', this.pos)) this.skipComment();
      else if (this.src.startsWith('<!DOCTYPE', this.pos)) this.fail('document type declarations (DTDs) are not accepted');
      else if (this.src.startsWith('<?', this.pos)) this.skipProcessingInstruction();
      else if (this.src[this.pos] === '<' && this.startsName(this.pos + 1)) break;
      else this.fail('expected the root element');
    }
    const root = this.parseRootElement();
    // epilog
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.src.length) break;
      if (this.src.startsWith('<!--', this.pos)) this.skipComment();
      else if (this.src.startsWith('<?', this.pos)) this.skipProcessingInstruction();
      else this.fail('only comments, processing instructions and whitespace may follow the root element');
    }
    return declaration ? { declaration, root } : { root };
  }

  // ----- position helpers -----

  private locate(offset: number): XmlPosition {
    if (offset < this.locOffset) {
      this.locOffset = 0;
      this.locLine = 1;
      this.locColumn = 1;
    }
    const s = this.src;
    let i = this.locOffset;
    let line = this.locLine;
    let column = this.locColumn;
    while (i < offset) {
      const code = s.charCodeAt(i);
      if (code === 0x0a) {
        line++;
        column = 1;
      } else if (code === 0x0d) {
        if (s.charCodeAt(i + 1) !== 0x0a) {
          line++;
          column = 1;
        }
      } else if (!(code >= 0xdc00 && code <= 0xdfff && i > 0 && isHigh(s.charCodeAt(i - 1)))) {
        column++;
      }
      i++;
    }
    this.locOffset = i;
    this.locLine = line;
    this.locColumn = column;
    return { line, column };
  }

  private currentPath(): string {
    if (this.openingPath !== undefined) return this.openingPath;
    return this.stack.length > 0 ? this.stack[this.stack.length - 1]!.path : '';
  }

  private fail(reason: string, at: number = this.pos): never {
    // When the offending spot holds a character XML forbids, say so: it is the real cause.
    const bad = findIllegalXmlChar(this.src.slice(at, at + 2));
    if (bad && bad.index === 0) {
      reason = `character ${formatCodePoint(bad.codePoint)} is not allowed in XML 1.0`;
    }
    const { line, column } = this.locate(at);
    throw new XmlSyntaxError(reason, line, column, at, this.currentPath());
  }

  /** Fails if `segment` (which starts at `start`) holds a character XML forbids. */
  private checkChars(segment: string, start: number): void {
    const bad = findIllegalXmlChar(segment);
    if (bad) this.fail(`character ${formatCodePoint(bad.codePoint)} is not allowed in XML 1.0`, start + bad.index);
  }

  private startsName(at: number): boolean {
    NAME_START_CHAR.lastIndex = at;
    return NAME_START_CHAR.test(this.src);
  }

  private readName(what: string): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.src);
    if (!m) this.fail(`expected ${what}`);
    this.pos = NAME.lastIndex;
    return m[0];
  }

  private skipSpace(): boolean {
    const start = this.pos;
    while (isSpace(this.src[this.pos])) this.pos++;
    return this.pos > start;
  }

  private expect(literal: string, what: string = `'${literal}'`): void {
    if (!this.src.startsWith(literal, this.pos)) this.fail(`expected ${what}`);
    this.pos += literal.length;
  }

  // ----- prolog constructs -----

  private parseDeclaration(): XmlDeclaration {
    this.pos += 5; // '<?xml'
    const pseudo: Record<string, string> = {};
    const order = ['version', 'encoding', 'standalone'];
    let expectedIndex = 0;
    for (;;) {
      const hadSpace = this.skipSpace();
      if (this.src.startsWith('?>', this.pos)) {
        this.pos += 2;
        break;
      }
      if (!hadSpace) this.fail("expected whitespace or '?>' in the XML declaration");
      const at = this.pos;
      const name = this.readName('a declaration attribute');
      if (expectedIndex === 0 && name !== 'version') this.fail('the XML declaration must start with a version', at);
      const index = order.indexOf(name, expectedIndex);
      if (index < 0) this.fail(`unexpected "${name}" in the XML declaration`, at);
      expectedIndex = index + 1;
      this.skipSpace();
      this.expect('=');
      this.skipSpace();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") this.fail('expected a quoted value');
      const end = this.src.indexOf(quote, this.pos + 1);
      if (end < 0) this.fail('unterminated value in the XML declaration');
      pseudo[name] = this.src.slice(this.pos + 1, end);
      const valueAt = this.pos + 1;
      this.pos = end + 1;
      const value = pseudo[name]!;
      if (name === 'version' && !/^1\.[0-9]+$/.test(value)) this.fail(`unsupported XML version "${value}"`, valueAt);
      if (name === 'encoding' && !/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) this.fail(`invalid encoding name "${value}"`, valueAt);
      if (name === 'standalone' && value !== 'yes' && value !== 'no') this.fail('standalone must be "yes" or "no"', valueAt);
    }
    if (pseudo['version'] === undefined) this.fail('the XML declaration must start with a version');
    const decl: { version: string; encoding?: string; standalone?: 'yes' | 'no' } = { version: pseudo['version'] };
    if (pseudo['encoding'] !== undefined) decl.encoding = pseudo['encoding'];
    if (pseudo['standalone'] !== undefined) decl.standalone = pseudo['standalone'] as 'yes' | 'no';
    return decl;
  }

  private skipComment(): void {
    const start = this.pos;
    const bodyStart = start + 4;
    const dashes = this.src.indexOf('--', bodyStart);
    if (dashes < 0) this.fail('unterminated comment', start);
    this.checkChars(this.src.slice(bodyStart, dashes), bodyStart);
    if (this.src[dashes + 2] !== '>') this.fail("'--' is not allowed inside a comment", dashes);
    this.pos = dashes + 3;
  }

  private skipProcessingInstruction(): void {
    const start = this.pos;
    this.pos += 2;
    const target = this.readName('a processing-instruction target');
    if (target.toLowerCase() === 'xml') this.fail('the XML declaration is only allowed at the very start of the document', start);
    const end = this.src.indexOf('?>', this.pos);
    if (end < 0) this.fail('unterminated processing instruction', start);
    if (end > this.pos && !isSpace(this.src[this.pos])) this.fail('expected whitespace after the processing-instruction target');
    this.checkChars(this.src.slice(this.pos, end), this.pos);
    this.pos = end + 2;
  }

  // ----- elements -----

  private parseRootElement(): XmlElement {
    let root: XmlElement | undefined;
    const closed = this.openElement();
    if (closed) return closed;
    while (!root) {
      const frame = this.stack[this.stack.length - 1]!;
      if (this.pos >= this.src.length) {
        this.fail(`unexpected end of document: <${frame.name}> is not closed`);
      }
      const c = this.src[this.pos];
      if (c === '<') {
        if (this.src.startsWith('</', this.pos)) {
          root = this.closeElement();
        } else if (this.src.startsWith('<!--', this.pos)) {
          this.flushText(frame);
          this.skipComment();
        } else if (this.src.startsWith('<![CDATA[', this.pos)) {
          this.readCdata(frame);
        } else if (this.src.startsWith('<?', this.pos)) {
          this.flushText(frame);
          this.skipProcessingInstruction();
        } else if (this.src.startsWith('<!', this.pos)) {
          this.fail('markup declarations are not allowed inside an element');
        } else {
          this.flushText(frame);
          const child = this.openElement();
          if (child) frame.children.push(child);
        }
      } else if (c === '&') {
        this.appendText(frame, this.readReference(), this.pos);
      } else {
        this.readCharData(frame);
      }
    }
    return root;
  }

  /** Reads a start tag. Returns the element when it is self-closing, otherwise pushes a frame and returns undefined. */
  private openElement(): XmlElement | undefined {
    const start = this.pos;
    const { line, column } = this.locate(start);
    this.pos++; // '<'
    const name = this.readName('an element name');
    const parent = this.stack[this.stack.length - 1];
    let path = name;
    if (parent) {
      const n = (parent.counts.get(name) ?? 0) + 1;
      parent.counts.set(name, n);
      path = `${parent.path}/${name}[${n}]`;
    }
    const attributes: XmlAttribute[] = [];
    const seen = new Set<string>();
    this.openingPath = path;
    for (;;) {
      const hadSpace = this.skipSpace();
      if (this.src.startsWith('/>', this.pos)) {
        this.pos += 2;
        this.openingPath = undefined;
        return { type: 'element', name, attributes, children: [], line, column };
      }
      if (this.src[this.pos] === '>') {
        if (this.stack.length >= this.maxDepth) this.fail(`elements are nested more than ${this.maxDepth} levels deep`, start);
        this.pos++;
        this.openingPath = undefined;
        this.stack.push({ name, path, line, column, attributes, children: [], counts: new Map(), text: undefined, textLine: 0, textColumn: 0 });
        return undefined;
      }
      if (this.pos >= this.src.length) this.fail(`unexpected end of document inside the start tag of <${name}>`);
      if (!hadSpace) this.fail("expected whitespace, '>' or '/>'");
      const attrStart = this.pos;
      const attrName = this.readName("an attribute name, '>' or '/>'");
      if (seen.has(attrName)) this.fail(`duplicate attribute "${attrName}"`, attrStart);
      seen.add(attrName);
      this.skipSpace();
      this.expect('=', `'=' after attribute "${attrName}"`);
      this.skipSpace();
      const value = this.readAttributeValue();
      const pos = this.locate(attrStart);
      attributes.push({ name: attrName, value, line: pos.line, column: pos.column });
    }
  }

  private readAttributeValue(): string {
    const quote = this.src[this.pos];
    if (quote !== '"' && quote !== "'") this.fail('expected a quoted attribute value');
    this.pos++;
    let value = '';
    for (;;) {
      if (this.pos >= this.src.length) this.fail('unterminated attribute value');
      const c = this.src[this.pos]!;
      if (c === quote) {
        this.pos++;
        return value;
      }
      if (c === '<') this.fail("'<' is not allowed in an attribute value (write &lt;)");
      if (c === '&') {
        value += this.readReference();
        continue;
      }
      // plain run up to the next special character
      let end = this.pos;
      while (end < this.src.length) {
        const d = this.src[end];
        if (d === quote || d === '<' || d === '&') break;
        end++;
      }
      const raw = this.src.slice(this.pos, end);
      this.checkChars(raw, this.pos);
      // attribute-value normalisation: each line break (CRLF counts as one) and each tab becomes a space
      value += raw.replace(/\r\n|[\r\n\t]/g, ' ');
      this.pos = end;
    }
  }

  /** Reads `&...;` at the current position and returns the characters it stands for. */
  private readReference(): string {
    const start = this.pos;
    CHAR_REF.lastIndex = start;
    const cm = CHAR_REF.exec(this.src);
    if (cm) {
      const cp = cm[1] !== undefined ? Number.parseInt(cm[1], 10) : Number.parseInt(cm[2]!, 16);
      if (!isXmlCodePoint(cp)) this.fail(`character reference ${cm[0]} names a character XML 1.0 does not allow`, start);
      this.pos = CHAR_REF.lastIndex;
      return String.fromCodePoint(cp);
    }
    ENTITY_REF.lastIndex = start;
    const em = ENTITY_REF.exec(this.src);
    if (em) {
      const replacement = PREDEFINED[em[1]!];
      if (replacement === undefined) this.fail(`undefined entity &${em[1]};`, start);
      this.pos = ENTITY_REF.lastIndex;
      return replacement;
    }
    if (this.literalAmpersands) {
      this.pos++;
      return '&';
    }
    this.fail("'&' must start a reference such as &amp; (write a literal ampersand as &amp;)", start);
  }

  private readCharData(frame: Frame): void {
    const start = this.pos;
    let end = start;
    while (end < this.src.length) {
      const d = this.src[end];
      if (d === '<' || d === '&') break;
      end++;
    }
    const raw = this.src.slice(start, end);
    this.checkChars(raw, start);
    const cdataEnd = raw.indexOf(']]>');
    if (cdataEnd >= 0) this.fail("']]>' is not allowed in character data (write ]]&gt;)", start + cdataEnd);
    this.appendText(frame, raw.replace(/\r\n?/g, '\n'), start);
    this.pos = end;
  }

  private readCdata(frame: Frame): void {
    const start = this.pos;
    const bodyStart = start + 9;
    const end = this.src.indexOf(']]>', bodyStart);
    if (end < 0) this.fail('unterminated CDATA section', start);
    const raw = this.src.slice(bodyStart, end);
    this.checkChars(raw, bodyStart);
    this.appendText(frame, raw.replace(/\r\n?/g, '\n'), start);
    this.pos = end + 3;
  }

  private appendText(frame: Frame, value: string, at: number): void {
    if (frame.text === undefined) {
      const pos = this.locate(at);
      frame.text = value;
      frame.textLine = pos.line;
      frame.textColumn = pos.column;
    } else {
      frame.text += value;
    }
  }

  private flushText(frame: Frame): void {
    if (frame.text !== undefined) {
      frame.children.push({ type: 'text', value: frame.text, line: frame.textLine, column: frame.textColumn });
      frame.text = undefined;
    }
  }

  /** Reads an end tag; returns the root element when it was the last open one. */
  private closeElement(): XmlElement | undefined {
    const frame = this.stack[this.stack.length - 1]!;
    const start = this.pos;
    this.pos += 2;
    const name = this.readName('an element name in the end tag');
    this.skipSpace();
    this.expect('>', `'>' to finish the end tag </${name}>`);
    if (name !== frame.name) this.fail(`end tag </${name}> does not match the start tag <${frame.name}>`, start);
    this.flushText(frame);
    this.stack.pop();
    const element: XmlElement = {
      type: 'element',
      name: frame.name,
      attributes: frame.attributes,
      children: frame.children,
      line: frame.line,
      column: frame.column,
    };
    const parent = this.stack[this.stack.length - 1];
    if (!parent) return element;
    parent.children.push(element);
    return undefined;
  }
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
