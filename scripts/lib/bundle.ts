// How the SDK is bundled for the runtimes that take one file: a Cloudflare module worker and a browser page. The runtime
// smoke test runs these bundles and the benchmark measures them, so both use the settings here.
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';

export type BundleTarget = 'worker' | 'browser';

const targets: Record<BundleTarget, BuildOptions> = {
  // As wrangler bundles a worker: no Node built-ins and no browser shims, the `workerd`/`worker` export conditions.
  worker: { platform: 'neutral', conditions: ['workerd', 'worker', 'browser'], mainFields: ['module', 'main'], format: 'esm' },
  browser: { platform: 'browser', format: 'esm' },
};

export interface BundleInput {
  /** ES module source of the entry, resolved from `resolveDir`. */
  contents: string;
  resolveDir: string;
  /** A classic script that assigns the entry's exports to this global (for a page), instead of a module. */
  globalName?: string;
}

/** One minified file for the target; throws with esbuild's messages when anything cannot be bundled. */
export async function bundleFor(target: BundleTarget, input: BundleInput): Promise<Uint8Array> {
  const result = await build({
    ...targets[target],
    stdin: { contents: input.contents, resolveDir: input.resolveDir, loader: 'js' },
    ...(input.globalName ? { format: 'iife', globalName: input.globalName } : {}),
    bundle: true,
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

export interface BundleSize {
  min: number;
  gzip: number;
}

export function sizeOf(code: Uint8Array): BundleSize {
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}
