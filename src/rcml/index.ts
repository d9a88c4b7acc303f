/**
 * RCML (Restcomm Markup Language): a typed document builder and a validator, both driven by the element table in
 * `schema.ts`.
 */

export {
  RcmlResponse,
  VoiceResponse,
  RcmlBuildError,
  type RcmlMethods,
  type RcmlChildMethods,
  type GatherBuilder,
  type DialBuilder,
  type UssdCollectBuilder,
  type RcmlToXmlOptions,
  type SayAttributes,
  type PlayAttributes,
  type PauseAttributes,
  type GatherAttributes,
  type RecordAttributes,
  type DialAttributes,
  type SmsAttributes,
  type EmailAttributes,
  type FaxAttributes,
  type RedirectAttributes,
  type RejectAttributes,
  type UssdCollectAttributes,
  type HoldAttributes,
  type ResumeAttributes,
  type ReferAttributes,
  type MessageAttributes,
  type NumberAttributes,
  type ClientAttributes,
  type SipAttributes,
  type ConferenceAttributes,
  type UriAttributes,
  type VideoAttributes,
} from './builder.js';
export { validateRcml, type ValidateRcmlOptions } from './validate.js';
export { RCML_PROBLEM_SEVERITY } from './rules.js';
export type { RcmlProblem, RcmlProblemCode, RcmlSeverity } from './rules.js';
export {
  RCML_ELEMENTS,
  RCML_CONTEXTS,
  RCML_UNSUPPORTED_ELEMENTS,
  DIAL_STATUS_EVENTS,
  type RcmlContext,
  type RcmlElementName,
  type RcmlElementSpec,
  type RcmlAttributeSpec,
  type RcmlAttributes,
  type RcmlAttributeValue,
  type RcmlChildOf,
} from './schema.js';
