// What the smoke program sends and what the runtimes' loopback server expects and answers: one copy for both sides.
const INSTANCE = 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0';

export const SMOKE = {
  accountSid: 'AC9f46b62376f96e83cc19ed9502987c78',
  authToken: 'smoke-token-5e2c7d',
  call: {
    From: '+15125550100',
    To: '+15126002188',
    Url: 'https://rcml.acme-tel.example/answer.xml',
    StatusCallbackEvent: ['answered', 'completed'],
    Timeout: 20,
  },
  /** The form body the call above must arrive as (arrays comma-joined where the spec says so). */
  callForm: 'From=%2B15125550100&To=%2B15126002188&Url=https%3A%2F%2Frcml.acme-tel.example%2Fanswer.xml&StatusCallbackEvent=answered%2Ccompleted&Timeout=20',
  createdCallSid: `${INSTANCE}-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9`,
  missingCallSid: `${INSTANCE}-CAffffffffffffffffffffffffffffffff`,
  slowCallSid: `${INSTANCE}-CA5105105105105105105105105105105a`,
  /** Call SIDs with this prefix answer 503 on their first request, then 200. */
  retryCallPrefix: `${INSTANCE}-CA`,
  pageSize: 2,
  smsSids: ['SM01', 'SM02', 'SM03', 'SM04', 'SM05'].map((s) => `${s}${'0'.repeat(28)}a1`),
  timeoutMs: 200,
  /** How long the slow call takes to answer: far beyond the timeout, short enough that a stuck runtime ends. */
  slowAnswerMs: 4_000,
  statusCallback: {
    InstanceId: INSTANCE,
    AccountSid: 'AC9f46b62376f96e83cc19ed9502987c78',
    CallSid: `${INSTANCE}-CAe41f0a9b8c7d6e5f4a3b2c1d0e9f8a7b`,
    From: '+15125550100',
    To: '+15125550177',
    Direction: 'outbound-api',
    CallerName: '+15125550100',
    ForwardedFrom: '',
    CallStatus: 'completed',
    Timestamp: 'Mon, 04 Mar 2024 11:34:40 UTC',
    CallbackSource: 'call-progress-events',
    SequenceNumber: '3',
    CallDuration: '42',
  },
} as const;
