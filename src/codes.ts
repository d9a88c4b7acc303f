import { codeDictionaries, type CodeDictionary } from '../generated/codes.js';

export type { CodeDictionary };

export interface CodeDescription {
  code: string;
  /** Which documented list the code comes from (the spec schema's name, e.g. `SmsErrorCode`, `ReasonCode`). */
  dictionary: CodeDictionary;
  meaning: string;
  /** True when the meaning is inferred rather than documented (the spec marks it so). */
  inferred: boolean;
}

// Error-code lists in the order they are searched: the server's SMS codes before the reason dictionary, whose 30xxx
// entries are themselves inferred from the SMS codes.
const errorDictionaries = (Object.keys(codeDictionaries) as CodeDictionary[])
  .filter((name) => /ErrorCode$/.test(name) || name === 'ReasonCode')
  .sort((a, b) => (a === 'ReasonCode' ? 1 : b === 'ReasonCode' ? -1 : a.localeCompare(b)));

/** Looks a value up in one documented list (any of them: error codes, reason codes, statuses). */
export function describeCode(dictionary: CodeDictionary, code: string | number): CodeDescription | undefined {
  // Own keys only: `constructor`, `__proto__` and the like are not codes.
  if (typeof dictionary !== 'string' || !Object.hasOwn(codeDictionaries, dictionary)) return undefined;
  const table = codeDictionaries[dictionary] as Record<string, { meaning: string; inferred: boolean }>;
  const key = String(code);
  if (!Object.hasOwn(table, key)) return undefined;
  const entry = table[key]!;
  return { code: key, dictionary, meaning: entry.meaning, inferred: entry.inferred };
}

/**
 * Turns an error or reason code into its meaning, searching every documented error-code list (SMS error codes,
 * Number Masking and Visual Designer error codes, the reason-code dictionary). Undefined when no list has it.
 */
export function describeErrorCode(code: string | number): CodeDescription | undefined {
  for (const dictionary of errorDictionaries) {
    const found = describeCode(dictionary, code);
    if (found) return found;
  }
  return undefined;
}
