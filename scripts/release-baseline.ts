// Records the current bundle as the last release: the baseline `npm run breaking` compares against. Run it when
// cutting a release, after `npm run generate`, and commit openapi/released/openapi.json with the release.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { leadingMajor, releasedJson } from './lib/breaking.js';
import { bundleJson, root } from './lib/paths.js';
import { main, step } from './lib/run.js';

async function versionOf(file: string): Promise<string | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const version = (JSON.parse(text) as { info?: { version?: unknown } }).info?.version;
  return version === undefined ? undefined : String(version);
}

main(async () => {
  const show = (file: string): string => path.relative(root, file);
  const current = await versionOf(bundleJson);
  if (current === undefined) throw new Error(`${show(bundleJson)} is missing or has no info.version; run \`npm run generate\` first.`);
  // The gate reads the leading number as the major; refuse a release it could not compare against later.
  if (leadingMajor(current) === undefined) {
    throw new Error(`info.version ${JSON.stringify(current)} has no leading number, so later breaking-change checks could not compare majors.`);
  }
  const previous = await versionOf(releasedJson);
  step(`Recording ${show(bundleJson)} (info.version ${current}) as the released baseline ${show(releasedJson)}`);
  await mkdir(path.dirname(releasedJson), { recursive: true });
  await copyFile(bundleJson, releasedJson);
  process.stdout.write(previous === undefined ? 'There was no baseline before.\n' : `Replaced the baseline of info.version ${previous}.\n`);
  if (previous === current) process.stdout.write(`Note: info.version is unchanged (${current}); a release usually raises it.\n`);
  step(`Done. Commit ${show(releasedJson)} with the release.`);
});
