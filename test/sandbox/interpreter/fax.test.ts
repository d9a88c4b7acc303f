// <Fax> against a real local app: the fax the server would hand to its fax service is in the transcript (the server
// keeps no fax resource and sends no callback), with the server's defaults for to and from.
import { describe, expect, it } from 'vitest';
import { CALLER, ofType, useInterpreter } from './harness.js';

describe('Fax', () => {
  const t = useInterpreter();

  it('sends the document at its (relative) URL to the caller from the number called, and goes on', async () => {
    const to = await t.number();
    t.rcml('/voice', '<Response><Fax>/docs/invoice.pdf</Fax><Fax to="+15125550142" from="+15125550143">https://files.example.com/terms.pdf</Fax><Say>Sent</Say></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to }).done();
    const verbs = ofType(transcript.events, 'verb');
    expect(verbs.map((e) => [e.verb, e.outcome])).toEqual([['Fax', 'sent'], ['Fax', 'sent'], ['Say', 'done']]);
    expect(verbs[0]).toMatchObject({ to: CALLER, from: to, url: `${t.app.url}/docs/invoice.pdf` });
    expect(verbs[1]).toMatchObject({ to: '+15125550142', from: '+15125550143', url: 'https://files.example.com/terms.pdf' });
    // No request goes out for the fax: the server sends no callback, and the document is the fax service's to fetch.
    expect(ofType(transcript.events, 'request').map((e) => e.kind)).toEqual(['voiceRequest']);
  });

  it('without a document URL nothing is sent and the document goes on', async () => {
    const to = await t.number();
    t.rcml('/voice', '<Response><Fax/><Say>Still here</Say></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to }).done();
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.outcome])).toEqual([['Fax', 'failed'], ['Say', 'done']]);
  });
});
