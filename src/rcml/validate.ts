/**
 * `validateRcml`: parses an RCML document with the strict parser in `xml.ts` and applies the rules of `schema.ts`.
 */

import { checkDocument, type RcmlCheckOptions, type RcmlElementView, type RcmlProblem } from './rules.js';
import { parseXml, XmlSyntaxError, type XmlElement } from './xml.js';

export interface ValidateRcmlOptions extends RcmlCheckOptions {
  /**
   * Report an `&` that does not start a reference as `not-well-formed`. Off by default because the Restcomm server
   * rewrites such ampersands (typically in URL query strings) to `&amp;` before parsing and so accepts them.
   */
  readonly strictAmpersands?: boolean;
}

/**
 * Checks an RCML document and returns every problem found, in document order (an empty array means the document is
 * valid).
 *
 * Where the Restcomm server and its documentation disagree, the server's behaviour decides (for instance a
 * `statusCallbackEvent` list must be comma-separated, `bcc`/`subject` on `<Email>` are lower case, `<Gather
 * finishOnKey>` may hold up to 12 keys or be empty, `input="dtmf speech"` is accepted); the entries of `schema.ts`
 * describe what the documentation says instead. Content the server would silently drop (unknown or misspelt
 * attributes, children a verb does not read, text in elements that take none, content overridden by other content) is
 * reported, as are values the server rejects with a warning. A missing `<Response>` root is reported although the
 * server itself does not insist on it.
 *
 * As the server does, element and attribute names are compared by local name (a namespace prefix is ignored and
 * `xmlns` declarations are not attributes), and attribute values and text are trimmed before they are judged.
 * Malformed XML produces a single `not-well-formed` problem with line and column.
 */
export function validateRcml(xml: string, options: ValidateRcmlOptions = {}): RcmlProblem[] {
  if (typeof xml !== 'string') throw new TypeError(`validateRcml expects a string, got ${typeof xml}`);
  let root: XmlElement;
  try {
    root = parseXml(xml, { bareAmpersands: options.strictAmpersands ? 'reject' : 'literal' }).root;
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return [
      {
        path: error.path,
        code: 'not-well-formed',
        message: `not well-formed XML at line ${error.line}, column ${error.column}: ${error.reason}`,
        line: error.line,
        column: error.column,
      },
    ];
  }
  const problems: RcmlProblem[] = [];
  checkDocument(toView(root), (p) => problems.push(p), options.context ? { context: options.context } : {});
  return problems;
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

function toView(element: XmlElement): RcmlElementView {
  let text = '';
  const children: RcmlElementView[] = [];
  for (const node of element.children) {
    if (node.type === 'text') text += node.value;
    else children.push(toView(node));
  }
  return {
    name: localName(element.name),
    attributes: element.attributes
      .filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'))
      .map((a) => ({ name: localName(a.name), value: a.value, line: a.line, column: a.column })),
    children,
    text,
    line: element.line,
    column: element.column,
  };
}
