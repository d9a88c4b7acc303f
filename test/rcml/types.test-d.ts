/**
 * Compile-time guarantees of the builder types, checked by the `types` project (tsc); nothing here runs. The misuse that
 * must fail both at compile time and at run time is in misuse.test.ts.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { DialBuilder, GatherAttributes, GatherBuilder, RcmlChildOf, RcmlResponse, UssdCollectBuilder, VideoAttributes } from '../../src/rcml/index.js';

type Methods<B> = Exclude<keyof B, 'toString' | 'toXml' | 'validate'>;

describe('builder types follow the schema table', () => {
  it('each builder offers exactly the methods of the children its element allows', () => {
    expectTypeOf<Methods<GatherBuilder>>().toEqualTypeOf<Uncapitalize<RcmlChildOf<'Gather'>>>();
    expectTypeOf<Methods<GatherBuilder>>().toEqualTypeOf<'say' | 'play' | 'pause'>();
    expectTypeOf<Methods<DialBuilder>>().toEqualTypeOf<'number' | 'client' | 'sip' | 'conference' | 'uri'>();
    expectTypeOf<Methods<UssdCollectBuilder>>().toEqualTypeOf<'ussdMessage'>();
    expectTypeOf<Methods<RcmlResponse>>().toEqualTypeOf<Uncapitalize<RcmlChildOf<'Response'>>>();
  });

  it('attribute types come from the table', () => {
    expectTypeOf<GatherAttributes['input']>().toEqualTypeOf<'dtmf' | 'speech' | 'dtmf speech' | undefined>();
    expectTypeOf<GatherAttributes['numDigits']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<GatherAttributes['actionOnEmptyResult']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<keyof VideoAttributes<'Client'>>().toEqualTypeOf<'enable' | 'overlay'>();
    expectTypeOf<keyof VideoAttributes<'Conference'>>().toEqualTypeOf<'enable' | 'overlay' | 'mode' | 'resolution' | 'layout'>();
  });

  it('a builder has no method for a child its element does not allow', () => {
    expectTypeOf<GatherBuilder>().not.toHaveProperty('dial');
    expectTypeOf<DialBuilder>().not.toHaveProperty('say');
    expectTypeOf<RcmlResponse>().not.toHaveProperty('number');
  });
});
