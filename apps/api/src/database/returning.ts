import type { EntityManager } from 'typeorm';

/**
 * The rows an `UPDATE … RETURNING` (or any statement) gave back. EntityManager.query answers an UPDATE with
 * `[rows, count]`, a SELECT or INSERT with the rows: the structured result has them the same way for all.
 */
export async function returning<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  if (!em.queryRunner) throw new Error('returning() needs a transaction');
  const result = await em.queryRunner.query(sql, params, true);
  return result.records as T[];
}
