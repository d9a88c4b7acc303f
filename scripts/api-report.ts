// npm run api:report writes api/<entry>.api.md, the public surface of each package entry as API Extractor sees it in
// dist/'s .d.ts files; `npm run check:api` (run by `npm test`) fails when the built surface differs from the committed
// report, so every change to the public API shows up as a diff in review. Needs `npm run build:sdk` first.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel, type IConfigFile } from '@microsoft/api-extractor';
import { root } from './lib/paths.js';
import { main, step } from './lib/run.js';

const entries: Record<string, string> = {
  'restcomm-cpaas': 'dist/src/index.d.ts',
  'restcomm-cpaas.rcml': 'dist/src/rcml/index.d.ts',
  'restcomm-cpaas.webhooks': 'dist/src/webhooks/index.d.ts',
  'restcomm-cpaas.codes': 'dist/src/codes.d.ts',
  'restcomm-cpaas.tooling': 'dist/src/tooling.d.ts',
  'restcomm-cpaas.sandbox': 'dist/src/sandbox/index.d.ts',
};

const check = process.argv.includes('--check');

main(async () => {
  const reportFolder = path.join(root, 'api');
  await mkdir(reportFolder, { recursive: true });
  const changed: string[] = [];
  // One TypeScript program over dist/ for every entry, instead of one per entry.
  let compilerState: CompilerState | undefined;
  for (const [name, entry] of Object.entries(entries)) {
    const configObject: IConfigFile = {
      projectFolder: root,
      mainEntryPointFilePath: path.join(root, entry),
      compiler: { overrideTsconfig: { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, skipLibCheck: true, types: [] }, include: [path.join(root, 'dist')] } },
      apiReport: { enabled: true, reportFolder, reportTempFolder: path.join(root, 'node_modules', '.cache', 'api-report'), reportFileName: name },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // The report is about the surface; release tags and TSDoc syntax are not part of this package's conventions.
        // The root entry must document everything it exports; the others are judged by their own tests.
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Warning },
          'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
          'ae-forgotten-export': { logLevel: ExtractorLogLevel.None },
          'ae-undocumented': { logLevel: name === 'restcomm-cpaas' ? ExtractorLogLevel.Error : ExtractorLogLevel.None },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
      },
    };
    const config = ExtractorConfig.prepare({ configObject, configObjectFullPath: undefined, packageJsonFullPath: path.join(root, 'package.json') });
    compilerState ??= CompilerState.create(config, { additionalEntryPoints: Object.values(entries).map((e) => path.join(root, e)) });
    const result = Extractor.invoke(config, { compilerState, localBuild: !check, showVerboseMessages: false, messageCallback: (m) => {
        if (m.logLevel === ExtractorLogLevel.None) m.handled = true;
      },
    });
    if (result.apiReportChanged) changed.push(`api/${name}.api.md`);
    if (result.errorCount > 0 && !result.apiReportChanged) throw new Error(`API Extractor reported ${result.errorCount} errors for ${entry}`);
    step(`${name}: ${result.apiReportChanged ? (check ? 'CHANGED' : 'updated') : 'unchanged'}`);
  }
  if (check && changed.length) {
    throw new Error(`The public API differs from the committed report (${changed.join(', ')}). Review the change, then run \`npm run api:report\` and commit api/.`);
  }
});
