/**
 * The checks shared by the builder and `validateRcml`. They work on a neutral element view so the builder's tree and a
 * parsed document go through exactly the same code, driven by the table in `schema.ts`.
 */

import {
  attributeSpec,
  elementSpec,
  RCML_ELEMENTS,
  RCML_UNSUPPORTED_ELEMENTS,
  type RcmlAttributeSpec,
  type RcmlContext,
  type RcmlElementSpec,
} from './schema.js';

/** Kinds of problem `validateRcml` (and the builder) can report. */
export type RcmlProblemCode =
  /** The text is not well-formed XML (or uses a refused construct such as a DTD); comes with line and column. */
  | 'not-well-formed'
  /** The root element is not `<Response>`. */
  | 'wrong-root'
  /** An element name RCML does not define (or one the server never executes). */
  | 'unknown-verb'
  /** An element that exists but is not allowed in this place, or appears more often than it is read. */
  | 'illegal-nesting'
  /** An attribute the element does not have (the server would silently ignore it). */
  | 'unknown-attribute'
  /** An attribute whose value the server rejects or replaces with a default. */
  | 'invalid-attribute-value'
  /** A value over a limit the server's parser enforces (Gather `hints`): the server refuses the whole document. */
  | 'parser-limit-exceeded'
  /** A required attribute is absent or blank. */
  | 'missing-attribute'
  /** Required text (or the text-or-child alternative) is missing, e.g. `<Play>` without a URL or `<Dial>` without a target. */
  | 'missing-content'
  /** Text is present but unusable, e.g. a `<Redirect>` URL containing spaces. */
  | 'invalid-content'
  /** Non-blank text inside an element that takes none (it would be ignored). */
  | 'unexpected-text'
  /** Content that the server ignores because other content of the same element wins (e.g. text plus child nouns in `<Dial>`). */
  | 'conflicting-content'
  /** A verb the interpreter for the requested context does not execute (only with the `context` option). */
  | 'unsupported-in-context'
  /** The last problem of a list cut at `maxProblems`: it says how many more were found and left out. */
  | 'too-many-problems'
  /** The document is longer than `maxLength` and was not checked. */
  | 'document-too-large';

/**
 * How bad a problem is for the server: `error` when it rejects the document, fails or hangs up the call; `warning`
 * when it silently ignores something or falls back to a default and carries on.
 */
export type RcmlSeverity = 'error' | 'warning';

/**
 * Each kind of problem's severity, from what the server does (see `/work/shared/reference/rcml.yaml`): malformed XML
 * fails the fetch; a required attribute or content that is absent or unusable leaves the verb nothing to execute;
 * unknown elements and attributes, extra or misplaced children, stray text and out-of-range values are skipped or
 * replaced by defaults (with a warning notification at most).
 */
export const RCML_PROBLEM_SEVERITY: Readonly<Record<RcmlProblemCode, RcmlSeverity>> = {
  'not-well-formed': 'error',
  'wrong-root': 'warning',
  'unknown-verb': 'warning',
  'illegal-nesting': 'warning',
  'unknown-attribute': 'warning',
  'invalid-attribute-value': 'warning',
  'parser-limit-exceeded': 'error',
  'missing-attribute': 'error',
  'missing-content': 'error',
  'invalid-content': 'error',
  'unexpected-text': 'warning',
  'conflicting-content': 'warning',
  // Skipped silently by most interpreters; the conference wait interpreter hangs up instead (see severityOf).
  'unsupported-in-context': 'warning',
  'too-many-problems': 'warning',
  'document-too-large': 'error',
};

/**
 * The problems for which the server refuses the whole document, so no verb of it runs: XML that is not well-formed
 * (rcml.yaml document.xml.well_formedness), a parser limit (Gather `hints`: S_PARSER LimitExceededException ->
 * ParserFailed), and a document too large to be checked at all. Every other problem leaves the rest of the document to run.
 */
export const RCML_DOCUMENT_REFUSED: ReadonlySet<RcmlProblemCode> = new Set(['not-well-formed', 'parser-limit-exceeded', 'document-too-large']);

/** The severity of a problem found with these options. */
export function severityOf(code: RcmlProblemCode, options: RcmlCheckOptions = {}): RcmlSeverity {
  if (code === 'unsupported-in-context' && options.context === 'conference-wait') return 'error';
  return RCML_PROBLEM_SEVERITY[code];
}

/** One problem found in an RCML document. */
export interface RcmlProblem {
  /** Element path such as `Response/Gather[1]/Say[2]` (indices count same-named siblings from 1). */
  readonly path: string;
  readonly code: RcmlProblemCode;
  /** `error`: the server rejects the document, fails or hangs up; `warning`: it ignores something or falls back. */
  readonly severity: RcmlSeverity;
  readonly message: string;
  /** The attribute concerned, for attribute problems. */
  readonly attribute?: string;
  /** 1-based position in the source, when the problem comes from a parsed document. */
  readonly line?: number;
  readonly column?: number;
}

/** An attribute as the checks see it: local name and value. */
export interface RcmlAttributeView {
  readonly name: string;
  readonly value: string;
  readonly line?: number;
  readonly column?: number;
}

/** An element as the checks see it: local name, attributes, element children and all of its character data. */
export interface RcmlElementView {
  readonly name: string;
  readonly attributes: readonly RcmlAttributeView[];
  readonly children: readonly RcmlElementView[];
  /** Concatenation of the element's own character data (not its descendants'). */
  readonly text: string;
  readonly line?: number;
  readonly column?: number;
}

export interface RcmlCheckOptions {
  /** When given, verbs directly under the root are also checked against what this context's interpreter executes. */
  readonly context?: RcmlContext;
}

const INT_MAX = 2147483647;

/** Trims the way the server does (Java's String.trim: every character up to U+0020 at either end). */
export function serverTrim(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 0x20) start++;
  while (end > start && value.charCodeAt(end - 1) <= 0x20) end--;
  return value.slice(start, end);
}

function quote(value: string): string {
  return JSON.stringify(value);
}

/** Why an attribute value is refused: `parser-limit-exceeded` when the server's parser fails the whole document on it. */
export interface AttributeValueProblem {
  readonly code: 'invalid-attribute-value' | 'parser-limit-exceeded';
  readonly reason: string;
}

/**
 * Checks a raw attribute value against its specification (after trimming, as the server trims values).
 * Returns the problem, or `undefined` when the value is acceptable.
 */
export function attributeValueProblem(spec: RcmlAttributeSpec, raw: string): AttributeValueProblem | undefined {
  const value = serverTrim(raw);
  const found = valueReason(spec, value);
  if (found === undefined) return undefined;
  const [reason, code] = typeof found === 'string' ? [found, 'invalid-attribute-value' as const] : [found.limit, 'parser-limit-exceeded' as const];
  return { code, reason: spec.hint ? `${reason}; ${spec.hint}` : reason };
}

/** A reason the value is refused; `{ limit }` when it breaks a list limit, which the server's parser enforces. */
function valueReason(spec: RcmlAttributeSpec, value: string): string | { limit: string } | undefined {
  if (spec.required && value === '') return 'must not be empty';
  switch (spec.type) {
    case 'string':
      if (spec.pattern && !spec.pattern.test(value)) {
        return `must be ${spec.patternDescription ?? `a value matching ${String(spec.pattern)}`}, got ${quote(value)}`;
      }
      return undefined;
    case 'url':
      if (value === '') return spec.allowEmpty ? undefined : 'must be a non-empty URL';
      if (/\s/.test(value)) return `must be a URL without whitespace, got ${quote(value)}`;
      if (spec.absolute && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return `must be an absolute URL, got ${quote(value)}`;
      return undefined;
    case 'integer': {
      const ok = /^[+-]?[0-9]+$/.test(value) && Number(value) >= spec.min && Number(value) <= INT_MAX;
      return ok ? undefined : `must be an integer from ${spec.min} to ${INT_MAX}, got ${quote(value)}`;
    }
    case 'boolean':
      return /^(?:true|false)$/i.test(value) ? undefined : `must be true or false, got ${quote(value)}`;
    case 'enum': {
      const fold = (s: string): string => (spec.caseInsensitive ? s.toLowerCase() : s);
      const accepted = [...spec.values, ...(spec.aliases ?? [])].map(fold);
      if (accepted.includes(fold(value))) return undefined;
      return `must be one of ${spec.values.map(quote).join(', ')}, got ${quote(value)}`;
    }
    case 'list': {
      const items = (spec.stripWhitespace ? value.replace(/\s+/g, '') : value).split(',');
      if (spec.maxItems !== undefined && items.length > spec.maxItems) {
        return { limit: `must have at most ${spec.maxItems} comma-separated entries, got ${items.length}` };
      }
      for (const item of items) {
        if (item === '') return `must be a comma-separated list without empty entries, got ${quote(value)}`;
        if (spec.maxItemLength !== undefined && item.length > spec.maxItemLength) {
          return { limit: `entries must be at most ${spec.maxItemLength} characters long, got one of ${item.length}` };
        }
        if (spec.values && !spec.values.includes(item)) {
          return `entries must be among ${spec.values.map(quote).join(', ')}, got ${quote(item)}`;
        }
      }
      return undefined;
    }
  }
}

/**
 * Decides whether attribute `name` may appear on `element` (inside `parentName`). Returns the problem message or
 * `undefined`; the value is not examined.
 */
export function attributeNameProblem(element: string, parentName: string | undefined, name: string): string | undefined {
  const spec = elementSpec(element);
  if (!spec) return undefined;
  const attr = attributeSpec(spec, name);
  if (!attr) {
    const ignored = spec.ignoredAttributes && Object.hasOwn(spec.ignoredAttributes, name) ? spec.ignoredAttributes[name] : undefined;
    if (ignored) return `<${element}> has no attribute ${quote(name)}: ${ignored}`;
    const known = Object.keys(spec.attributes);
    return known.length === 0
      ? `<${element}> takes no attributes, got ${quote(name)}`
      : `<${element}> has no attribute ${quote(name)} (known: ${known.join(', ')})`;
  }
  if (attr.parents && !(parentName !== undefined && attr.parents.includes(parentName))) {
    return `attribute ${quote(name)} of <${element}> is only read inside ${attr.parents.map((p) => `<${p}>`).join(', ')}`;
  }
  return undefined;
}

/** Problem message when `child` is placed inside `parent`, or `undefined` when that is allowed. */
export function nestingProblem(parent: string, child: string): string | undefined {
  const spec = elementSpec(parent);
  if (!spec || spec.children.includes(child)) return undefined;
  return spec.children.length === 0
    ? `<${child}> is not allowed inside <${parent}>, which takes no child elements`
    : `<${child}> is not allowed inside <${parent}>`;
}

/** Problem message for an element name the table does not define. */
export function unknownElementMessage(name: string): string {
  const reason = Object.hasOwn(RCML_UNSUPPORTED_ELEMENTS, name) ? RCML_UNSUPPORTED_ELEMENTS[name] : undefined;
  return reason ? `<${name}> is not supported: ${reason}` : `<${name}> is not an RCML element`;
}

type Emit = (problem: Omit<RcmlProblem, 'severity'>) => void;

function at(view: { line?: number; column?: number }): { line?: number; column?: number } {
  return view.line !== undefined && view.column !== undefined ? { line: view.line, column: view.column } : {};
}

/**
 * Checks a whole document tree (root included) and reports every problem in document order. The root is expected to be
 * `<Response>`; any other root is reported and its children are then checked as if they were inside `<Response>`.
 */
export function checkDocument(root: RcmlElementView, report: (problem: RcmlProblem) => void, options: RcmlCheckOptions = {}): void {
  const emit: Emit = (problem) => report({ ...problem, severity: severityOf(problem.code, options) });
  const path = root.name;
  if (root.name !== 'Response') {
    emit({ path, code: 'wrong-root', message: `the root element must be <Response>, not <${root.name}>`, ...at(root) });
    if (elementSpec(root.name)) {
      checkElement(root, path, undefined, emit, options);
    } else {
      // The server executes verbs wherever they appear, so look at the children as if they sat in <Response>.
      checkChildren({ ...root, name: 'Response' }, RCML_ELEMENTS.Response, path, emit, options);
    }
    return;
  }
  checkElement(root, path, undefined, emit, options);
}

/** Checks one known element and, recursively, its children. */
function checkElement(
  view: RcmlElementView,
  path: string,
  parentName: string | undefined,
  emit: Emit,
  options: RcmlCheckOptions,
): void {
  const spec = elementSpec(view.name);
  if (!spec) return;
  checkAttributes(view, spec, path, parentName, emit);
  checkText(view, spec, path, emit);
  checkChildren(view, spec, path, emit, options);
}

function checkAttributes(
  view: RcmlElementView,
  spec: RcmlElementSpec,
  path: string,
  parentName: string | undefined,
  emit: Emit,
): void {
  for (const attr of view.attributes) {
    const nameProblem = attributeNameProblem(view.name, parentName, attr.name);
    if (nameProblem) {
      emit({ path, code: 'unknown-attribute', attribute: attr.name, message: nameProblem, ...at(attr) });
      continue;
    }
    const attrSpec = attributeSpec(spec, attr.name)!;
    const problem = attributeValueProblem(attrSpec, attr.value);
    if (problem) {
      emit({
        path,
        code: problem.code,
        attribute: attr.name,
        message: `attribute ${quote(attr.name)} of <${view.name}> ${problem.reason}`,
        ...at(attr),
      });
    }
  }
  const present = new Map(view.attributes.map((a) => [a.name, a.value]));
  const required = Object.entries(spec.attributes)
    .filter(([, a]) => a.required)
    .map(([name]) => name);
  if (view.children.length > 0) required.push(...(spec.requiredWithChildren ?? []));
  for (const name of required) {
    const value = present.get(name);
    if (value === undefined) {
      const why = spec.requiredWithChildren?.includes(name) && !attributeSpec(spec, name)?.required ? ' when it has a child element' : '';
      emit({
        path,
        code: 'missing-attribute',
        attribute: name,
        message: `<${view.name}> needs the attribute ${quote(name)}${why}`,
        ...at(view),
      });
    } else if (serverTrim(value) === '' && !attributeSpec(spec, name)?.required) {
      // conditionally required and present but blank (unconditionally required blanks are reported as invalid values)
      emit({
        path,
        code: 'missing-attribute',
        attribute: name,
        message: `<${view.name}> needs a non-empty ${quote(name)} when it has a child element`,
        ...at(view),
      });
    }
  }
}

function checkText(view: RcmlElementView, spec: RcmlElementSpec, path: string, emit: Emit): void {
  const text = serverTrim(view.text);
  const hasText = text !== '';
  const hasChildren = view.children.length > 0;
  const meaning = spec.textMeaning ? ` (${spec.textMeaning})` : '';
  if (spec.text === 'none') {
    if (hasText) {
      emit({ path, code: 'unexpected-text', message: `<${view.name}> takes no text, got ${quote(text)}`, ...at(view) });
    }
    return;
  }
  if (hasText && hasChildren && spec.textExcludesChildren) {
    emit({
      path,
      code: 'conflicting-content',
      message: `<${view.name}> cannot have both text and child elements: the server reads only one of them`,
      ...at(view),
    });
  }
  if (!hasText) {
    if (spec.needsTextOrChild && !hasChildren) {
      const kids = spec.children.map((c) => `<${c}>`).join(', ');
      emit({ path, code: 'missing-content', message: `<${view.name}> needs text${meaning} or a child element (${kids})`, ...at(view) });
    } else if (spec.text === 'required') {
      emit({ path, code: 'missing-content', message: `<${view.name}> needs text${meaning}`, ...at(view) });
    }
    return;
  }
  if (spec.textIsUrl && /\s/.test(text)) {
    emit({ path, code: 'invalid-content', message: `<${view.name}> text must be a URL without whitespace, got ${quote(text)}`, ...at(view) });
  }
}

function checkChildren(
  view: RcmlElementView,
  spec: RcmlElementSpec,
  path: string,
  emit: Emit,
  options: RcmlCheckOptions,
): void {
  const counts = new Map<string, number>();
  const exclusivePresent = spec.exclusiveChild !== undefined && view.children.some((c) => c.name === spec.exclusiveChild);
  for (const child of view.children) {
    const n = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, n);
    const childPath = `${path}/${child.name}[${n}]`;
    const childSpec = elementSpec(child.name);
    if (!childSpec) {
      emit({ path: childPath, code: 'unknown-verb', message: unknownElementMessage(child.name), ...at(child) });
      checkUnknownSubtree(child, childPath, emit, options);
      continue;
    }
    const nesting = nestingProblem(view.name, child.name);
    if (nesting) {
      emit({ path: childPath, code: 'illegal-nesting', message: nesting, ...at(child) });
    } else {
      const max = spec.maxOccurs && Object.hasOwn(spec.maxOccurs, child.name) ? spec.maxOccurs[child.name] : undefined;
      if (max !== undefined && n > max) {
        emit({
          path: childPath,
          code: 'illegal-nesting',
          message: `<${view.name}> reads at most ${max} <${child.name}> child element${max === 1 ? '' : 's'}; this one would be ignored`,
          ...at(child),
        });
      } else if (exclusivePresent && child.name !== spec.exclusiveChild) {
        emit({
          path: childPath,
          code: 'conflicting-content',
          message: `<${child.name}> is ignored because this <${view.name}> contains a <${spec.exclusiveChild}>`,
          ...at(child),
        });
      }
      if (options.context && spec.kind === 'root' && childSpec.kind === 'verb' && !childSpec.contexts.includes(options.context)) {
        emit({
          path: childPath,
          code: 'unsupported-in-context',
          message: `<${child.name}> is not executed in the ${options.context} context`,
          ...at(child),
        });
      }
    }
    checkElement(child, childPath, view.name, emit, options);
  }
}

/** Below an unknown element nesting cannot be judged, but known descendants are still checked on their own. */
function checkUnknownSubtree(view: RcmlElementView, path: string, emit: Emit, options: RcmlCheckOptions): void {
  const counts = new Map<string, number>();
  for (const child of view.children) {
    const n = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, n);
    const childPath = `${path}/${child.name}[${n}]`;
    if (elementSpec(child.name)) {
      checkElement(child, childPath, undefined, emit, options);
    } else {
      emit({ path: childPath, code: 'unknown-verb', message: unknownElementMessage(child.name), ...at(child) });
      checkUnknownSubtree(child, childPath, emit, options);
    }
  }
}
