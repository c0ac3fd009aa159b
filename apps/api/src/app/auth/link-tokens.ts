import type { EntityManager } from 'typeorm';
import { setScope, Tenancy } from '../../database/tenancy';
import type { AppError } from '../common/app-error';
import { hashToken, isTokenFormat } from './tokens';

/**
 * The links of one kind (client invitations, team invitations, password resets): found by the SHA-256 of
 * their token through a "capability" policy of their table, before the firm is known.
 */
export interface LinkTable {
  /** The transaction setting the table's capability policy reads. */
  scope: 'invitationTokenHash' | 'teamInvitationTokenHash' | 'passwordResetTokenHash';
  /** The table holding `token_hash` and `firm_id`, and its column naming what the link is for (constants). */
  table: string;
  idColumn: string;
  /** The one answer for a malformed, unknown or otherwise unusable link: it reveals nothing. */
  invalid: () => AppError;
}

export interface LinkedRow {
  id: string;
  firmId: string;
}

/**
 * Runs `work` for what a link designates, in a transaction switched to that row's firm (RLS then scopes every
 * other read and write to it). A malformed token or an unknown hash answers `invalid()` and reads nothing.
 */
export function withLink<T>(
  tenancy: Tenancy,
  link: LinkTable,
  token: string,
  work: (em: EntityManager, row: LinkedRow) => Promise<T>,
): Promise<T> {
  if (!isTokenFormat(token)) return Promise.reject(link.invalid());
  const tokenHash = hashToken(token);
  return tenancy.scoped({ [link.scope]: tokenHash }, async (em) => {
    const rows: { id: string; firm_id: string }[] = await em.query(
      `SELECT ${link.idColumn} AS id, firm_id FROM ${link.table} WHERE token_hash = $1`,
      [tokenHash],
    );
    if (!rows[0]) throw link.invalid();
    await setScope(em, { firmId: rows[0].firm_id });
    return work(em, { id: rows[0].id, firmId: rows[0].firm_id });
  });
}
