/**
 * Misuse the builder types forbid: each `@ts-expect-error` is checked by tsc (the `types` project fails when a line
 * compiles), and each call runs here, so the run-time check behind it is exercised for JavaScript callers too.
 */
import { describe, expect, it } from 'vitest';
import { RcmlBuildError, RcmlResponse } from '../../src/rcml/index.js';

describe('builder misuse', () => {
  it('is refused at compile time and at run time', () => {
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
