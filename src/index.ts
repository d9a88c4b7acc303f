// The package's root entry: what an application needs to call the API, and nothing else. RCML, webhooks, the code
// dictionaries and the spec tooling have entries of their own (restcomm-cpaas/rcml, /webhooks, /codes, /tooling), so
// importing the SDK loads none of them.
export { createClient } from './sdk/client.js';
export type { ClientOptions, RestcommClient } from './sdk/client.js';
export { createRawClient } from './client.js';
export type { RawClientOptions, RawClient } from './client.js';
export {
  RestcommError,
  RestcommHttpError,
  RestcommNetworkError,
  RestcommTimeoutError,
  RestcommInvalidResponseError,
  RestcommResponseTooLargeError,
} from './sdk/errors.js';
export type { RestcommErrorType } from './sdk/errors.js';
export type { RetryOptions } from './sdk/retry.js';
export type { Logger } from './sdk/transport.js';
export type { CallOptions, EachOptions, RestcommResources, RestcommResult } from './sdk/types.js';
// The generated tree RestcommResources is built from: exported so that every method's signature is part of the API report.
export type { OperationData, ResourceTree } from '../generated/sdk.js';
// The resources and inputs applications use most; every other schema and input type is named in the method
// signatures (hover any method) and reachable through `restcomm-cpaas/tooling`'s `components`.
export type {
  Account,
  Application,
  Call,
  Conference,
  Participant,
  Recording,
  Transcription,
  SmsMessage,
  IncomingPhoneNumber,
  CreateCallParams,
  UpdateCallParams,
  ListCallsParams,
  CreateSmsMessageParams,
  ListSmsMessagesParams,
  CreateIncomingPhoneNumberParams,
} from '../generated/sdk.js';
