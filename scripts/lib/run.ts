import { spawn } from 'node:child_process';

/** Prints a step heading so long runs show where they are. */
export function step(message: string): void {
  process.stdout.write(`\n▸ ${message}\n`);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

// Redocly CLI 2.x prints a boxed Node 20 deprecation notice on every run; it is noise here (pinned on purpose).
const bannerLine = /^[\s]*[╔╚║].*$/;

function clean(text: string): string {
  return text
    .split('\n')
    .filter((line) => !bannerLine.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Runs a command, echoing its (cleaned) output, and resolves with what it printed. */
export function run(command: string, args: string[], opts: { quiet?: boolean; env?: Record<string, string> } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const result = { code: code ?? 1, stdout: clean(stdout), stderr: clean(stderr) };
      if (!opts.quiet) {
        if (result.stdout.trim()) process.stdout.write(result.stdout.trimEnd() + '\n');
        if (result.stderr.trim()) process.stderr.write(result.stderr.trimEnd() + '\n');
      }
      resolve(result);
    });
  });
}

/** Runs a command and throws when it fails, naming the command. */
export async function mustRun(command: string, args: string[], opts: { quiet?: boolean; env?: Record<string, string> } = {}): Promise<RunResult> {
  const result = await run(command, args, opts);
  if (result.code !== 0) {
    if (opts.quiet) process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${command.split('/').pop()} ${args.join(' ')} exited with ${result.code}`);
  }
  return result;
}

/** Entry-point wrapper: prints the error and exits non-zero. */
export function main(fn: () => Promise<void>): void {
  fn().catch((err: unknown) => {
    process.stderr.write(`\n✖ ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
