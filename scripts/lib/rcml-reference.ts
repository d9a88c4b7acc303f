// The RCML reference for the site, rendered from the same element table the builder and validator use.
import { RCML_ELEMENTS, RCML_UNSUPPORTED_ELEMENTS, type RcmlAttributeSpec, type RcmlElementSpec } from '../../src/rcml/schema.js';

function attributeType(spec: RcmlAttributeSpec): string {
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

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function rcmlReferenceMarkdown(): string {
  const out: string[] = ['', '### Elements', ''];
  for (const [name, raw] of Object.entries(RCML_ELEMENTS)) {
    const spec = raw as RcmlElementSpec;
    const facts: string[] = [spec.kind === 'root' ? 'the document root' : spec.kind];
    if (spec.availability === 'cloud') facts.push('cloud only');
    if (spec.kind === 'verb' && spec.contexts.length) facts.push(`runs in: ${spec.contexts.join(', ')}`);
    if (spec.deprecated) facts.push(`deprecated: ${spec.deprecated}`);
    out.push(`#### \`<${name}>\``, '', `${facts.join('; ')}.`, '');
    if (spec.text !== 'none') out.push(`Text: ${spec.text}${spec.textMeaning ? ` (${spec.textMeaning})` : ''}.`, '');
    if (spec.children.length) out.push(`May contain: ${spec.children.map((c) => `\`<${c}>\``).join(', ')}.`, '');
    const attributes = Object.entries(spec.attributes);
    if (attributes.length) {
      out.push('| attribute | values | required |', '| --- | --- | --- |');
      for (const [attr, a] of attributes) out.push(`| \`${attr}\` | ${cell(attributeType(a))}${a.hint ? ` (${cell(a.hint)})` : ''} | ${a.required ? 'yes' : ''} |`);
      out.push('');
    }
    for (const [attr, why] of Object.entries(spec.ignoredAttributes ?? {})) out.push(`- \`${attr}\` is not read by the server: ${why}`);
    if (spec.ignoredAttributes) out.push('');
  }
  const unsupported = Object.entries(RCML_UNSUPPORTED_ELEMENTS);
  if (unsupported.length) {
    out.push('### Documented but not executed', '');
    for (const [name, why] of unsupported) out.push(`- \`<${name}>\`: ${why}`);
  }
  return out.join('\n');
}
