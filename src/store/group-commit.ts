/**
 * Group commit, for SQLite: the transactions asked for while the previous batch was running run
 * one after another inside one shared database transaction, each in a savepoint of its own, and
 * are committed together. A transaction that fails rolls back to its savepoint, undoing only its
 * own changes, and its caller gets the error at once: nothing of it is stored. If the shared
 * commit fails, every caller of the batch gets the error.
 *
 * Callers are answered only once their batch is durable: after the commit, `sync` (the store's
 * flush of the write-ahead log to disk) runs off the main thread while the next batch proceeds,
 * and one flush covers every batch committed before it started. After a failed flush nothing is
 * acknowledged again: the log could have lost a batch that later ones build on.
 *
 * Transactions in a batch run strictly one at a time, so each sees the ones before it and none
 * sees another half done (serializable, as SQLite's one writer always was). The connection is
 * held for the whole batch, so a transaction must use only the `trx` it is given and must not
 * wait on anything but that database.
 * @module
 */
import { CompiledQuery, type ControlledTransaction, type Kysely, type Transaction } from 'kysely';

export type TransactionWork<DB, T> = (trx: Transaction<DB>) => Promise<T>;

interface Answer {
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Pending<DB> {
  work: TransactionWork<DB, unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Makes everything committed so far durable. */
  sync: () => Promise<void>;
  /** Bounds how long the first caller of a batch waits for the others. */
  maxBatch?: number;
}

export interface GroupCommitter<DB> {
  /** Runs `work` as one transaction; resolves once it is committed and durable. */
  run<T>(work: TransactionWork<DB, T>): Promise<T>;
  /** Resolves when no transaction is waiting, running or waiting for the disk. */
  idle(): Promise<void>;
}

export function groupCommitter<DB>(
  db: Kysely<DB>,
  { sync, maxBatch = 32 }: GroupCommitOptions,
): GroupCommitter<DB> {
  let queue: Pending<DB>[] = [];
  let flushing: Promise<void> | undefined;
  let unsynced: Answer[] = [];
  let syncing: Promise<void> | undefined;
  let syncFailure: { error: unknown } | undefined;

  const syncBatches = async () => {
    const answers = unsynced;
    unsynced = [];
    try {
      if (syncFailure !== undefined) throw syncFailure.error;
      await sync();
      for (const answer of answers) answer.resolve();
    } catch (error) {
      syncFailure ??= { error };
      for (const answer of answers) answer.reject(error);
    }
  };
  // One flush at a time; the batches committed while it runs wait for the next one.
  const startSync = () => {
    if (syncing !== undefined || unsynced.length === 0) return;
    syncing = syncBatches().finally(() => {
      syncing = undefined;
      startSync();
    });
  };

  const flush = async () => {
    for (;;) {
      // Let the requests already received reach the queue before the batch starts.
      await new Promise((resolve) => setImmediate(resolve));
      if (queue.length === 0) break;
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      unsynced.push(...(await commitBatch(db, batch)));
      startSync();
    }
    flushing = undefined;
  };

  return {
    run<T>(work: TransactionWork<DB, T>) {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        flushing ??= flush();
      });
    },
    async idle() {
      while (flushing !== undefined || syncing !== undefined) {
        await flushing;
        await syncing;
      }
    },
  };
}

// Plain statements rather than Kysely's savepoint API, which builds two transaction objects and
// compiles three queries for each transaction of the batch.
const SAVEPOINT = CompiledQuery.raw('savepoint work');
const RELEASE = CompiledQuery.raw('release work');
const ROLLBACK_TO = CompiledQuery.raw('rollback to work');

/** Runs and commits one batch; answers the failed transactions, returns the committed ones. */
async function commitBatch<DB>(db: Kysely<DB>, batch: Pending<DB>[]): Promise<Answer[]> {
  const committed: Answer[] = [];
  let trx: ControlledTransaction<DB> | undefined;
  try {
    trx = await db.startTransaction().execute();
    for (const pending of batch) {
      await trx.executeQuery(SAVEPOINT);
      try {
        const value = await pending.work(trx);
        await trx.executeQuery(RELEASE);
        committed.push({
          resolve: () => {
            pending.resolve(value);
          },
          reject: pending.reject,
        });
      } catch (error) {
        await trx.executeQuery(ROLLBACK_TO);
        await trx.executeQuery(RELEASE);
        pending.reject(error);
      }
    }
    await trx.commit().execute();
    return committed;
  } catch (error) {
    if (trx !== undefined && !trx.isCommitted && !trx.isRolledBack) {
      // The batch is lost either way; the error that caused it is the one to report.
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
    }
    // A promise already settled (a failed transaction) ignores this.
    for (const pending of batch) pending.reject(error);
    return [];
  }
}
