/**
 * One small database interface over two engines: embedded PostgreSQL (PGlite, in memory or
 * on disk) and a PostgreSQL server (`pg` pool, from DATABASE_URL). The platform's SQL is the
 * same for both; values whose JavaScript type differs between the drivers (bigint, numeric,
 * date) are cast in the SQL itself.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrer } from './migrate.js';

export interface Requetable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Requetable {
  readonly moteur: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Requetable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OptionsDatabase {
  /** PostgreSQL connection string (DATABASE_URL): a `pg` pool. */
  url?: string;
  /** Folder of an on-disk PGlite database, created on first use. */
  dataDir?: string;
  /** In-memory PGlite, lost on close (tests, load measurements). */
  memory?: boolean;
}

function surPglite(base: PGlite): Database {
  return {
    moteur: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await base.query<T>(sql, params)).rows;
    },
    async exec(sql) {
      await base.exec(sql);
    },
    transaction: (fn) =>
      base.transaction((tx) =>
        fn({
          query: async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => base.close(),
  };
}

function surPg(pool: pg.Pool): Database {
  const requetable = (client: pg.Pool | pg.PoolClient): Requetable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(sql) {
      // Without parameters, pg uses the simple protocol, which accepts several statements.
      await client.query(sql);
    },
  });
  return {
    moteur: 'postgres',
    ...requetable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const resultat = await fn(requetable(client));
        await client.query('COMMIT');
        return resultat;
      } catch (erreur) {
        await client.query('ROLLBACK');
        throw erreur;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * An idle pooled connection that the server closes (restart, failover) is reported as an
 * 'error' event, which would crash the process if nobody listened. The pool opens a new
 * connection on the next query, so there is nothing else to do.
 */
function ecouterErreurs(pool: pg.Pool): pg.Pool {
  pool.on('error', () => undefined);
  return pool;
}

/** Opens the database and applies the pending migrations before handing it over. */
export async function openDatabase(options: OptionsDatabase): Promise<Database> {
  const choix = [options.url, options.dataDir, options.memory].filter(Boolean).length;
  if (choix !== 1) throw new Error('openDatabase : indiquer exactement un de url, dataDir ou memory');
  const db = options.url
    ? surPg(ecouterErreurs(new pg.Pool({ connectionString: options.url })))
    : surPglite(await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {}));
  try {
    await migrer(db);
  } catch (erreur) {
    await db.close();
    throw erreur;
  }
  return db;
}
