import { describe, expect, it } from 'vitest';
import { RcmlBuildError, RcmlResponse, VoiceResponse, validateRcml } from '../../src/rcml/index.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const doc = (body: string): string => `${DECL}<Response>${body}</Response>`;

/** Builds a document, checks it against the validator too, and returns the XML. */
function build(program: (r: RcmlResponse) => void): string {
  const r = new RcmlResponse();
  program(r);
  const xml = r.toString();
  expect(validateRcml(xml)).toEqual([]);
  return xml;
}

/** Runs `call` and returns the RcmlBuildError it throws (fails the test otherwise). */
function buildError(call: () => unknown): RcmlBuildError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(RcmlBuildError);
    return error as RcmlBuildError;
  }
  throw new Error('expected an RcmlBuildError');
}

describe('RCML builder output', () => {
  it('renders an empty document', () => {
    expect(new RcmlResponse().toString()).toBe(`${DECL}<Response/>`);
    expect(new RcmlResponse().toXml({ declaration: false })).toBe('<Response/>');
  });

  it('VoiceResponse is the same builder', () => {
    const r = new VoiceResponse();
    r.hangup();
    expect(r).toBeInstanceOf(RcmlResponse);
    expect(r.toString()).toBe(doc('<Hangup/>'));
  });

  it('Say', () => {
    expect(build((r) => r.say('Hello', { voice: 'woman', language: 'en-gb', loop: 2 }))).toBe(
      doc('<Say voice="woman" language="en-gb" loop="2">Hello</Say>'),
    );
    expect(build((r) => r.say('Hi'))).toBe(doc('<Say>Hi</Say>'));
  });

  it('Play', () => {
    expect(build((r) => r.play('https://example.com/a.wav', { loop: 0 }))).toBe(
      doc('<Play loop="0">https://example.com/a.wav</Play>'),
    );
  });

  it('Pause', () => {
    expect(build((r) => r.pause({ length: 3 }).pause())).toBe(doc('<Pause length="3"/><Pause/>'));
  });

  it('Gather with every attribute and its three prompt verbs', () => {
    const xml = build((r) => {
      r.gather({
        action: '/menu',
        method: 'GET',
        timeout: 7,
        finishOnKey: '*#',
        numDigits: 1,
        input: 'dtmf speech',
        partialResultCallback: '/partial',
        partialResultCallbackMethod: 'POST',
        language: 'en-GB',
        hints: ['sales', 'customer support'],
        startInputKey: '123',
        actionOnEmptyResult: true,
        preTimeout: 4,
        postTimeout: 2,
      })
        .say('Press 1')
        .play('/beep.wav')
        .pause({ length: 1 });
    });
    expect(xml).toBe(
      doc(
        '<Gather action="/menu" method="GET" timeout="7" finishOnKey="*#" numDigits="1" input="dtmf speech"' +
          ' partialResultCallback="/partial" partialResultCallbackMethod="POST" language="en-GB"' +
          ' hints="sales,customer support" startInputKey="123" actionOnEmptyResult="true" preTimeout="4"' +
          ' postTimeout="2"><Say>Press 1</Say><Play>/beep.wav</Play><Pause length="1"/></Gather>',
      ),
    );
  });

  it('Gather without prompts renders as an empty element', () => {
    expect(build((r) => r.gather({ numDigits: 4 }))).toBe(doc('<Gather numDigits="4"/>'));
  });

  it('Record', () => {
    expect(
      build((r) =>
        r.record({
          action: '/recorded',
          method: 'POST',
          timeout: 3,
          finishOnKey: '-1',
          maxLength: 60,
          transcribe: false,
          transcribeCallback: 'https://example.com/t',
          playBeep: true,
          media: 'audio_video',
        }),
      ),
    ).toBe(
      doc(
        '<Record action="/recorded" method="POST" timeout="3" finishOnKey="-1" maxLength="60" transcribe="false"' +
          ' transcribeCallback="https://example.com/t" playBeep="true" media="audio_video"/>',
      ),
    );
  });

  it('Dial with a text target', () => {
    expect(
      build((r) =>
        r.dial('+15550100', { action: '/after', method: 'GET', timeout: 20, timeLimit: 600, callerId: '+15550199', record: true }),
      ),
    ).toBe(
      doc('<Dial action="/after" method="GET" timeout="20" timeLimit="600" callerId="+15550199" record="true">+15550100</Dial>'),
    );
  });

  it('Dial with Number (every attribute)', () => {
    expect(
      build((r) =>
        r.dial({ timeout: 20 }).number('+15550100', {
          url: '/screen',
          method: 'GET',
          statusCallback: 'https://example.com/status',
          statusCallbackMethod: 'POST',
          statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
        }),
      ),
    ).toBe(
      doc(
        '<Dial timeout="20"><Number url="/screen" method="GET" statusCallback="https://example.com/status"' +
          ' statusCallbackMethod="POST" statusCallbackEvent="initiated,ringing,answered,completed">+15550100</Number></Dial>',
      ),
    );
  });

  it('Dial forking to Number, Client, Sip and Uri', () => {
    expect(
      build((r) =>
        r
          .dial()
          .number('+15550100')
          .client('alice', { statusCallbackEvent: ['answered'] })
          .sip('sip:bob@example.com;transport=tcp', { username: 'bob', password: 'p"w&d' })
          .uri('sip:carol@example.com'),
      ),
    ).toBe(
      doc(
        '<Dial><Number>+15550100</Number><Client statusCallbackEvent="answered">alice</Client>' +
          '<Sip username="bob" password="p&quot;w&amp;d">sip:bob@example.com;transport=tcp</Sip>' +
          '<Uri>sip:carol@example.com</Uri></Dial>',
      ),
    );
  });

  it('Client, Sip and Conference with a Video child use the name attribute', () => {
    expect(
      build((r) =>
        r
          .dial()
          .client({ name: 'alice', url: '/screen' }, { enable: true, overlay: 'Alice' })
          .sip({ name: 'sip:bob@example.com' }, { enable: true }),
      ),
    ).toBe(
      doc(
        '<Dial><Client name="alice" url="/screen"><Video enable="true" overlay="Alice"/></Client>' +
          '<Sip name="sip:bob@example.com"><Video enable="true"/></Sip></Dial>',
      ),
    );
    expect(
      build((r) =>
        r.dial().conference({ name: 'room-1' }, { enable: true, mode: 'mcu', resolution: '4CIF', layout: 'tile', overlay: 'x' }),
      ),
    ).toBe(
      doc('<Dial><Conference name="room-1"><Video enable="true" mode="mcu" resolution="4CIF" layout="tile" overlay="x"/></Conference></Dial>'),
    );
  });

  it('Conference with every attribute', () => {
    expect(
      build((r) =>
        r.dial({ record: true }).conference('room-1', {
          muted: false,
          beep: true,
          startConferenceOnEnter: false,
          endConferenceOnExit: true,
          waitUrl: '/hold.xml',
          waitMethod: 'GET',
          maxParticipants: 150,
        }),
      ),
    ).toBe(
      doc(
        '<Dial record="true"><Conference muted="false" beep="true" startConferenceOnEnter="false"' +
          ' endConferenceOnExit="true" waitUrl="/hold.xml" waitMethod="GET" maxParticipants="150">room-1</Conference></Dial>',
      ),
    );
  });

  it('Sms', () => {
    expect(build((r) => r.sms('Your code is 1234', { to: '+15550100', from: '+15550199', action: '/sent', method: 'POST' }))).toBe(
      doc('<Sms to="+15550100" from="+15550199" action="/sent" method="POST">Your code is 1234</Sms>'),
    );
  });

  it('Email (lower-case bcc and subject, as the server reads them)', () => {
    expect(
      build((r) =>
        r.email('Body text', { to: 'a@example.com', from: 'b@example.com', cc: 'c@example.com', bcc: 'd@example.com', subject: 'Hi' }),
      ),
    ).toBe(
      doc('<Email to="a@example.com" from="b@example.com" cc="c@example.com" bcc="d@example.com" subject="Hi">Body text</Email>'),
    );
    expect(build((r) => r.email('', { to: 'a@example.com', from: 'b@example.com' }))).toBe(
      doc('<Email to="a@example.com" from="b@example.com"/>'),
    );
  });

  it('Fax', () => {
    expect(build((r) => r.fax('https://example.com/doc.pdf', { to: '+15550100', from: '+15550199' }))).toBe(
      doc('<Fax to="+15550100" from="+15550199">https://example.com/doc.pdf</Fax>'),
    );
  });

  it('Hangup, Redirect and Reject', () => {
    expect(build((r) => r.redirect('/next.xml', { method: 'GET' }).reject({ reason: 'busy' }).hangup())).toBe(
      doc('<Redirect method="GET">/next.xml</Redirect><Reject reason="busy"/><Hangup/>'),
    );
  });

  it('USSD: Language, UssdMessage and UssdCollect', () => {
    expect(
      build((r) => {
        r.language('fr').ussdMessage('Bienvenue');
        r.ussdCollect({ action: '/choice', method: 'GET' }).ussdMessage('1 Solde').ussdMessage('2 Recharge');
      }),
    ).toBe(
      doc(
        '<Language>fr</Language><UssdMessage>Bienvenue</UssdMessage><UssdCollect action="/choice" method="GET">' +
          '<UssdMessage>1 Solde</UssdMessage><UssdMessage>2 Recharge</UssdMessage></UssdCollect>',
      ),
    );
    expect(build((r) => r.ussdCollect('Reply 1 or 2', { action: '/choice' }))).toBe(
      doc('<UssdCollect action="/choice">Reply 1 or 2</UssdCollect>'),
    );
  });

  it('cloud verbs: Hold, Resume, Refer and Message', () => {
    expect(
      build((r) =>
        r
          .hold({ action: '/held', method: 'GET', holdMusic: 'https://example.com/music.wav' })
          .resume({ action: '/resumed', method: 'POST' })
          .refer({ action: '/referred', method: 'GET' })
          .message('See you', {
            from: 'sms:+15550199',
            to: 'mms:+15550100',
            action: '/m',
            method: 'POST',
            statusCallback: '/ms',
            statusCallbackMethod: 'GET',
          }),
      ),
    ).toBe(
      doc(
        '<Hold action="/held" method="GET" holdMusic="https://example.com/music.wav"/><Resume action="/resumed" method="POST"/>' +
          '<Refer action="/referred" method="GET"/>' +
          '<Message from="sms:+15550199" to="mms:+15550100" action="/m" method="POST" statusCallback="/ms" statusCallbackMethod="GET">See you</Message>',
      ),
    );
  });

  it('escapes markup characters in text and attributes', () => {
    expect(build((r) => r.say(`a & b < c > d "e" 'f' ]]>`, { language: `x"&<>'` }))).toBe(
      doc(`<Say language="x&quot;&amp;&lt;&gt;'">a &amp; b &lt; c &gt; d "e" 'f' ]]&gt;</Say>`),
    );
  });

  it('keeps line breaks and tabs exact with character references', () => {
    expect(build((r) => r.say('one\r\ntwo\tthree\n', { language: 'a\tb\nc\rd' }))).toBe(
      doc('<Say language="a&#9;b&#10;c&#13;d">one&#13;\ntwo\tthree\n</Say>'),
    );
  });

  it('writes attributes in the order given and skips undefined values', () => {
    expect(build((r) => r.say('x', { loop: 1, voice: undefined, language: 'fr' }))).toBe(doc('<Say loop="1" language="fr">x</Say>'));
  });

  it('builders chain and return the container builders', () => {
    const r = new RcmlResponse();
    expect(r.say('a')).toBe(r);
    const g = r.gather();
    expect(g.say('b')).toBe(g);
    const d = r.dial();
    expect(d.number('1')).toBe(d);
    expect(r.dial('2')).toBe(r);
    expect(r.toString()).toBe(doc('<Say>a</Say><Gather><Say>b</Say></Gather><Dial><Number>1</Number></Dial><Dial>2</Dial>'));
  });

  it('validate() lists the problems of the document built so far', () => {
    const r = new RcmlResponse();
    r.dial();
    expect(r.validate()).toEqual([
      {
        path: 'Response/Dial[1]',
        code: 'missing-content',
        severity: 'error',
        message: '<Dial> needs text (the number, client or SIP address to dial) or a child element (<Number>, <Client>, <Sip>, <Conference>, <Uri>)',
      },
    ]);
  });
});

describe('RCML builder run-time checks (calls that bypass the types)', () => {
  it('rejects a verb that is not allowed inside the current element', () => {
    const r = new RcmlResponse();
    const g = r.gather() as any;
    const e = buildError(() => g.dial());
    expect(e.message).toBe('Response/Gather[1]: <Dial> is not allowed inside <Gather>');
    expect(e.code).toBe('illegal-nesting');
    expect(e.path).toBe('Response/Gather[1]');
    expect(r.toString()).toBe(doc('<Gather/>'));
  });

  it('rejects nouns outside their verb and verbs inside Dial or UssdCollect', () => {
    const r = new RcmlResponse() as any;
    expect(buildError(() => r.number('+15550100')).message).toBe('Response: <Number> is not allowed inside <Response>');
    const d = r.dial();
    expect(buildError(() => d.say('hi')).message).toBe('Response/Dial[1]: <Say> is not allowed inside <Dial>');
    const u = r.ussdCollect({ action: '/a' });
    expect(buildError(() => u.gather()).message).toBe('Response/UssdCollect[1]: <Gather> is not allowed inside <UssdCollect>');
  });

  it('rejects unknown attributes, naming them', () => {
    const r = new RcmlResponse() as any;
    const e = buildError(() => r.say('x', { voice: 'man', colour: 'red' }));
    expect(e.message).toBe('Response/Say[1]: <Say> has no attribute "colour" (known: voice, language, loop)');
    expect(e.code).toBe('unknown-attribute');
    expect(e.attribute).toBe('colour');
    expect(buildError(() => r.hangup({ reason: 'busy' })).message).toBe('Response/Hangup[1]: <Hangup> takes no attributes, got "reason"');
    expect(buildError(() => r.ussdMessage('x', { lang: 'en' })).code).toBe('unknown-attribute');
  });

  it('explains attributes that only the documentation spells that way', () => {
    const r = new RcmlResponse() as any;
    const e = buildError(() => r.email('x', { to: 'a@example.com', from: 'b@example.com', Bcc: 'c@example.com' }));
    expect(e.message).toContain('"Bcc"');
    expect(e.message).toContain('reads `bcc`');
    expect(buildError(() => r.dial({ hangupOnStar: true })).message).toContain('never reads it');
    expect(buildError(() => r.dial().number('1', { sendDigits: 'ww12' })).attribute).toBe('sendDigits');
  });

  it('rejects conference-only video attributes under Client', () => {
    const d = new RcmlResponse().dial() as any;
    const e = buildError(() => d.client({ name: 'alice' }, { enable: true, mode: 'sfu' }));
    expect(e.message).toBe('Response/Dial[1]/Client[1]/Video[1]: attribute "mode" of <Video> is only read inside <Conference>');
  });

  it('rejects values outside the allowed set or of the wrong type', () => {
    const r = new RcmlResponse() as any;
    const cases: Array<[() => unknown, string]> = [
      [() => r.say('x', { voice: 'robot' }), 'attribute "voice" of <Say> must be one of "man", "woman", got "robot"'],
      [() => r.pause({ length: 1.5 }), 'attribute "length" of <Pause> must be an integer from 0 to 2147483647, got "1.5"'],
      [() => r.pause({ length: -1 }), 'attribute "length" of <Pause> must be an integer from 0 to 2147483647, got "-1"'],
      [() => r.pause({ length: true }), 'attribute "length" of <Pause> must be an integer, got boolean'],
      [() => r.gather({ numDigits: 0 }), 'attribute "numDigits" of <Gather> must be an integer from 1 to 2147483647, got "0"'],
      [() => r.dial({ record: 'yes' }), 'attribute "record" of <Dial> must be true or false, got "yes"'],
      [() => r.gather({ finishOnKey: 'abc' }), 'attribute "finishOnKey" of <Gather> must be up to 12 characters from 0-9, * and #, got "abc"'],
      [() => r.gather({ hints: ['a,b'] }), 'attribute "hints" of <Gather>: list entries cannot contain commas, got "a,b"'],
      [() => r.redirect('/x', { method: 'PUT' }), 'attribute "method" of <Redirect> must be one of "GET", "POST", got "PUT"'],
      [() => r.hold({ holdMusic: '/music.wav' }), 'attribute "holdMusic" of <Hold> must be an absolute URL, got "/music.wav"'],
      [() => r.say('x', { voice: null }), 'attribute "voice" of <Say> must be a string, got null'],
      [() => r.say('x', 'woman'), 'the attributes of <Say> must be an object, got "woman"'],
      [() => r.say(42), 'the text of <Say> must be a string, got number'],
    ];
    for (const [call, message] of cases) {
      const e = buildError(call);
      expect(e.message.slice(e.message.indexOf(': ') + 2)).toBe(message);
    }
  });

  it('rejects a space-separated statusCallbackEvent and says why', () => {
    const d = new RcmlResponse().dial() as any;
    const e = buildError(() => d.number('1', { statusCallbackEvent: 'ringing answered' }));
    expect(e.code).toBe('invalid-attribute-value');
    expect(e.message).toContain('got "ringinganswered"');
    expect(e.message).toContain('splits on commas');
  });

  it('rejects characters XML 1.0 cannot carry, naming the element and attribute', () => {
    const r = new RcmlResponse() as any;
    expect(buildError(() => r.say('bell\u0007')).message).toBe(
      'Response/Say[1]: the text of <Say> contains U+0007 at index 4, which XML 1.0 cannot represent',
    );
    const e = buildError(() => r.say('x', { language: 'en\uD800' }));
    expect(e.message).toBe('Response/Say[1]: attribute "language" of <Say> contains U+D800 at index 2, which XML 1.0 cannot represent');
    expect(e.attribute).toBe('language');
    expect(buildError(() => r.sms('\uFFFE')).message).toContain('U+FFFE');
    expect(buildError(() => r.sms('a\uDC00b')).message).toContain('U+DC00');
    const d = new RcmlResponse().dial() as any;
    expect(buildError(() => d.number('1', { statusCallback: '/s\u0000' })).message).toBe(
      'Response/Dial[1]/Number[1]: attribute "statusCallback" of <Number> contains U+0000 at index 2, which XML 1.0 cannot represent',
    );
    // nothing was added by the failed calls
    expect(r.toString()).toBe(`${DECL}<Response/>`);
  });

  it('a failed call leaves the document untouched and does not use up an index', () => {
    const r = new RcmlResponse() as any;
    buildError(() => r.say('x', { voice: 'robot' }));
    r.say('ok');
    expect(buildError(() => r.say('y', { loop: 'many' })).path).toBe('Response/Say[2]');
    expect(r.toString()).toBe(doc('<Say>ok</Say>'));
  });

  it('refuses to render incomplete documents', () => {
    const r1 = new RcmlResponse();
    r1.dial();
    expect(() => r1.toString()).toThrow(
      'Response/Dial[1]: <Dial> needs text (the number, client or SIP address to dial) or a child element',
    );

    const r2 = new RcmlResponse();
    r2.play('  ');
    r2.say('');
    const e2 = buildError(() => r2.toXml());
    expect(e2.problems.map((p) => [p.path, p.code])).toEqual([
      ['Response/Play[1]', 'missing-content'],
      ['Response/Say[1]', 'missing-content'],
    ]);

    const r3 = new RcmlResponse() as any;
    r3.dial().client({ name: 'alice' });
    expect(buildError(() => r3.toString()).code).toBe('missing-content');

    const r4 = new RcmlResponse();
    r4.dial().conference('room').number('+15550100');
    const e4 = buildError(() => r4.toString());
    expect([e4.path, e4.code]).toEqual(['Response/Dial[1]/Number[1]', 'conflicting-content']);

    const r5 = new RcmlResponse();
    r5.redirect('/a b');
    expect(buildError(() => r5.toString()).code).toBe('invalid-content');

    const r6 = new RcmlResponse() as any;
    r6.dial().client({ name: '  ' }, { enable: true });
    const e6 = buildError(() => r6.toString());
    expect([e6.path, e6.code, e6.attribute]).toEqual(['Response/Dial[1]/Client[1]', 'missing-attribute', 'name']);
  });

  it('requires the mandatory attributes', () => {
    const r = new RcmlResponse() as any;
    r.email('x', { to: 'a@example.com' });
    r.ussdCollect({});
    const e = buildError(() => r.toString());
    expect(e.problems.map((p) => [p.path, p.code, p.attribute])).toEqual([
      ['Response/Email[1]', 'missing-attribute', 'from'],
      ['Response/UssdCollect[1]', 'missing-attribute', 'action'],
    ]);
  });
});
