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

describe('what a refused builder call reports', () => {
  const problemOf = (call: () => unknown) => {
    try {
      call();
    } catch (err) {
      expect(err).toBeInstanceOf(RcmlBuildError);
      const { name, code, attribute, path, message, problems } = err as RcmlBuildError;
      return { name, code, attribute, path, message, count: problems.length };
    }
    throw new Error('the call was not refused');
  };
  const dial = () => new RcmlResponse().dial();
  const attr = (path: string, attribute: string, message: string) => ({ name: 'RcmlBuildError', code: 'invalid-attribute-value', attribute, path, message: `${path}: ${message}`, count: 1 });
  const whole = (path: string, code: string, message: string) => ({ name: 'RcmlBuildError', code, attribute: undefined, path, message: `${path}: ${message}`, count: 1 });

  it.each([
    ['an integer given a boolean', () => new RcmlResponse().play('/a.wav', { loop: true } as never), attr('Response/Play[1]', 'loop', 'attribute "loop" of <Play> must be an integer, got boolean')],
    ['a boolean given a number', () => new RcmlResponse().record({ transcribe: 1 } as never), attr('Response/Record[1]', 'transcribe', 'attribute "transcribe" of <Record> must be a boolean, got number')],
    ['a string given a number', () => new RcmlResponse().say('x', { voice: 7 } as never), attr('Response/Say[1]', 'voice', 'attribute "voice" of <Say> must be a string, got number')],
    ['a list holding a number', () => dial().number('1', { statusCallbackEvent: [1] } as never), attr('Response/Dial[1]/Number[1]', 'statusCallbackEvent', 'attribute "statusCallbackEvent" of <Number> must be a list of strings, got an array')],
    ['a list given a number', () => dial().number('1', { statusCallbackEvent: 5 } as never), attr('Response/Dial[1]/Number[1]', 'statusCallbackEvent', 'attribute "statusCallbackEvent" of <Number> must be a string or a list of strings, got number')],
    ['a list entry with a comma', () => dial().number('1', { statusCallbackEvent: ['ringing,answered'] } as never), attr('Response/Dial[1]/Number[1]', 'statusCallbackEvent', 'attribute "statusCallbackEvent" of <Number>: list entries cannot contain commas, got "ringing,answered"')],
    ['attributes given as an array', () => new RcmlResponse().say('x', [] as never), whole('Response/Say[1]', 'invalid-attribute-value', 'the attributes of <Say> must be an object, got an array')],
    ['attributes given as null', () => new RcmlResponse().say('x', null as never), whole('Response/Say[1]', 'invalid-attribute-value', 'the attributes of <Say> must be an object, got null')],
    ['text given as a number', () => new RcmlResponse().say(5 as never), whole('Response/Say[1]', 'invalid-content', 'the text of <Say> must be a string, got number')],
  ])('%s: the element, the attribute, the rule and what was given', (_, call, expected) => {
    expect(problemOf(call)).toEqual(expected);
  });

  it('lists every problem of the document when rendering refuses it, one line each', () => {
    const r = new RcmlResponse();
    r.email('x', { to: 'a@example.com' } as never);
    r.dial().client({ name: 'alice' } as never);
    expect(problemOf(() => r.toString())).toEqual({
      name: 'RcmlBuildError',
      code: 'missing-attribute',
      attribute: 'from',
      path: 'Response/Email[1]',
      message: 'Response/Email[1]: <Email> needs the attribute "from"\nResponse/Dial[1]/Client[1]: <Client> needs text (the client login) or a child element (<Video>)',
      count: 2,
    });
  });
});
