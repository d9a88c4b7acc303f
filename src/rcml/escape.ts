/**
 * Escaping of character data and attribute values for the XML the builder writes, and detection of characters that
 * XML 1.0 cannot carry at all.
 *
 * The escapes are chosen so that an XML parser hands back exactly the original string: besides the markup characters,
 * carriage returns are written as `&#13;` (parsers otherwise turn CR and CRLF into LF), and in attribute values tab,
 * LF and CR are written as references (parsers otherwise turn them into spaces).
 */

/**
 * Code units XML 1.0 forbids: C0 controls other than tab/LF/CR, U+FFFE, U+FFFF, and surrogate halves that are not part
 * of a valid pair.
 */
const ILLEGAL_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Position and code point of a character that XML 1.0 does not allow. */
export interface IllegalXmlChar {
  /** Index (UTF-16 code units) in the examined string. */
  readonly index: number;
  readonly codePoint: number;
}

/** Returns the first character XML 1.0 forbids, or `undefined` when the string is safe to serialise. */
export function findIllegalXmlChar(value: string): IllegalXmlChar | undefined {
  const match = ILLEGAL_XML_CHAR.exec(value);
  if (!match) return undefined;
  return { index: match.index, codePoint: match[0].charCodeAt(0) };
}

/** Whether a code point (e.g. from a character reference) is allowed by the XML 1.0 `Char` production. */
export function isXmlCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** `U+001B`-style notation. */
export function formatCodePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Escapes character data. `>` is always escaped so that `]]>` can never appear. The caller must have rejected
 * illegal characters first (see {@link findIllegalXmlChar}).
 */
export function escapeText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Escapes a value for a double-quoted attribute, preserving tabs and line breaks exactly. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}
