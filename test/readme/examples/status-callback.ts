import { parseWebhook, WebhookError } from 'restcomm-cpaas/webhooks';

// The body of a request Restcomm sent to your StatusCallback URL (application/x-www-form-urlencoded).
export function onCallStatus(body: string): string {
  try {
    const event = parseWebhook('callStatusCallback', body);
    // Typed and coerced: CallDuration is a number, CallStatus one of the documented states.
    if (event.CallStatus === 'completed') return `${event.CallSid} lasted ${event.CallDuration ?? 0} s`;
    return `${event.CallSid} is ${event.CallStatus} (event ${event.SequenceNumber})`;
  } catch (err) {
    // Names every missing or malformed parameter; answer 400 so it shows in your logs.
    if (err instanceof WebhookError) return `rejected: ${err.message}`;
    throw err;
  }
}
