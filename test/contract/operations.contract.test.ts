// The contract suite against the Prism mock of the bundle, which answers each declared status and named example.
import { inject } from 'vitest';
import { contractSuite } from './suite.js';

contractSuite('Prism mock', { baseUrl: () => inject('mockUrl'), prefer: true });
