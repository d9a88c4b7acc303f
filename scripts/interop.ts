// `npm run interop`: the spec in the tools users pick. Generates a client from the whole bundle and from each service
// bundle with @hey-api/openapi-ts, orval and openapi-zod-client, type-checks every output with `tsc --strict`, lints
// every bundle with Spectral's `spectral:oas` ruleset, prints a table (tool, version, input, result) and fails unless
// all generators succeed with 0 type errors and Spectral reports 0 errors and 0 warnings.
// The tools live in interop/ (own package.json and lock file) so that `npm ci` for SDK users does not pull them in.
import { access, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generatedDir, root } from './lib/paths.js';
import { main, mustRun, run, step } from './lib/run.js';

const interopDir = path.join(root, 'interop');
const outDir = path.join(interopDir, 'out');
const tool = (name: string) => path.join(interopDir, 'node_modules', '.bin', name);

interface Generator {
  name: string;
  pkg: string;
  /** The command that writes a client for `input` into `dir`. */
  args: (input: string, dir: string) => [string, string[]];
}

const generators: Generator[] = [
  {
    name: 'hey-api',
    pkg: '@hey-api/openapi-ts',
    args: (input, dir) => [tool('openapi-ts'), ['--input', input, '--output', dir, '--client', '@hey-api/client-fetch']],
  },
  {
    name: 'orval',
    pkg: 'orval',
    args: (input, dir) => [tool('orval'), ['--input', input, '--output', path.join(dir, 'client.ts'), '--client', 'fetch']],
  },
  {
    name: 'zod-client',
    pkg: 'openapi-zod-client',
    args: (input, dir) => [tool('openapi-zod-client'), [input, '--output', path.join(dir, 'client.ts')]],
  },
];

interface Row {
  tool: string;
  version: string;
  input: string;
  ok: boolean;
  result: string;
}

async function version(pkg: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(interopDir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

async function ensureTools(): Promise<void> {
  try {
    await access(tool('spectral'));
  } catch {
    step('Installing the interop tools (npm ci --prefix interop)');
    await mustRun('npm', ['ci', '--prefix', interopDir, '--no-audit', '--no-fund'], { quiet: true });
  }
}

/** The bundles to feed the tools: the whole description, then one per service. */
async function inputs(): Promise<{ name: string; file: string }[]> {
  const services = (await readdir(path.join(generatedDir, 'services'))).filter((f) => f.endsWith('.openapi.json')).sort();
  if (!services.length) throw new Error('generated/services/ holds no bundle: run `npm run generate`');
  return [
    { name: 'openapi.json', file: path.join(generatedDir, 'openapi.json') },
    ...services.map((f) => ({ name: `services/${f}`, file: path.join(generatedDir, 'services', f) })),
  ];
}

const dirName = (input: string) => input.replace(/^services\//, '').replace(/\.openapi\.json$|\.json$/, '');

/** One strict type-check over everything a generator wrote; errors are counted per input folder. */
async function typeCheck(gen: Generator, inputNames: string[]): Promise<Map<string, string[]>> {
  const base = path.join(outDir, gen.name);
  const config = path.join(base, 'tsconfig.json');
  await writeFile(
    config,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
        // The generators' own runtime dependencies (zod, @zodios/core, axios) are checked by their authors.
        skipLibCheck: true,
      },
      include: ['**/*.ts'],
    }),
  );
  const result = await run(tool('tsc'), ['-p', config, '--strict', '--pretty', 'false'], { quiet: true });
  const errors = new Map(inputNames.map((n) => [n, [] as string[]]));
  for (const line of result.stdout.split('\n').filter((l) => /error TS\d+/.test(l))) {
    // tsc names files relative to the working directory: interop/out/<generator>/<input>/…
    const folder = path.relative(base, path.resolve(line.split('(')[0]!)).split(path.sep)[0]!;
    const owner = inputNames.find((n) => dirName(n) === folder);
    if (owner) errors.get(owner)!.push(line);
    else throw new Error(`tsc reported an error outside the generated clients: ${line}`);
  }
  if (result.code !== 0 && [...errors.values()].every((e) => e.length === 0)) {
    throw new Error(`tsc failed without a type error:\n${result.stdout}${result.stderr}`);
  }
  return errors;
}

async function spectral(file: string): Promise<{ errors: number; warnings: number; lines: string[] }> {
  const ruleset = path.join(outDir, '.spectral.yaml');
  const result = await run(tool('spectral'), ['lint', file, '--ruleset', ruleset, '--format', 'json', '--quiet'], { quiet: true });
  const start = result.stdout.indexOf('[');
  if (start < 0) throw new Error(`spectral printed no report for ${file}:\n${result.stdout}${result.stderr}`);
  const findings = JSON.parse(result.stdout.slice(start)) as { code: string; message: string; severity: number; path: string[] }[];
  const lines = findings.map((f) => `${['error', 'warning', 'info', 'hint'][f.severity]} ${f.code} at ${f.path.join('.')}: ${f.message}`);
  return { errors: findings.filter((f) => f.severity === 0).length, warnings: findings.filter((f) => f.severity === 1).length, lines };
}

function table(rows: Row[]): string {
  const head = ['tool', 'version', 'input', 'result'];
  const cells = rows.map((r) => [r.tool, r.version, r.input, r.result]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.map(line)].join('\n');
}

main(async () => {
  await ensureTools();
  const bundles = await inputs();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, '.spectral.yaml'), 'extends: ["spectral:oas"]\n');
  const rows: Row[] = [];
  const details: string[] = [];

  for (const gen of generators) {
    const v = await version(gen.pkg);
    step(`${gen.pkg} ${v}: generating ${bundles.length} clients, then tsc --strict`);
    const generated: string[] = [];
    const failed = new Map<string, string>();
    for (const input of bundles) {
      const dir = path.join(outDir, gen.name, dirName(input.name));
      await mkdir(dir, { recursive: true });
      const [command, args] = gen.args(input.file, dir);
      const result = await run(command, args, { quiet: true });
      // orval reports a failed generation with exit code 0, so an output file is required too.
      const files = await readdir(dir, { recursive: true });
      if (result.code !== 0 || !files.some((f) => String(f).endsWith('.ts'))) {
        failed.set(input.name, `generation failed (exit ${result.code})`);
        details.push(`${gen.name} ${input.name}:\n${(result.stdout + result.stderr).trim().split('\n').slice(-15).join('\n')}`);
        await rm(dir, { recursive: true, force: true });
      } else generated.push(input.name);
    }
    const errors = generated.length ? await typeCheck(gen, generated) : new Map<string, string[]>();
    for (const input of bundles) {
      const failure = failed.get(input.name);
      const tsErrors = errors.get(input.name) ?? [];
      if (tsErrors.length) details.push(`${gen.name} ${input.name}:\n${tsErrors.slice(0, 20).join('\n')}`);
      const ok = !failure && tsErrors.length === 0;
      rows.push({ tool: gen.pkg, version: v, input: input.name, ok, result: failure ?? `generated; tsc --strict: ${tsErrors.length} errors` });
    }
  }

  const spectralVersion = await version('@stoplight/spectral-cli');
  step(`Spectral ${spectralVersion}: spectral:oas on every bundle`);
  for (const input of bundles) {
    const { errors, warnings, lines } = await spectral(input.file);
    if (lines.length) details.push(`spectral ${input.name}:\n${lines.slice(0, 20).join('\n')}`);
    rows.push({ tool: '@stoplight/spectral-cli (spectral:oas)', version: spectralVersion, input: input.name, ok: errors + warnings === 0, result: `${errors} errors, ${warnings} warnings` });
  }

  if (details.length) process.stdout.write(`\n${details.join('\n\n')}\n`);
  process.stdout.write(`\n${table(rows)}\n\nNode ${process.version}; type-checked with TypeScript ${await version('typescript')}.\n`);
  const bad = rows.filter((r) => !r.ok);
  if (bad.length) throw new Error(`${bad.length} of ${rows.length} interop checks failed (see above)`);
  step(`All ${rows.length} interop checks passed`);
});
