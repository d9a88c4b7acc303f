import { VoiceResponse, validateRcml } from 'restcomm-cpaas/rcml';

// The RCML your server returns when Restcomm asks what to do with an incoming call.
const answer = new VoiceResponse();
const menu = answer.gather({ action: '/ivr/choice', numDigits: 1, timeout: 5 });
menu.say('Thanks for calling Acme. Press 1 for sales, 2 for support.', { voice: 'woman', language: 'en' });
answer.say('We did not get a choice. Goodbye.');
answer.hangup();

export const xml = answer.toString();
console.log(xml);
console.log(validateRcml(xml)); // [] — nothing the server would reject or ignore
