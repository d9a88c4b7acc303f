/**
 * Compile-time guarantees of the builder types. The `@ts-expect-error` lines and `expectTypeOf` assertions are checked
 * by `tsc --noEmit -p .`; each call is also executed so the run-time check behind it is exercised.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  RcmlBuildError,
  RcmlResponse,
  type DialBuilder,
  type GatherAttributes,
  type GatherBuilder,
  type RcmlChildOf,
  type UssdCollectBuilder,
  type VideoAttributes,
} from '../../src/rcml/index.js';

type Methods<B> = Exclude<keyof B, 'toString' | 'toXml' | 'validate'>;

describe('builder types follow the schema table', () => {
  it('each builder offers exactly the methods of the children its element allows', () => {
    expectTypeOf<Methods<GatherBuilder>>().toEqualTypeOf<Uncapitalize<RcmlChildOf<'Gather'>>>();
    expectTypeOf<Methods<GatherBuilder>>().toEqualTypeOf<'say' | 'play' | 'pause'>();
    expectTypeOf<Methods<DialBuilder>>().toEqualTypeOf<'number' | 'client' | 'sip' | 'conference' | 'uri'>();
    expectTypeOf<Methods<UssdCollectBuilder>>().toEqualTypeOf<'ussdMessage'>();
    expectTypeOf<Methods<RcmlResponse>>().toEqualTypeOf<Uncapitalize<RcmlChildOf<'Response'>>>();
    expect(true).toBe(true);
  });

  it('attribute types come from the table', () => {
    expectTypeOf<GatherAttributes['input']>().toEqualTypeOf<'dtmf' | 'speech' | 'dtmf speech' | undefined>();
    expectTypeOf<GatherAttributes['numDigits']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<GatherAttributes['actionOnEmptyResult']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<keyof VideoAttributes<'Client'>>().toEqualTypeOf<'enable' | 'overlay'>();
    expectTypeOf<keyof VideoAttributes<'Conference'>>().toEqualTypeOf<'enable' | 'overlay' | 'mode' | 'resolution' | 'layout'>();
    expect(true).toBe(true);
  });

  it('rejects misplaced verbs and bad attributes at compile time and at run time', () => {
    const r = new RcmlResponse();
    const g = r.gather();
    const d = r.dial();
    d.number('+15550100');
    // @ts-expect-error <Dial> is not allowed inside <Gather>
    expect(() => g.dial()).toThrow(RcmlBuildError);
    // @ts-expect-error <Say> is not allowed inside <Dial>
    expect(() => d.say('hi')).toThrow(RcmlBuildError);
    // @ts-expect-error nouns are not allowed directly in <Response>
    expect(() => r.number('+15550100')).toThrow(RcmlBuildError);
    // @ts-expect-error voice is 'man' | 'woman'
    expect(() => r.say('x', { voice: 'robot' })).toThrow(RcmlBuildError);
    // @ts-expect-error unknown attribute
    expect(() => r.say('x', { colour: 'red' })).toThrow(RcmlBuildError);
    // @ts-expect-error loop is a number
    expect(() => r.play('/a.wav', { loop: 'twice' })).toThrow(RcmlBuildError);
    // @ts-expect-error only known progress events
    expect(() => d.number('1', { statusCallbackEvent: ['ringing', 'busy'] })).toThrow(RcmlBuildError);
    // @ts-expect-error mode exists only for <Video> inside <Conference>
    expect(() => d.client({ name: 'a' }, { enable: true, mode: 'sfu' })).toThrow(RcmlBuildError);
    // @ts-expect-error <Email> needs `to` and `from`
    r.email('x', { to: 'a@example.com' });
    // @ts-expect-error a <Dial> given a text target returns the parent builder, which has no number()
    expect(() => r.dial('+15550100').number('1')).toThrow(RcmlBuildError);
    // @ts-expect-error the name form of <Client> needs the <Video> attributes
    d.client({ name: 'alice' });
    expect(() => r.toString()).toThrow(RcmlBuildError);
  });
});
