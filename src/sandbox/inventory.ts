/**
 * The seeded stock of numbers the sandbox "sells": per country and kind (Local, TollFree, Mobile), fictional numbers
 * from ranges set aside for drama and testing (NANP 555-01xx, Ofcom's drama ranges). A number bought through
 * IncomingPhoneNumbers leaves the stock; deleting it returns it.
 */
export type NumberKind = 'Local' | 'TollFree' | 'Mobile';

export interface StockNumber {
  friendlyName: string;
  phoneNumber: string;
  isoCountry: string;
  kind: NumberKind;
  region?: string;
  rateCenter?: string;
  lata?: number;
  postalCode?: number;
  cost: string;
}

interface CountrySeed {
  country: string;
  ranges: Record<NumberKind, { prefix: string; region?: string; rateCenter?: string; lata?: number; postalCode?: number; cost: string; format: (n: string) => string }[]>;
}

const nanp = (n: string) => `(${n.slice(2, 5)}) ${n.slice(5, 8)}-${n.slice(8)}`;
const uk = (n: string) => `0${n.slice(3, 7)} ${n.slice(7)}`;

const seeds: CountrySeed[] = [
  {
    country: 'US',
    ranges: {
      Local: [
        { prefix: '+1512555', region: 'TX', rateCenter: 'AUSTIN', lata: 558, postalCode: 78701, cost: '1.00', format: nanp },
        { prefix: '+1415555', region: 'CA', rateCenter: 'SNFC CNTRL', lata: 722, postalCode: 94103, cost: '1.00', format: nanp },
      ],
      TollFree: [{ prefix: '+1800555', cost: '2.00', format: nanp }],
      Mobile: [{ prefix: '+1206555', region: 'WA', rateCenter: 'SEATTLE', lata: 674, postalCode: 98101, cost: '1.50', format: nanp }],
    },
  },
  {
    country: 'CA',
    ranges: {
      Local: [{ prefix: '+1416555', region: 'ON', rateCenter: 'TORONTO', cost: '1.00', format: nanp }],
      TollFree: [{ prefix: '+1888555', cost: '2.00', format: nanp }],
      Mobile: [{ prefix: '+1604555', region: 'BC', rateCenter: 'VANCOUVER', cost: '1.50', format: nanp }],
    },
  },
  {
    country: 'GB',
    ranges: {
      Local: [{ prefix: '+44207946', region: 'London', cost: '1.00', format: uk }],
      TollFree: [{ prefix: '+44808157', cost: '2.00', format: uk }],
      Mobile: [{ prefix: '+44770090', cost: '1.50', format: uk }],
    },
  },
];

const PER_RANGE = 100;

/** The whole seeded stock, in a fixed order. */
function seedStock(): StockNumber[] {
  const out: StockNumber[] = [];
  for (const seed of seeds) {
    for (const kind of ['Local', 'TollFree', 'Mobile'] as const) {
      for (const range of seed.ranges[kind]) {
        const width = 12 - range.prefix.length + (seed.country === 'GB' ? 1 : 0);
        for (let i = 0; i < PER_RANGE; i++) {
          // NANP 555-0100..0199 are the numbers reserved for fiction.
          const tail = seed.country === 'GB' ? String(i).padStart(width, '0') : String(100 + i).padStart(4, '0');
          const phoneNumber = range.prefix + tail;
          out.push({
            friendlyName: range.format(phoneNumber),
            phoneNumber,
            isoCountry: seed.country,
            kind,
            ...(range.region ? { region: range.region } : {}),
            ...(range.rateCenter ? { rateCenter: range.rateCenter } : {}),
            ...(range.lata ? { lata: range.lata } : {}),
            ...(range.postalCode ? { postalCode: range.postalCode } : {}),
            cost: range.cost,
          });
        }
      }
    }
  }
  return out;
}

export class Inventory {
  readonly #stock = seedStock();
  readonly #byNumber = new Map(this.#stock.map((n) => [n.phoneNumber, n]));

  countries(): string[] {
    return seeds.map((s) => s.country);
  }

  find(phoneNumber: string): StockNumber | undefined {
    return this.#byNumber.get(phoneNumber);
  }

  /** Unsold numbers of a country and kind, filtered as the query asks. */
  available(country: string, kind: NumberKind, filter: { areaCode?: string; contains?: string; taken: (n: string) => boolean; limit: number }): StockNumber[] {
    const out: StockNumber[] = [];
    for (const n of this.#stock) {
      if (n.isoCountry !== country || n.kind !== kind || filter.taken(n.phoneNumber)) continue;
      if (filter.areaCode && !n.phoneNumber.startsWith(`+1${filter.areaCode}`)) continue;
      if (filter.contains && !containsPattern(n.phoneNumber, filter.contains)) continue;
      out.push(n);
      if (out.length >= filter.limit) break;
    }
    return out;
  }
}

/** `Contains`: digits, letters (phone keypad) and `*` for any one digit. */
function containsPattern(number: string, pattern: string): boolean {
  const keypad: Record<string, string> = { A: '2', B: '2', C: '2', D: '3', E: '3', F: '3', G: '4', H: '4', I: '4', J: '5', K: '5', L: '5', M: '6', N: '6', O: '6', P: '7', Q: '7', R: '7', S: '7', T: '8', U: '8', V: '8', W: '9', X: '9', Y: '9', Z: '9' };
  const digits = pattern.toUpperCase().replace(/[A-Z]/g, (c) => keypad[c]!);
  if (!/^[0-9*+]{1,16}$/.test(digits)) return false;
  const regex = new RegExp(digits.replace(/\+/g, '\\+').replace(/\*/g, '[0-9]'));
  return regex.test(number);
}
