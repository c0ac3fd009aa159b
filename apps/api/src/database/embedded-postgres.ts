import { Logger } from '@nestjs/common';
import type { Extension } from '@electric-sql/pglite';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * The no-services default: PostgreSQL (PGlite, on disk under DATA_DIR) served over the wire protocol on a
 * loopback port, so the normal `pg` driver, entities and migrations are used unchanged. PGlite is one
 * connection: callers must use a pool of one (see STACK.md on why typeorm-pglite is not used).
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  // Loaded lazily: production (DATABASE_URL set) never pays for the WASM engine.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  // A subpath export: the API's node10 module resolution cannot type it, hence the typed require.
  const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
  // btree_gin: the search index leads with the firm (GIN on (firm_id, search_text), client-list-scale migration).
  const { btree_gin } = require('@electric-sql/pglite/contrib/btree_gin') as { btree_gin: Extension };
  const dir = join(dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  const db = await PGlite.create(dir, { extensions: { pg_trgm, btree_gin } });
  // The app uses ONE connection at a time (pool of one); the second slot only absorbs the moment when a
  // closed connection's handler is not yet released while the next one opens (migrations → app pool).
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 });
  await server.start();
  const hostPort = server.getServerConn();
  new Logger('Database').log(`Embedded PostgreSQL (PGlite) in ${dir}`);
  return {
    url: `postgres://postgres@${hostPort}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}

/**
 * The embedded engine is single-process: a second `npm start` on the same DATA_DIR would corrupt it.
 * A pid file refuses that with a clear message (a stale file from a crashed process is taken over).
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'passerelle.pid');
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `${dataDir} is in use by another Passerelle process (pid ${holder}). Stop it, or set DATA_DIR to another folder.`,
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
