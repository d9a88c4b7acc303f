import { describe, expect, it } from 'vitest';
import { validateRcml, type RcmlProblem } from '../../src/rcml/index.js';

const wrap = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
/** [path, code] pairs (plus the attribute when there is one), in report order. */
const summary = (problems: RcmlProblem[]): string[][] =>
  problems.map((p) => (p.attribute === undefined ? [p.path, p.code] : [p.path, p.code, p.attribute]));
const check = (body: string, options?: Parameters<typeof validateRcml>[1]): string[][] => summary(validateRcml(wrap(body), options));

describe('validateRcml accepts valid documents', () => {
  it('returns an empty array for a typical voice document', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- greeting -->
<Response>
  <Say voice="woman" language="fr">Bonjour</Say>
  <Gather action="/menu" numDigits="1"><Say>Press 1</Say><Play>/a.wav</Play><Pause/></Gather>
  <Dial timeout="20" callerId="+15550199"><Number>+15550100</Number><Client>alice</Client></Dial>
  <Hangup/>
</Response>
`;
    expect(validateRcml(xml)).toEqual([]);
  });

  it('accepts what the server accepts where the documentation says otherwise', () => {
    const body =
      // up to 12 finish keys and an empty value (server: means "#"; docs: single key, empty disables)
      '<Gather finishOnKey="123*#" input="dtmf speech" startInputKey="*"/><Gather finishOnKey="" input="DTMF_SPEECH"/>' +
      // methods are matched without regard to case; values are trimmed
      '<Redirect method="get"> /next </Redirect><Pause length=" 2 "/>' +
      // comma-separated events (server) with spaces that the server strips
      '<Dial><Number statusCallbackEvent="ringing, answered">1</Number>' +
      // several Sip nouns mixed with Number (docs: one Sip, no mixing); deprecated Uri still dialled
      '<Sip>sip:a@example.com</Sip><Sip>sip:b@example.com</Sip><Uri>sip:c@example.com</Uri></Dial>' +
      // lower-case bcc/subject as the server reads them
      '<Email to="a@example.com" from="b@example.com" bcc="c@example.com" subject="s">hi</Email>' +
      // no upper bound on maxParticipants (docs: 40 or 100)
      '<Dial><Conference maxParticipants="500" waitUrl="/music.wav">room</Conference></Dial>' +
      // an empty waitUrl keeps the built-in music (docs: silence)
      '<Dial><Conference waitUrl="">room</Conference></Dial>' +
      // boolean values ignore case
      '<Record playBeep="FALSE" transcribe="True"/>' +
      // Language takes its code as text (docs table shows an attribute)
      '<Language>en</Language><UssdMessage/>';
    expect(validateRcml(wrap(body))).toEqual([]);
  });

  it('tolerates bare ampersands (as the server does) unless asked to be strict', () => {
    const xml = wrap('<Play>https://example.com/a.wav?x=1&y=2</Play>');
    expect(validateRcml(xml)).toEqual([]);
    expect(summary(validateRcml(xml, { strictAmpersands: true }))).toEqual([['Response/Play[1]', 'not-well-formed']]);
  });

  it('compares local names, so namespace prefixes and declarations do not matter', () => {
    const xml = '<r:Response xmlns:r="urn:x" xmlns="urn:y"><r:Say r:voice="man">hi</r:Say></r:Response>';
    expect(validateRcml(xml)).toEqual([]);
  });

  it('reads text from CDATA sections and character references', () => {
    expect(validateRcml(wrap('<Say><![CDATA[a < b]]></Say><Play>&#x2F;a.wav</Play>'))).toEqual([]);
  });
});

describe('validateRcml reports each kind of problem', () => {
  it('not-well-formed, with line and column of the first error', () => {
    const problems = validateRcml('<Response>\n  <Say>hi</Sai>\n</Response>');
    expect(problems).toEqual([
      {
        path: 'Response/Say[1]',
        code: 'not-well-formed',
        severity: 'error',
        message: 'not well-formed XML at line 2, column 10: end tag </Sai> does not match the start tag <Say>',
        line: 2,
        column: 10,
      },
    ]);
    expect(summary(validateRcml(''))).toEqual([['', 'not-well-formed']]);
    expect(summary(validateRcml('<!DOCTYPE Response><Response/>'))).toEqual([['', 'not-well-formed']]);
    expect(validateRcml('<Response><Say>\u0001</Say></Response>')[0]).toMatchObject({ line: 1, column: 16 });
  });

  it('wrong-root', () => {
    expect(summary(validateRcml('<Responses><Say>hi</Say></Responses>'))).toEqual([['Responses', 'wrong-root']]);
    // the children of an unknown root are still checked as verbs, since the server runs them
    expect(summary(validateRcml('<Doc><Number>1</Number><Play/></Doc>'))).toEqual([
      ['Doc', 'wrong-root'],
      ['Doc/Number[1]', 'illegal-nesting'],
      ['Doc/Play[1]', 'missing-content'],
    ]);
    // a verb used as the root is checked as itself
    expect(summary(validateRcml('<Say voice="x">hi</Say>'))).toEqual([
      ['Say', 'wrong-root'],
      ['Say', 'invalid-attribute-value', 'voice'],
    ]);
  });

  it('unknown-verb', () => {
    const problems = validateRcml(wrap('<Speak>hi</Speak><Enqueue>q</Enqueue><Geolocation/><say>lower case</say>'));
    expect(summary(problems)).toEqual([
      ['Response/Speak[1]', 'unknown-verb'],
      ['Response/Enqueue[1]', 'unknown-verb'],
      ['Response/Geolocation[1]', 'unknown-verb'],
      ['Response/say[1]', 'unknown-verb'],
    ]);
    expect(problems[1]!.message).toContain('no interpreter executes it');
    expect(problems[2]!.message).toContain('only the documentation describes');
  });

  it('unknown-attribute', () => {
    const problems = validateRcml(
      wrap(
        '<Say colour="red">hi</Say>' +
          '<Email to="a@x" from="b@x" Bcc="c@x" Subject="s"/>' +
          '<Dial hangupOnStar="true"><Client name="a"><Video enable="true" mode="sfu"/></Client></Dial>' +
          '<Language Language="fr">fr</Language>',
      ),
    );
    expect(summary(problems)).toEqual([
      ['Response/Say[1]', 'unknown-attribute', 'colour'],
      ['Response/Email[1]', 'unknown-attribute', 'Bcc'],
      ['Response/Email[1]', 'unknown-attribute', 'Subject'],
      ['Response/Dial[1]', 'unknown-attribute', 'hangupOnStar'],
      ['Response/Dial[1]/Client[1]/Video[1]', 'unknown-attribute', 'mode'],
      ['Response/Language[1]', 'unknown-attribute', 'Language'],
    ]);
    expect(problems[0]!.message).toBe('<Say> has no attribute "colour" (known: voice, language, loop)');
    expect(problems[1]!.message).toContain('the server reads `bcc`');
    expect(problems[4]!.message).toBe('attribute "mode" of <Video> is only read inside <Conference>');
  });

  it('invalid-attribute-value', () => {
    const problems = validateRcml(
      wrap(
        '<Say voice="robot" loop="-1">a</Say>' +
          '<Gather numDigits="0" finishOnKey="abc" method="PUT" timeout="5s" actionOnEmptyResult="yes"/>' +
          '<Dial><Number statusCallbackEvent="ringing answered">1</Number></Dial><Dial><Conference waitUrl="/a b">r</Conference></Dial>' +
          `<Gather hints="${Array.from({ length: 51 }, (_, i) => `w${i}`).join(',')}"/>` +
          '<Hold holdMusic="/music.wav"/><Message to="+15550100">x</Message>' +
          '<Dial><Conference name="r"><Video enable="true" resolution="720P"/></Conference></Dial>' +
          '<Record media="video"/><Reject reason="nope"/>',
      ),
    );
    expect(summary(problems)).toEqual([
      ['Response/Say[1]', 'invalid-attribute-value', 'voice'],
      ['Response/Say[1]', 'invalid-attribute-value', 'loop'],
      ['Response/Gather[1]', 'invalid-attribute-value', 'numDigits'],
      ['Response/Gather[1]', 'invalid-attribute-value', 'finishOnKey'],
      ['Response/Gather[1]', 'invalid-attribute-value', 'method'],
      ['Response/Gather[1]', 'invalid-attribute-value', 'timeout'],
      ['Response/Gather[1]', 'invalid-attribute-value', 'actionOnEmptyResult'],
      ['Response/Dial[1]/Number[1]', 'invalid-attribute-value', 'statusCallbackEvent'],
      ['Response/Dial[2]/Conference[1]', 'invalid-attribute-value', 'waitUrl'],
      ['Response/Gather[2]', 'parser-limit-exceeded', 'hints'],
      ['Response/Hold[1]', 'invalid-attribute-value', 'holdMusic'],
      ['Response/Message[1]', 'invalid-attribute-value', 'to'],
      ['Response/Dial[3]/Conference[1]/Video[1]', 'invalid-attribute-value', 'resolution'],
      ['Response/Record[1]', 'invalid-attribute-value', 'media'],
      ['Response/Reject[1]', 'invalid-attribute-value', 'reason'],
    ]);
    expect(problems[7]!.message).toContain('got "ringinganswered"');
    expect(problems[8]!.message).toBe('attribute "waitUrl" of <Conference> must be a URL without whitespace, got "/a b"');
    expect(problems[9]).toMatchObject({ severity: 'error', message: 'attribute "hints" of <Gather> must have at most 50 comma-separated entries, got 51' });
  });

  it('invalid-attribute-value for blank required attributes', () => {
    const problems = validateRcml(wrap('<Email to=" " from="b@example.com">x</Email><UssdCollect action="">p</UssdCollect>'));
    expect(summary(problems)).toEqual([
      ['Response/Email[1]', 'invalid-attribute-value', 'to'],
      ['Response/UssdCollect[1]', 'invalid-attribute-value', 'action'],
    ]);
    expect(problems[0]!.message).toBe('attribute "to" of <Email> must not be empty');
  });

  it('reports positions of attribute problems', () => {
    const [problem] = validateRcml('<Response>\n<Say\n   voice="robot">a</Say></Response>');
    expect(problem).toMatchObject({ path: 'Response/Say[1]', line: 3, column: 4, attribute: 'voice' });
  });

  it('missing-attribute', () => {
    expect(
      check(
        '<UssdCollect><UssdMessage>1</UssdMessage></UssdCollect><Email>x</Email>' +
          '<Dial><Conference><Video enable="true"/></Conference></Dial>',
      ),
    ).toEqual([
      ['Response/UssdCollect[1]', 'missing-attribute', 'action'],
      ['Response/Email[1]', 'missing-attribute', 'to'],
      ['Response/Email[1]', 'missing-attribute', 'from'],
      ['Response/Dial[1]/Conference[1]', 'missing-attribute', 'name'],
    ]);
  });

  it('missing-content', () => {
    const problems = validateRcml(wrap('<Play/><Dial/><Say>   </Say><Dial><Number></Number></Dial><Sms to="1"/><Redirect/><Language/><Fax/>'));
    expect(summary(problems)).toEqual([
      ['Response/Play[1]', 'missing-content'],
      ['Response/Dial[1]', 'missing-content'],
      ['Response/Say[1]', 'missing-content'],
      ['Response/Dial[2]/Number[1]', 'missing-content'],
      ['Response/Sms[1]', 'missing-content'],
      ['Response/Redirect[1]', 'missing-content'],
      ['Response/Language[1]', 'missing-content'],
      ['Response/Fax[1]', 'missing-content'],
    ]);
    expect(problems[0]!.message).toBe('<Play> needs text (the URL of the media file)');
  });

  it('invalid-content', () => {
    expect(check('<Redirect>/next doc.xml</Redirect><Play>a b.wav</Play>')).toEqual([
      ['Response/Redirect[1]', 'invalid-content'],
      ['Response/Play[1]', 'invalid-content'],
    ]);
  });

  it('unexpected-text', () => {
    expect(check('<Hangup>now</Hangup><Gather>press<Say>1</Say></Gather><Pause> </Pause>')).toEqual([
      ['Response/Hangup[1]', 'unexpected-text'],
      ['Response/Gather[1]', 'unexpected-text'],
    ]);
    expect(summary(validateRcml('<Response>stray</Response>'))).toEqual([['Response', 'unexpected-text']]);
  });

  it('conflicting-content', () => {
    expect(
      check(
        '<Dial>+15550100<Number>+15550101</Number></Dial>' +
          '<Dial><Number>1</Number><Conference>room</Conference><Client>a</Client></Dial>' +
          '<UssdCollect action="/a">prompt<UssdMessage>1</UssdMessage></UssdCollect>' +
          '<Dial><Client name="a">alice<Video enable="true"/></Client></Dial>',
      ),
    ).toEqual([
      ['Response/Dial[1]', 'conflicting-content'],
      ['Response/Dial[2]/Number[1]', 'conflicting-content'],
      ['Response/Dial[2]/Client[1]', 'conflicting-content'],
      ['Response/UssdCollect[1]', 'conflicting-content'],
      ['Response/Dial[3]/Client[1]', 'conflicting-content'],
    ]);
  });

  it('illegal-nesting', () => {
    const problems = validateRcml(
      wrap(
        '<Gather><Dial>1</Dial><Say>a</Say></Gather>' +
          '<Number>1</Number>' +
          '<Dial><Number>1<Say>x</Say></Number><Conference>a</Conference><Conference>b</Conference></Dial>' +
          '<Dial><Client name="a"><Video/><Video/></Client></Dial>' +
          '<Say>hi<Play>/a.wav</Play></Say>',
      ),
    );
    expect(summary(problems)).toEqual([
      ['Response/Gather[1]/Dial[1]', 'illegal-nesting'],
      ['Response/Number[1]', 'illegal-nesting'],
      ['Response/Dial[1]/Number[1]', 'conflicting-content'],
      ['Response/Dial[1]/Number[1]/Say[1]', 'illegal-nesting'],
      ['Response/Dial[1]/Conference[2]', 'illegal-nesting'],
      ['Response/Dial[2]/Client[1]/Video[2]', 'illegal-nesting'],
      ['Response/Say[1]/Play[1]', 'illegal-nesting'],
    ]);
    expect(problems[0]!.message).toBe('<Dial> is not allowed inside <Gather>');
    expect(problems[4]!.message).toBe('<Dial> reads at most 1 <Conference> child element; this one would be ignored');
    expect(problems[6]!.message).toBe('<Play> is not allowed inside <Say>, which takes no child elements');
  });

  it('unsupported-in-context (only when a context is given)', () => {
    const body = '<Say>hi</Say><Dial>1</Dial><Redirect>/x</Redirect><Gather><Say>a</Say></Gather>';
    expect(check(body)).toEqual([]);
    expect(check(body, { context: 'call-screening' })).toEqual([['Response/Dial[1]', 'unsupported-in-context']]);
    expect(check(body, { context: 'conference-wait' })).toEqual([
      ['Response/Dial[1]', 'unsupported-in-context'],
      ['Response/Redirect[1]', 'unsupported-in-context'],
      ['Response/Gather[1]', 'unsupported-in-context'],
    ]);
    expect(check('<Sms>hi</Sms><Say>hi</Say><Message to="sms:+15550100">x</Message>', { context: 'sms' })).toEqual([
      ['Response/Say[1]', 'unsupported-in-context'],
    ]);
    expect(check('<UssdMessage>hi</UssdMessage><Hold/>', { context: 'ussd' })).toEqual([['Response/Hold[1]', 'unsupported-in-context']]);
  });

  it('reports every problem of a document, in document order', () => {
    expect(check('<Play/><Gather><Dial>1</Dial></Gather><Say foo="1">x</Say>')).toEqual([
      ['Response/Play[1]', 'missing-content'],
      ['Response/Gather[1]/Dial[1]', 'illegal-nesting'],
      ['Response/Say[1]', 'unknown-attribute', 'foo'],
    ]);
  });

  it('still checks known elements below an unknown one', () => {
    expect(check('<Menu><Say voice="x">a</Say></Menu>')).toEqual([
      ['Response/Menu[1]', 'unknown-verb'],
      ['Response/Menu[1]/Say[1]', 'invalid-attribute-value', 'voice'],
    ]);
  });

  it('handles hostile nesting depth without overflowing the stack', () => {
    const deep = (n: number): string => '<Response>' + '<x>'.repeat(n) + '</x>'.repeat(n) + '</Response>';
    expect(summary(validateRcml(deep(100_000)))).toEqual([['Response' + '/x[1]'.repeat(1000), 'not-well-formed']]);
    expect(validateRcml(deep(900), { maxProblems: 1000 }).length).toBe(900);
  });

  it('rejects non-string input from JavaScript', () => {
    expect(() => validateRcml(42 as unknown as string)).toThrow(TypeError);
  });

  it('gives each problem a severity and lets the caller report errors only', () => {
    // An unknown verb or attribute is skipped by the server: a warning; a <Play> without a URL fails: an error.
    const xml = '<Response><Foo/><Play/><Say bogus="1">hi</Say></Response>';
    expect(validateRcml('<Response><Dial><Number sendDigits="1">+15550100</Number></Dial></Response>')).toEqual([
      expect.objectContaining({ code: 'unknown-attribute', attribute: 'sendDigits', severity: 'warning' }),
    ]);
    expect(validateRcml(xml).map((p) => [p.code, p.severity])).toEqual([
      ['unknown-verb', 'warning'],
      ['missing-content', 'error'],
      ['unknown-attribute', 'warning'],
    ]);
    expect(validateRcml(xml, { severity: 'error' }).map((p) => p.code)).toEqual(['missing-content']);
    // The same verb is skipped by the voice interpreter but hangs up the conference wait interpreter.
    const wait = '<Response><Gather/></Response>';
    expect(validateRcml(wait, { context: 'conference-wait' }).find((p) => p.code === 'unsupported-in-context')?.severity).toBe('error');
    expect(validateRcml('<Response><Sms to="+1">x</Sms></Response>', { context: 'ussd' }).find((p) => p.code === 'unsupported-in-context')?.severity).toBe('warning');
  });
});
