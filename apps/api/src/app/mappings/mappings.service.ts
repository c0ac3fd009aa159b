import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/errors';
import { Tenancy } from '../../database/tenancy';
import type { AuthContext } from '../auth/decorators';
import { AppError } from '../common/app-error';
import type { SavedMappingDto } from './mappings.dto';

interface MappingRow {
  id: string;
  name: string;
  signature: string;
  fields: Record<string, string>;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  last_used_at: Date | null;
}

const SELECT = `SELECT m.id, m.name, m.signature, m.fields, u.name AS created_by_name, m.created_at, m.updated_at,
                       m.last_used_at
                  FROM import_mapping m LEFT JOIN app_user u ON u.id = m.created_by`;

/** A firm's saved column mappings (created from the import wizard's "save this mapping"). */
@Injectable()
export class MappingsService {
  constructor(private readonly tenancy: Tenancy) {}

  list(auth: AuthContext): Promise<SavedMappingDto[]> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const rows: MappingRow[] = await em.query(`${SELECT} ORDER BY lower(m.name), m.id`);
      return rows.map(toDto);
    });
  }

  async rename(auth: AuthContext, id: string, name: string): Promise<SavedMappingDto> {
    try {
      return await this.tenancy.forFirm(auth.firmId, async (em) => {
        const updated: unknown[] = await em.query(
          `UPDATE import_mapping SET name = $2, updated_at = now() WHERE id = $1 RETURNING id`,
          [id, name],
        );
        if (!rowCount(updated)) throw AppError.notFound();
        return find(em, id);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'import_mapping_name_key')) {
        throw new AppError(HttpStatus.CONFLICT, 'invalid_request', { name: { code: 'already_exists' } });
      }
      throw error;
    }
  }

  remove(auth: AuthContext, id: string): Promise<void> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const deleted: unknown[] = await em.query(`DELETE FROM import_mapping WHERE id = $1 RETURNING id`, [
        id,
      ]);
      if (!rowCount(deleted)) throw AppError.notFound();
    });
  }
}

/** TypeORM returns [rows, count] for UPDATE/DELETE … RETURNING on PostgreSQL. */
function rowCount(result: unknown[]): number {
  return Array.isArray(result[0]) ? (result[0] as unknown[]).length : result.length;
}

async function find(em: EntityManager, id: string): Promise<SavedMappingDto> {
  const rows: MappingRow[] = await em.query(`${SELECT} WHERE m.id = $1`, [id]);
  if (!rows[0]) throw AppError.notFound();
  return toDto(rows[0]);
}

function toDto(row: MappingRow): SavedMappingDto {
  return {
    id: row.id,
    name: row.name,
    signature: row.signature,
    fields: row.fields,
    createdByName: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
