import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const specRoot = path.join(root, 'openapi', 'openapi.yaml');
export const generatedDir = path.join(root, 'generated');
export const docsDir = path.join(root, 'docs');
export { bundleJson } from '../../tools/spec.js';

export function bin(name: string): string {
  return path.join(root, 'node_modules', '.bin', name);
}
