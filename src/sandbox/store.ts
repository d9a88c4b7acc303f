/**
 * The sandbox's state: one table per resource, each row the resource as the API shows it, plus internal members whose
 * names start with `$` (a client's password, a call's URLs), which `view()` leaves out. Optionally saved to a JSON
 * file and loaded again.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export type Row = Record<string, unknown> & { sid: string };

export const tableNames = [
  'organizations',
  'accounts',
  'applications',
  'clients',
  'incomingPhoneNumbers',
  'outgoingCallerIds',
  'calls',
  'conferences',
  'participants',
  'recordings',
  'transcriptions',
  'smsMessages',
  'notifications',
] as const;
export type TableName = (typeof tableNames)[number];

const FORMAT = 'restcomm-cpaas-sandbox/1';

export class Store {
  readonly tables: Record<TableName, Map<string, Row>>;

  constructor() {
    this.tables = Object.fromEntries(tableNames.map((n) => [n, new Map<string, Row>()])) as Record<TableName, Map<string, Row>>;
  }

  get(table: TableName, sid: string): Row | undefined {
    return this.tables[table].get(sid);
  }

  put(table: TableName, row: Row): Row {
    this.tables[table].set(row.sid, row);
    return row;
  }

  delete(table: TableName, sid: string): boolean {
    return this.tables[table].delete(sid);
  }

  /** Rows of an account, in the order they were stored. */
  list(table: TableName, accountSid: string): Row[] {
    const out: Row[] = [];
    for (const row of this.tables[table].values()) if (row.account_sid === accountSid) out.push(row);
    return out;
  }

  /** Writes every table and the clock's time to `file` (atomically, through a temporary file). */
  save(file: string, now: number): void {
    const data = { format: FORMAT, now, tables: Object.fromEntries(tableNames.map((n) => [n, [...this.tables[n].values()]])) };
    writeFileSync(`${file}.tmp`, JSON.stringify(data));
    renameSync(`${file}.tmp`, file);
  }

  /** Loads a file written by `save`; returns the clock time it was saved at. */
  load(file: string): number {
    let data: { format?: unknown; now?: unknown; tables?: Record<string, unknown> };
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
    } catch (error) {
      throw new Error(`Cannot load the sandbox state from ${file}: ${(error as Error).message}`);
    }
    if (data.format !== FORMAT || typeof data.now !== 'number' || !data.tables || typeof data.tables !== 'object') {
      throw new Error(`${file} is not a sandbox state file (expected format ${FORMAT})`);
    }
    for (const name of tableNames) {
      const rows = data.tables[name] ?? [];
      if (!Array.isArray(rows)) throw new Error(`${file}: table ${name} is not a list`);
      this.tables[name].clear();
      for (const row of rows as Row[]) {
        if (!row || typeof row !== 'object' || typeof row.sid !== 'string') throw new Error(`${file}: a row of ${name} has no sid`);
        this.tables[name].set(row.sid, row);
      }
    }
    return data.now;
  }
}

/** The row as the API shows it: internal `$` members removed. */
export function view(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in row) if (key[0] !== '$') out[key] = row[key];
  return out;
}
