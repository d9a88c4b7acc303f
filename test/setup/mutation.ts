// Under `npm run mutation` every property test runs once per mutant it covers: fewer samples keep that within minutes
// (the full count still runs in `npm test`).
import fc from 'fast-check';

fc.configureGlobal({ numRuns: 20 });
