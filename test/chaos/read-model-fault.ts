import Database from 'better-sqlite3'
import pg from 'pg'

/**
 * A read-model write that fails from outside the server, the way a full disk
 * or a broken constraint makes it fail: a trigger refuses any claim row of
 * one fact. The claims table is written after the batch's sources and facts
 * and before its views and checkpoint (read-model-commit.ts), so the failure
 * lands in the middle of the batch's transaction.
 */
export interface ReadModelFault {
  install(): Promise<void>
  remove(): Promise<void>
}

const MESSAGE = 'read-model write refused (chaos)'

export function sqliteReadModelFault(path: string, poisonedFactId: string): ReadModelFault {
  const exec = (sql: string) => {
    const db = new Database(path)
    try {
      // The server holds the file open and writes to it: wait for its lock rather than fail.
      db.pragma('busy_timeout = 10000')
      db.exec(sql)
    } finally {
      db.close()
    }
  }
  return {
    install: async () =>
      exec(`CREATE TRIGGER chaos_fault BEFORE INSERT ON rm_claims WHEN NEW.fact_id = '${poisonedFactId}' BEGIN SELECT RAISE(ABORT, '${MESSAGE}'); END`),
    remove: async () => exec('DROP TRIGGER IF EXISTS chaos_fault'),
  }
}

export function postgresReadModelFault(connectionString: string, poisonedFactId: string): ReadModelFault {
  const exec = async (sql: string) => {
    const client = new pg.Client({ connectionString })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  return {
    install: () =>
      exec(`
        CREATE FUNCTION chaos_fault() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.fact_id = '${poisonedFactId}' THEN RAISE EXCEPTION '${MESSAGE}'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER chaos_fault BEFORE INSERT ON rm_claims FOR EACH ROW EXECUTE FUNCTION chaos_fault();`),
    remove: () => exec('DROP TRIGGER IF EXISTS chaos_fault ON rm_claims; DROP FUNCTION IF EXISTS chaos_fault();'),
  }
}
