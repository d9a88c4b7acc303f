import { VERSION } from './version.js';

let cached: string | undefined;

/**
 * `restcomm-cpaas/<version>` and the runtime, e.g. `restcomm-cpaas/1.0.0 node/20.19.0`: what servers (and their
 * operators) see instead of the runtime's anonymous default. Read without touching any runtime-specific API.
 */
export function userAgent(): string {
  if (cached) return cached;
  const g = globalThis as { process?: { versions?: { node?: string; bun?: string } }; Deno?: { version?: { deno?: string } }; navigator?: { userAgent?: string } };
  const runtime = g.Deno?.version?.deno
    ? `deno/${g.Deno.version.deno}`
    : g.process?.versions?.bun
      ? `bun/${g.process.versions.bun}`
      : g.process?.versions?.node
        ? `node/${g.process.versions.node}`
        : (g.navigator?.userAgent?.split(/\s/)[0] ?? 'unknown-runtime');
  return (cached = `restcomm-cpaas/${VERSION} ${runtime}`);
}
