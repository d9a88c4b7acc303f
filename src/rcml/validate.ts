/**
 * `validateRcml`: parses an RCML document with the strict parser in `xml.ts` and applies the rules of `schema.ts`.
 */

import { checkDocument, RCML_DOCUMENT_REFUSED, severityOf, type RcmlCheckOptions, type RcmlElementView, type RcmlProblem, type RcmlSeverity } from './rules.js';
import { parseXml, XmlSyntaxError, type XmlElement } from './xml.js';

export interface ValidateRcmlOptions extends RcmlCheckOptions {
  /**
   * Report an `&` that does not start a reference as `not-well-formed`. Off by default because the Restcomm server
   * rewrites such ampersands (typically in URL query strings) to `&amp;` before parsing and so accepts them.
   */
  readonly strictAmpersands?: boolean;
  /**
   * The most problems returned (default 100). Past it the document is still checked to the end, but only counted: a
   * final `too-many-problems` entry says how many more there were, so a huge bad document costs time in proportion to
   * its size and memory for `maxProblems` entries.
   */
  readonly maxProblems?: number;

  /**
   * The longest document checked, in characters (default 1048576). An RCML answer is a few kB; a longer text gets
   * one `document-too-large` problem instead of a parse whose time and memory grow with it.
   */
  readonly maxLength?: number;
  /**
   * The least severity reported: `warning` (the default) reports everything, `error` only what the server rejects,
   * fails on or hangs up over, so a CI check can fail on errors alone.
   */
  readonly severity?: RcmlSeverity;
}

export const DEFAULT_MAX_PROBLEMS = 100;
export const DEFAULT_MAX_LENGTH = 1024 * 1024;

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
  const max = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  if (!Number.isSafeInteger(max) || max < 1) throw new TypeError(`maxProblems must be a whole number of at least 1, got ${String(max)}`);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (!Number.isSafeInteger(maxLength) || maxLength < 0) throw new TypeError(`maxLength must be a whole number of characters, got ${String(maxLength)}`);
  if (xml.length > maxLength) {
    return [{ path: '', code: 'document-too-large', severity: 'error', message: `the document has ${xml.length} characters, over the ${maxLength}-character limit (maxLength); it was not checked` }];
  }
  let root: XmlElement;
  try {
    root = parseXml(xml, { bareAmpersands: options.strictAmpersands ? 'reject' : 'literal' }).root;
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return [
      {
        path: error.path,
        code: 'not-well-formed',
        severity: 'error',
        message: `not well-formed XML at line ${error.line}, column ${error.column}: ${error.reason}`,
        line: error.line,
        column: error.column,
      },
    ];
  }
  const problems: RcmlProblem[] = [];
  let omitted = 0;
  let omittedErrors = 0;
  // Past the cut, the first problem that makes the server refuse the whole document is still kept: whoever reads the
  // list (the sandbox's reply check) must not miss that the document would not run at all.
  let refused: RcmlProblem | undefined;
  const errorsOnly = options.severity === 'error';
  const check = options.context ? { context: options.context } : {};
  checkDocument(
    toView(root),
    (p) => {
      if (errorsOnly && p.severity !== 'error') return;
      if (problems.length < max) problems.push(p);
      else if (!refused && RCML_DOCUMENT_REFUSED.has(p.code)) refused = p;
      else if ((omitted++, p.severity === 'error')) omittedErrors++;
    },
    check,
  );
  if (refused) problems.push(refused);
  if (omitted > 0) {
    problems.push({
      path: root.name,
      code: 'too-many-problems',
      // As bad as the worst problem left out.
      severity: omittedErrors > 0 ? 'error' : severityOf('too-many-problems', check),
      message: `${omitted} more problem${omitted === 1 ? '' : 's'} left out (maxProblems is ${max}${omittedErrors ? `; ${omittedErrors} of them errors` : ''})`,
    });
  }
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
