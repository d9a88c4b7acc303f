/**
 * The RCML vocabulary as data: every element the builder can emit and the validator accepts, with its
 * attributes, text rules and allowed children. Both the builder's run-time checks and `validateRcml`
 * read this one table (through `rules.ts`), and the builder's TypeScript types are derived from it,
 * so the three cannot drift apart.
 *
 * Guiding rule when the Restcomm server and its documentation disagree: the table follows what the
 * open-source server actually does, and the comment next to the entry records what the documentation
 * says instead. Cloud-only features (described by the hosted product's documentation) are included;
 * features that only the documentation describes and the server never executes are not (see
 * `RCML_UNSUPPORTED_ELEMENTS` and `ignoredAttributes`). Content the server would silently drop (unknown
 * or misspelt attributes, children a verb does not read) is treated as a problem, because nothing should
 * disappear without notice. Values the server quietly maps to its default (such as an empty
 * `finishOnKey` or `waitUrl`) are accepted.
 */

/** Interpreter situations in which a document can be executed; see `RcmlElementSpec.contexts`. */
export type RcmlContext =
  /** The RCML fetched for a voice call. */
  | 'voice'
  /** The RCML fetched through a Dial noun's `url` for the answered outbound leg, before bridging. */
  | 'call-screening'
  /** The RCML fetched through a Conference `waitUrl` while a participant waits. */
  | 'conference-wait'
  /** The RCML fetched for an inbound text message (SIP MESSAGE or SMPP). */
  | 'sms'
  /** The RCML fetched for a USSD session. */
  | 'ussd';

/** Every context name, for iteration. */
export const RCML_CONTEXTS: readonly RcmlContext[] = ['voice', 'call-screening', 'conference-wait', 'sms', 'ussd'];

interface AttributeBase {
  /** The attribute must be present (and non-blank). */
  readonly required?: boolean;
  /** Only read when the element sits inside one of these parents (used by `<Video>`). */
  readonly parents?: readonly string[];
  /** Extra explanation appended to value errors (typically a server/documentation difference). */
  readonly hint?: string;
}

/** Free text. `pattern` (tested on the trimmed value) restricts it; `suggestions` only feed TS autocompletion. */
export interface StringAttributeSpec extends AttributeBase {
  readonly type: 'string';
  readonly pattern?: RegExp;
  readonly patternDescription?: string;
  readonly suggestions?: readonly string[];
}
/** An absolute or (unless `absolute`) relative URL without embedded whitespace; blank only when `allowEmpty`. */
export interface UrlAttributeSpec extends AttributeBase {
  readonly type: 'url';
  readonly absolute?: boolean;
  /** The server accepts an empty value (and then behaves as if the attribute were absent). */
  readonly allowEmpty?: boolean;
}
/** A base-10 integer (the server parses it like Java's Integer.parseInt) no smaller than `min`. */
export interface IntegerAttributeSpec extends AttributeBase {
  readonly type: 'integer';
  readonly min: number;
}
/** `true` or `false`, matched without regard to case. */
export interface BooleanAttributeSpec extends AttributeBase {
  readonly type: 'boolean';
}
/** One of `values`; `aliases` are extra spellings the server also understands. */
export interface EnumAttributeSpec extends AttributeBase {
  readonly type: 'enum';
  readonly values: readonly string[];
  readonly caseInsensitive?: boolean;
  readonly aliases?: readonly string[];
}
/** A comma-separated list, optionally restricted to `values`. */
export interface ListAttributeSpec extends AttributeBase {
  readonly type: 'list';
  readonly values?: readonly string[];
  /** Limits the server's parser enforces: exceeding one makes it refuse the whole document (rcml.yaml Gather hints). */
  readonly maxItems?: number;
  readonly maxItemLength?: number;
  /** The server deletes every whitespace character before splitting on commas. */
  readonly stripWhitespace?: boolean;
}

export type RcmlAttributeSpec =
  | StringAttributeSpec
  | UrlAttributeSpec
  | IntegerAttributeSpec
  | BooleanAttributeSpec
  | EnumAttributeSpec
  | ListAttributeSpec;

/** Description of one element. */
export interface RcmlElementSpec {
  /** `root` is `<Response>`; verbs are executed in order; nouns are read only by their parent verb. */
  readonly kind: 'root' | 'verb' | 'noun';
  /** `server`: handled by the open-source Restcomm server; `cloud`: described only for the hosted product. */
  readonly availability: 'server' | 'cloud';
  /** For verbs: interpreter contexts that execute the verb when it is a direct child of `<Response>`. */
  readonly contexts: readonly RcmlContext[];
  /** Whether character content is forbidden, optional or required (after trimming). */
  readonly text: 'none' | 'optional' | 'required';
  /** Short description of what the text means, used in messages. */
  readonly textMeaning?: string;
  /** The text must be a URL (non-blank, no embedded whitespace). */
  readonly textIsUrl?: boolean;
  /** The element needs either text or at least one child element. */
  readonly needsTextOrChild?: boolean;
  /** Text and child elements cannot be combined: the server reads only one of them. */
  readonly textExcludesChildren?: boolean;
  /** Names of the elements allowed directly inside this one. */
  readonly children: readonly string[];
  /** Upper bound on how many children of a given name are read. */
  readonly maxOccurs?: Readonly<Record<string, number>>;
  /** When a child of this name is present, every other child is ignored by the server. */
  readonly exclusiveChild?: string;
  /** Attributes that become required as soon as the element has a child element. */
  readonly requiredWithChildren?: readonly string[];
  /** Attributes the server reads. */
  readonly attributes: Readonly<Record<string, RcmlAttributeSpec>>;
  /** Attribute names people are known to use that the server never reads, with the reason. */
  readonly ignoredAttributes?: Readonly<Record<string, string>>;
  /** Set when the element still works but should no longer be used. */
  readonly deprecated?: string;
}

// ---------------------------------------------------------------------------------------------
// Shared attribute shapes

const HTTP_METHOD = { type: 'enum', values: ['GET', 'POST'], caseInsensitive: true } as const;
const URL_ATTR = { type: 'url' } as const;
const COUNT = { type: 'integer', min: 0 } as const;
const SECONDS = { type: 'integer', min: 0 } as const;
const FLAG = { type: 'boolean' } as const;
const TEXT = { type: 'string' } as const;

/** Dial-leg progress events understood by `statusCallbackEvent`. */
export const DIAL_STATUS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;

const STATUS_CALLBACK_EVENT = {
  type: 'list',
  values: DIAL_STATUS_EVENTS,
  stripWhitespace: true,
  hint:
    'the server removes all whitespace and splits on commas (e.g. "ringing,answered"); the documentation ' +
    'shows a space-separated list, which the server reads as one unknown event and then reports nothing',
} as const;

/** Say language codes: the documentation's list followed by the default (VoiceRSS) speech plug-in's codes. */
const SAY_LANGUAGES = [
  'bf', 'bp', 'en', 'en-gb', 'cf', 'cs', 'dan', 'fi', 'es', 'fr', 'de', 'el', 'it', 'nl', 'no', 'pl', 'pt', 'ru',
  'ar', 'ca', 'sv', 'tr', 'zh-cn', 'zh-hk', 'zh-tw', 'da', 'en-au', 'en-ca', 'en-in', 'fr-ca', 'ja', 'ko', 'nb',
  'pt-br', 'es-mx',
] as const;

/** Speech-recognition languages named by the documentation (the server accepts any tag from its own configured list). */
const GATHER_LANGUAGES = ['en-US', 'en-GB', 'es-ES', 'it-IT', 'fr-FR', 'pl-PL', 'pt-PT'] as const;

const DIAL_NOUN_SHARED = {
  /** RCML run on the callee's leg once it answers and before the two legs are joined (call screening; must not contain `<Dial>`). */
  url: URL_ATTR,
  /** HTTP method for `url`. */
  method: HTTP_METHOD,
  /** Receives progress webhooks for this dialed leg; the server uses the value as written (no relative resolution). */
  statusCallback: URL_ATTR,
  /** HTTP method for `statusCallback`. */
  statusCallbackMethod: HTTP_METHOD,
  /**
   * Which progress events to report, comma-separated. The server's default (attribute absent) is all four events;
   * the documentation claims the default is `completed` only and shows a space-separated list.
   */
  statusCallbackEvent: STATUS_CALLBACK_EVENT,
} as const;

// ---------------------------------------------------------------------------------------------
// The table

/** Verbs allowed directly inside `<Response>`. */
const TOP_LEVEL_VERBS = [
  'Say', 'Play', 'Pause', 'Gather', 'Record', 'Dial', 'Sms', 'Email', 'Fax', 'Hangup', 'Redirect', 'Reject',
  'UssdCollect', 'UssdMessage', 'Language', 'Hold', 'Resume', 'Refer', 'Message',
] as const;

export const RCML_ELEMENTS = {
  /** The document root; holds the verbs, which run one after another. */
  Response: {
    kind: 'root',
    availability: 'server',
    contexts: [],
    text: 'none',
    children: TOP_LEVEL_VERBS,
    attributes: {},
  },

  /** Speaks its text with the configured text-to-speech engine. */
  Say: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice', 'call-screening', 'conference-wait'],
    text: 'required',
    textMeaning: 'the text to speak',
    children: [],
    attributes: {
      /** Voice gender; anything else makes the server warn and use `man` (the default). */
      voice: { type: 'enum', values: ['man', 'woman'] },
      /**
       * Language code, default `en`. Any value is accepted: codes unknown to the active speech plug-in silently
       * fall back to `en`. The documentation lists Acapela-style codes (bf, bp, cf, dan...), while the default
       * VoiceRSS plug-in understands codes such as en-gb, fr-ca or zh-cn; both sets are offered as suggestions.
       */
      language: { type: 'string', suggestions: SAY_LANGUAGES },
      /** How many times to speak the text (default 1); 0 means until the call ends. The documentation's value column says "> 1" yet documents 0. */
      loop: COUNT,
    },
  },

  /** Plays the audio (or, with a video-capable media server, video) file its text points to. */
  Play: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice', 'call-screening', 'conference-wait'],
    text: 'required',
    textMeaning: 'the URL of the media file',
    textIsUrl: true,
    children: [],
    attributes: {
      /** How many times to play the file (default 1); 0 means until the call ends. */
      loop: COUNT,
    },
  },

  /** Waits silently. As the first verb of a still-ringing inbound call it delays answering. */
  Pause: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice', 'call-screening'],
    text: 'none',
    children: [],
    attributes: {
      /** Seconds to wait (default 1). */
      length: SECONDS,
    },
  },

  /** Collects keypad digits and/or speech while optionally playing prompts. */
  Gather: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice', 'call-screening'],
    text: 'none',
    children: ['Say', 'Play', 'Pause'],
    attributes: {
      /**
       * Receives the collected input (Digits / SpeechResult) and returns the RCML that continues the call.
       * The server requests it only when something was collected and otherwise moves on to the next verb when
       * the attribute is missing; the documentation claims the current document is requested instead.
       */
      action: URL_ATTR,
      /** HTTP method for `action` (default POST). */
      method: HTTP_METHOD,
      /** Seconds of inactivity that end the gathering (default 5). The cloud documentation prefers preTimeout/postTimeout. */
      timeout: SECONDS,
      /**
       * Keys that end the input (default `#`). The server accepts up to 12 characters from 0-9, * and #, and treats an
       * empty value as the default `#`; the documentation describes a single key and says an empty value disables it.
       */
      finishOnKey: {
        type: 'string',
        pattern: /^[*#0-9]{0,12}$/,
        patternDescription: 'up to 12 characters from 0-9, * and #',
      },
      /** Stop automatically after this many digits (default: no limit). */
      numDigits: { type: 'integer', min: 1 },
      /**
       * Input mode (default dtmf). The server also accepts the combined mode `dtmf speech` (and the spelling
       * `dtmf_speech`), ignoring case; the documentation lists only dtmf and speech.
       */
      input: { type: 'enum', values: ['dtmf', 'speech', 'dtmf speech'], caseInsensitive: true, aliases: ['dtmf_speech'] },
      /** Receives interim speech results while the caller talks; the reply is ignored. The documentation calls it mandatory for speech, the server does not. */
      partialResultCallback: URL_ATTR,
      /** HTTP method for `partialResultCallback`. */
      partialResultCallbackMethod: HTTP_METHOD,
      /** Speech-recognition language (default en-US); tags the server is not configured for fall back to the default. */
      language: { type: 'string', suggestions: GATHER_LANGUAGES },
      /** Comma-separated words or phrases that help speech recognition: at most 50 entries of at most 100 characters (more makes the whole document fail). */
      hints: { type: 'list', maxItems: 50, maxItemLength: 100 },
      /** Keys that may start the input (default `*0123456789`). Read by the server although the documentation never mentions it. */
      startInputKey: {
        type: 'string',
        pattern: /^[*#0-9]{1,12}$/,
        patternDescription: '1 to 12 characters from 0-9, * and #',
      },
      /** Cloud only: request `action` even when nothing was collected (default false). */
      actionOnEmptyResult: FLAG,
      /** Cloud only: seconds to wait for the caller to start (default 5); overrides `timeout`. */
      preTimeout: SECONDS,
      /** Cloud only: seconds to wait after the last digit or word (default 5); overrides `timeout`. */
      postTimeout: SECONDS,
    },
  },

  /** Records the caller. */
  Record: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice', 'call-screening'],
    text: 'none',
    children: [],
    attributes: {
      /**
       * Receives the recording details and returns the RCML that continues the call. The server requests it even for
       * an empty recording (duration 0, no URL) and moves on to the next verb when it is missing; the documentation
       * says an empty recording skips the request and a missing action requests the current document.
       */
      action: URL_ATTR,
      /** HTTP method for `action` (default POST). */
      method: HTTP_METHOD,
      /** Seconds of silence that end the recording (default 5). */
      timeout: SECONDS,
      /**
       * Keys that end the recording, up to 12 characters from 0-9, * and #; `-1` alone disables keys. The server's default is
       * any key and an empty value means `#`; the documentation's table gives `#` as the default.
       */
      finishOnKey: {
        type: 'string',
        pattern: /^(?:[*#0-9]{0,12}|-1)$/,
        patternDescription: 'up to 12 characters from 0-9, * and #, or -1 alone',
      },
      /** Longest recording in seconds (default 3600). */
      maxLength: SECONDS,
      /** Ask for a transcription (default false); only works when the server has a speech-recognition key, and always in English. */
      transcribe: FLAG,
      /**
       * Receives a POST when the transcription is ready; implies `transcribe`. The server sends only the call's parameters
       * (the documentation promises transcription fields) and uses the URL as written.
       */
      transcribeCallback: URL_ATTR,
      /** Play a beep before recording starts (default true). */
      playBeep: FLAG,
      /** What to record (default audio_only, stored as .wav; the video modes produce .mp4 and need a video media server). */
      media: { type: 'enum', values: ['audio_only', 'video_only', 'audio_video'] },
    },
  },

  /**
   * Connects the call to another party: its text (a number, `client:` login or SIP URI) or one or more nouns, which ring
   * in parallel. A `<Conference>` child takes precedence over every other child.
   */
  Dial: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice'],
    text: 'optional',
    textMeaning: 'the number, client or SIP address to dial',
    needsTextOrChild: true,
    textExcludesChildren: true,
    children: ['Number', 'Client', 'Sip', 'Conference', 'Uri'],
    maxOccurs: { Conference: 1 },
    exclusiveChild: 'Conference',
    attributes: {
      /** Requested when the dialed call ends (or fails); its RCML continues the original call. Without it the next verb runs. */
      action: URL_ATTR,
      /** HTTP method for `action` (default POST). */
      method: HTTP_METHOD,
      /** Seconds to let the other party ring (default 30). */
      timeout: SECONDS,
      /** Longest connected time in seconds (default 14400), also applied to conference participation. */
      timeLimit: SECONDS,
      /** Caller ID presented to the callee: a phone number or client identifier such as `client:alice`. */
      callerId: TEXT,
      /** Record the bridged call (default false). With a Conference, the server records the conference although the documentation says it cannot. */
      record: FLAG,
    },
    ignoredAttributes: {
      hangupOnStar: 'it appears in one documentation example only and the server never reads it',
    },
  },

  /** Sends a text message (SMS) with its text as the body. */
  Sms: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice', 'call-screening', 'sms'],
    text: 'required',
    textMeaning: 'the message body',
    children: [],
    attributes: {
      /** Recipient number; by default the caller (voice) or the sender of the inbound message (sms). */
      to: TEXT,
      /**
       * Sender number; by default the number that was called (voice) or the recipient of the inbound message (sms).
       * The documentation says the default is the calling party.
       */
      from: TEXT,
      /**
       * Requested as soon as the message is handed over (SmsStatus=sending); its RCML continues. The server also uses it as
       * the delivery-status callback. The documentation promises SmsSid and a final sent/failed status instead.
       */
      action: URL_ATTR,
      /** HTTP method for `action` and the status updates (default POST). */
      method: HTTP_METHOD,
    },
    ignoredAttributes: {
      statusCallback: 'only older documentation mentions it; the server sends status updates to `action` instead',
    },
  },

  /** Sends an e-mail with its text as the body (needs an SMTP service configured on the server). */
  Email: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice', 'sms'],
    text: 'optional',
    textMeaning: 'the message body',
    children: [],
    attributes: {
      /** Recipient address. */
      to: { type: 'string', required: true },
      /** Sender address. */
      from: { type: 'string', required: true },
      /** Comma-separated copy recipients. */
      cc: TEXT,
      /** Comma-separated blind-copy recipients. Lower case, as the server reads it; the documentation writes `Bcc`. */
      bcc: TEXT,
      /** Subject line (default "Restcomm Email Service"). Lower case, as the server reads it; the documentation writes `Subject`. */
      subject: TEXT,
    },
    ignoredAttributes: {
      Bcc: 'attribute names are case-sensitive and the server reads `bcc` (the documentation spells it `Bcc`)',
      Subject: 'attribute names are case-sensitive and the server reads `subject` (the documentation spells it `Subject`)',
    },
  },

  /**
   * Faxes the document its text points to (needs a fax service configured on the server). The server treats the text as
   * a document URL; the documentation's example shows plain text.
   */
  Fax: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice', 'call-screening'],
    text: 'required',
    textMeaning: 'the URL of the document to fax',
    textIsUrl: true,
    children: [],
    attributes: {
      /** Recipient number (default: the caller). */
      to: TEXT,
      /** Sender number (default: the number that was called). */
      from: TEXT,
    },
    ignoredAttributes: {
      action: 'documented, but the server never reads it or sends the request',
      method: 'documented, but the server never reads it',
      statusCallback: 'documented, but the server never reads it or sends the request',
    },
  },

  /** Ends the call. */
  Hangup: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice', 'call-screening'],
    text: 'none',
    children: [],
    attributes: {},
  },

  /** Continues with the RCML found at the URL given as text (relative URLs resolve against the current document). */
  Redirect: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice', 'call-screening', 'sms'],
    text: 'required',
    textMeaning: 'the URL of the next RCML document',
    textIsUrl: true,
    children: [],
    attributes: {
      /** HTTP method for the request (default POST). */
      method: HTTP_METHOD,
    },
  },

  /** Declines a call that has not been answered yet (ignored once the call is answered). */
  Reject: {
    kind: 'verb',
    availability: 'server',
    contexts: ['voice', 'call-screening'],
    text: 'none',
    children: [],
    attributes: {
      /** Signalled reason (default rejected); case does not matter. */
      reason: { type: 'enum', values: ['rejected', 'busy'], caseInsensitive: true },
    },
  },

  /** Sends a USSD menu and waits for the subscriber's answer. */
  UssdCollect: {
    kind: 'verb',
    availability: 'server',
    contexts: ['ussd'],
    text: 'optional',
    textMeaning: 'the prompt, used only when there is no <UssdMessage> child',
    textExcludesChildren: true,
    children: ['UssdMessage'],
    attributes: {
      /** Receives the subscriber's reply as Digits; the server reads it unconditionally. */
      action: { type: 'url', required: true },
      /** HTTP method for `action` (default POST). */
      method: HTTP_METHOD,
    },
  },

  /** One line of the USSD message; all lines are joined and sent when the document ends. */
  UssdMessage: {
    kind: 'verb',
    availability: 'server',
    contexts: ['ussd'],
    text: 'optional',
    textMeaning: 'one line of the USSD message',
    children: [],
    attributes: {},
  },

  /** Language of the USSD message (default en): 182 characters fit with `en`, 80 with anything else. */
  Language: {
    kind: 'verb',
    availability: 'server',
    contexts: ['ussd'],
    text: 'required',
    textMeaning: 'the language code',
    children: [],
    attributes: {},
    ignoredAttributes: {
      Language: 'the server reads the language from the element text, not from an attribute as the documentation table suggests',
    },
  },

  /** Cloud only: puts the remote SIP party on hold (silence or music) until `<Resume>`. */
  Hold: {
    kind: 'verb',
    availability: 'cloud',
    contexts: ['voice'],
    text: 'none',
    children: [],
    attributes: {
      /** Requested once the hold is done (HoldStatus, HoldSipResponseCode); its RCML continues the call. */
      action: URL_ATTR,
      /** HTTP method for `action` (default POST). */
      method: HTTP_METHOD,
      /** Absolute URL of the music played to the held party. */
      holdMusic: { type: 'url', absolute: true },
    },
  },

  /** Cloud only: takes a call held by `<Hold>` off hold (does nothing if it was not held). */
  Resume: {
    kind: 'verb',
    availability: 'cloud',
    contexts: ['voice'],
    text: 'none',
    children: [],
    attributes: {
      /** Requested once the call is resumed (ResumeStatus, ResumeSipResponseCode). */
      action: URL_ATTR,
      /** HTTP method for `action` (default POST). */
      method: HTTP_METHOD,
    },
  },

  /**
   * Cloud only: asks the remote SIP party to transfer the call (SIP REFER). The transfer target's syntax was not captured
   * in the reference material, so no content is modelled.
   */
  Refer: {
    kind: 'verb',
    availability: 'cloud',
    contexts: ['voice'],
    text: 'none',
    children: [],
    attributes: {
      /** Requested when the referred call ends (ReferCallStatus, ReferSipResponseCode, NotifySipResponseCode). */
      action: URL_ATTR,
      /** HTTP method for `action` (default POST). */
      method: HTTP_METHOD,
    },
  },

  /** Cloud only (beta): sends a message on a messaging channel (sms or mms); the text is the body. */
  Message: {
    kind: 'verb',
    availability: 'cloud',
    contexts: ['voice', 'sms'],
    text: 'optional',
    textMeaning: 'the message body',
    children: [],
    attributes: {
      /** Sender as a channel address, e.g. `sms:+15550100`. */
      from: { type: 'string', pattern: /^(?:sms|mms):\+?[0-9]{2,15}$/i, patternDescription: 'a channel address such as sms:+15550100' },
      /** Recipient as a channel address, e.g. `mms:+15550101` (by default the caller during an inbound call). */
      to: { type: 'string', pattern: /^(?:sms|mms):\+?[0-9]{2,15}$/i, patternDescription: 'a channel address such as sms:+15550100' },
      /** Requested after the message is sent; its RCML continues. */
      action: URL_ATTR,
      /** HTTP method for `action` (default POST). */
      method: HTTP_METHOD,
      /** Receives delivery-status updates (POST). */
      statusCallback: URL_ATTR,
      /** HTTP method for `statusCallback`. */
      statusCallbackMethod: HTTP_METHOD,
    },
  },

  /** A phone number to ring; its text may carry custom SIP headers as a query (`+15550100?X-Foo=1`). */
  Number: {
    kind: 'noun',
    availability: 'server',
    contexts: [],
    text: 'required',
    textMeaning: 'the phone number',
    children: [],
    attributes: { ...DIAL_NOUN_SHARED },
    ignoredAttributes: {
      sendDigits: 'documented, but the server does not implement it',
    },
  },

  /** A registered Restcomm client to ring, named by its text or, with a `<Video>` child, by `name`. */
  Client: {
    kind: 'noun',
    availability: 'server',
    contexts: [],
    text: 'optional',
    textMeaning: 'the client login',
    needsTextOrChild: true,
    textExcludesChildren: true,
    requiredWithChildren: ['name'],
    children: ['Video'],
    maxOccurs: { Video: 1 },
    attributes: {
      /** Client login; required (instead of text) when a `<Video>` child is present. */
      name: TEXT,
      ...DIAL_NOUN_SHARED,
    },
  },

  /**
   * A SIP URI to ring (e.g. `sip:alice@example.com;transport=tcp`), given as text or, with a `<Video>` child, as `name`.
   * The server lets several Sip nouns ring together and mix with Number/Client; the documentation allows one Sip per
   * Dial and no mixing.
   */
  Sip: {
    kind: 'noun',
    availability: 'server',
    contexts: [],
    text: 'optional',
    textMeaning: 'the SIP URI',
    needsTextOrChild: true,
    textExcludesChildren: true,
    requiredWithChildren: ['name'],
    children: ['Video'],
    maxOccurs: { Video: 1 },
    attributes: {
      /** SIP URI; required (instead of text) when a `<Video>` child is present. */
      name: TEXT,
      /** User name for SIP authentication. */
      username: TEXT,
      /** Password for SIP authentication. */
      password: TEXT,
      ...DIAL_NOUN_SHARED,
    },
  },

  /** A conference room to join, named by its text or, with a `<Video>` child, by `name` (rooms are private to the account). */
  Conference: {
    kind: 'noun',
    availability: 'server',
    contexts: [],
    text: 'optional',
    textMeaning: 'the room name',
    needsTextOrChild: true,
    textExcludesChildren: true,
    requiredWithChildren: ['name'],
    children: ['Video'],
    maxOccurs: { Video: 1 },
    attributes: {
      /** Room name; required (instead of text) when a `<Video>` child is present. */
      name: TEXT,
      /** Join listen-only (default false). */
      muted: FLAG,
      /** Tone on entry/exit (default true). */
      beep: FLAG,
      /** Whether this participant starts the conference (default true); false waits with music until one who does joins. */
      startConferenceOnEnter: FLAG,
      /** End the conference for everyone when this participant leaves (default false). */
      endConferenceOnExit: FLAG,
      /**
       * What waiting participants hear (default: built-in music): a URL ending in `wav` is played, anything else is
       * fetched as RCML that may only contain `<Play>` and `<Say>`. An empty value is accepted and keeps the built-in
       * music; the documentation claims it means silence, and that `<Redirect>` may be used in the wait RCML too.
       */
      waitUrl: { type: 'url', allowEmpty: true },
      /** HTTP method for `waitUrl` (default POST). */
      waitMethod: HTTP_METHOD,
      /** Participants allowed in the room (default 40); the server sets no upper bound, the documentation mentions 40 or 100. */
      maxParticipants: COUNT,
    },
  },

  /** Deprecated SIP URI target; the server dials it like `<Sip>` but without credentials. */
  Uri: {
    kind: 'noun',
    availability: 'server',
    contexts: [],
    text: 'required',
    textMeaning: 'the SIP URI',
    children: [],
    attributes: { ...DIAL_NOUN_SHARED },
    deprecated: 'use <Sip>',
  },

  /** Video settings for a Client, Sip or Conference target (needs a video-capable media server; read only when `enable` is true). */
  Video: {
    kind: 'noun',
    availability: 'server',
    contexts: [],
    text: 'none',
    children: [],
    attributes: {
      /** Turn video on (default false); the other attributes are only read when this is true. */
      enable: FLAG,
      /** Conference only: mixing mode (default mcu). */
      mode: { type: 'enum', values: ['mcu', 'sfu'], parents: ['Conference'] },
      /** Conference only: picture size (default 720p), exact case. */
      resolution: { type: 'enum', values: ['CIF', '4CIF', '16CIF', 'QCIF', 'VGA', '720p'], parents: ['Conference'] },
      /** Conference only, mcu mode: picture arrangement. The server's default is linear; the documentation says tile. */
      layout: { type: 'enum', values: ['linear', 'tile'], parents: ['Conference'] },
      /** Caption or watermark text (default empty). */
      overlay: TEXT,
    },
  },
} as const satisfies Readonly<Record<string, RcmlElementSpec>>;

/** Element names the builder and validator know. */
export type RcmlElementName = keyof typeof RCML_ELEMENTS;

/** Names that appear in Restcomm material but that no interpreter executes, with the reason (used in validator messages). */
export const RCML_UNSUPPORTED_ELEMENTS: Readonly<Record<string, string>> = {
  Enqueue: 'the server recognises <Enqueue> as a verb name but no interpreter executes it (it is skipped)',
  Leave: 'the server recognises <Leave> as a verb name but no interpreter executes it (it is skipped)',
  Queue: 'the server declares <Queue> as a noun name but never reads it',
  Geolocation: 'only the documentation describes <Geolocation>; the server does not execute it',
  Immediate: 'only the documentation describes <Immediate> (a <Geolocation> noun); the server does not read it',
  Notification: 'only the documentation describes <Notification> (a <Geolocation> noun); the server does not read it',
};

/** Looks up an element, guarding against inherited object keys such as `constructor`. */
export function elementSpec(name: string): RcmlElementSpec | undefined {
  return Object.hasOwn(RCML_ELEMENTS, name) ? (RCML_ELEMENTS as Record<string, RcmlElementSpec>)[name] : undefined;
}

/** Looks up an attribute of an element (own keys only). */
export function attributeSpec(element: RcmlElementSpec, name: string): RcmlAttributeSpec | undefined {
  return Object.hasOwn(element.attributes, name) ? element.attributes[name] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Types derived from the table

type Table = typeof RCML_ELEMENTS;

/** Names of the elements allowed directly inside `N`. */
export type RcmlChildOf<N extends RcmlElementName> = Table[N]['children'][number];

type AttributeTable<N extends RcmlElementName> = Table[N]['attributes'];

/** TypeScript type of one attribute's value. */
export type RcmlAttributeValue<A> = A extends { readonly type: 'enum'; readonly values: readonly (infer V)[] }
  ? V
  : A extends { readonly type: 'integer' }
    ? number
    : A extends { readonly type: 'boolean' }
      ? boolean
      : A extends { readonly type: 'list'; readonly values: readonly (infer V)[] }
        ? readonly V[]
        : A extends { readonly type: 'list' }
          ? string | readonly string[]
          : A extends { readonly suggestions: readonly (infer S)[] }
            ? S | (string & {})
            : string;

type AppliesUnder<A, P> = A extends { readonly parents: readonly (infer Q)[] } ? ([P] extends [Q] ? true : false) : true;
type IsRequired<A> = A extends { readonly required: true } ? true : false;

/**
 * The attribute object accepted for element `N` (when it sits inside `P`; only `<Video>` depends on its parent).
 * Required attributes are mandatory properties; everything else is optional.
 */
export type RcmlAttributes<N extends RcmlElementName, P extends string = string> = {
  -readonly [K in keyof AttributeTable<N> as AppliesUnder<AttributeTable<N>[K], P> extends true
    ? IsRequired<AttributeTable<N>[K]> extends true
      ? K
      : never
    : never]: RcmlAttributeValue<AttributeTable<N>[K]>;
} & {
  -readonly [K in keyof AttributeTable<N> as AppliesUnder<AttributeTable<N>[K], P> extends true
    ? IsRequired<AttributeTable<N>[K]> extends true
      ? never
      : K
    : never]?: RcmlAttributeValue<AttributeTable<N>[K]>;
};
