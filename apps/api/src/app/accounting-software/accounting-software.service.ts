import { HttpStatus, Injectable } from '@nestjs/common';
import { FORM_FIELD_LABELS } from '@passerelle/domain-client';
import { EntityManager } from 'typeorm';
import { Tenancy } from '../../database/tenancy';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/decorators';
import { isUniqueViolation } from '../../database/errors';
import { AppError } from '../common/app-error';
import { AccountingSoftwareConfig } from './accounting-software-config.entity';
import { ACCOUNTING_PRODUCTS, DeliveryMethod, findProduct } from './catalogue';
import {
  AccountingProductDto,
  AccountingSoftwareConfigDto,
  SaveAccountingSoftwareConfigDto,
} from './dto/accounting-software.dto';

@Injectable()
export class AccountingSoftwareService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
  ) {}

  catalogue(): AccountingProductDto[] {
    return ACCOUNTING_PRODUCTS.map((product) => ({
      ...product,
      deliveryMethods: [...product.deliveryMethods],
    }));
  }

  list(auth: AuthContext): Promise<AccountingSoftwareConfigDto[]> {
    return this.tenancy.forFirm(auth.firmId, (em) => this.listIn(em));
  }

  create(auth: AuthContext, input: SaveAccountingSoftwareConfigDto): Promise<AccountingSoftwareConfigDto> {
    return this.save(auth, input, undefined);
  }

  update(
    auth: AuthContext,
    id: string,
    input: SaveAccountingSoftwareConfigDto,
  ): Promise<AccountingSoftwareConfigDto> {
    return this.save(auth, input, id);
  }

  setDefault(auth: AuthContext, id: string): Promise<AccountingSoftwareConfigDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      await lockFirmDefaults(em, auth.firmId);
      const config = await this.findIn(em, id);
      if (!config.isDefault) await this.makeDefault(em, auth, config.id);
      return this.toDto(em, { ...config, isDefault: true });
    });
  }

  /**
   * For a client record: the configuration must exist in the caller's firm (RLS hides the others), else the
   * field error `unknown_accounting_software`.
   */
  async assertUsable(em: EntityManager, id: string | null): Promise<void> {
    if (!id) return;
    if ((await em.count(AccountingSoftwareConfig, { where: { id } })) === 0)
      throw new AppError(HttpStatus.BAD_REQUEST, 'invalid_request', {
        accountingSoftwareId: { code: 'unknown_accounting_software' },
      });
  }

  private async save(
    auth: AuthContext,
    input: SaveAccountingSoftwareConfigDto,
    id: string | undefined,
  ): Promise<AccountingSoftwareConfigDto> {
    // Choosing the firm default is an admin's decision, whichever route asks for it.
    if (input.isDefault && auth.role !== 'admin') throw new AppError(HttpStatus.FORBIDDEN, 'forbidden');
    assertProductTakes(input.product, input.deliveryMethod);
    const values = {
      label: input.label,
      product: input.product,
      deliveryMethod: input.deliveryMethod,
      deliveryEmail: input.deliveryMethod === 'email' ? (input.deliveryEmail ?? null) : null,
      exportFormat: input.deliveryMethod === 'export' ? (input.exportFormat ?? null) : null,
      exportFrequency: input.deliveryMethod === 'export' ? (input.exportFrequency ?? null) : null,
    };
    try {
      return await this.tenancy.forFirm(auth.firmId, async (em) => {
        await lockFirmDefaults(em, auth.firmId);
        let config: AccountingSoftwareConfig;
        let makeDefault = input.isDefault === true;
        if (id) {
          config = await this.findIn(em, id);
          await em.update(AccountingSoftwareConfig, { id }, values);
          Object.assign(config, values);
        } else {
          // The firm's first configuration is its default (under the lock, two "first" ones cannot race).
          if ((await em.count(AccountingSoftwareConfig)) === 0) makeDefault = true;
          config = await em.save(
            em.create(AccountingSoftwareConfig, { ...values, firmId: auth.firmId, isDefault: false }),
          );
        }
        await this.audit.record(em, {
          firmId: auth.firmId,
          actorUserId: auth.userId,
          action: id ? 'accounting_software.updated' : 'accounting_software.created',
          targetType: 'accounting_software',
          targetId: config.id,
          data: { label: values.label, product: values.product },
        });
        if (makeDefault && !config.isDefault) {
          await this.makeDefault(em, auth, config.id);
          config.isDefault = true;
        }
        return this.toDto(em, config);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'accounting_software_config_label_key')) {
        throw new AppError(HttpStatus.CONFLICT, 'invalid_request', {
          label: { code: 'already_exists', label: FORM_FIELD_LABELS.softwareLabel },
        });
      }
      throw error;
    }
  }

  /** Moves the firm default to `id` (caller holds lockFirmDefaults) and audits the change. */
  private async makeDefault(em: EntityManager, auth: AuthContext, id: string): Promise<void> {
    await em.update(AccountingSoftwareConfig, { firmId: auth.firmId, isDefault: true }, { isDefault: false });
    await em.update(AccountingSoftwareConfig, { id }, { isDefault: true });
    await this.audit.record(em, {
      firmId: auth.firmId,
      actorUserId: auth.userId,
      action: 'accounting_software.default_changed',
      targetType: 'accounting_software',
      targetId: id,
    });
  }

  private async findIn(em: EntityManager, id: string): Promise<AccountingSoftwareConfig> {
    const config = await em.findOne(AccountingSoftwareConfig, { where: { id } });
    if (!config) throw AppError.notFound();
    return config;
  }

  private async listIn(em: EntityManager): Promise<AccountingSoftwareConfigDto[]> {
    const rows: (AccountingSoftwareConfig & { clientCount: string })[] = await em
      .createQueryBuilder(AccountingSoftwareConfig, 'c')
      .select('c')
      .addSelect(
        (sub) => sub.select('count(*)').from('client', 'cl').where('cl.accounting_software_id = c.id'),
        'clientCount',
      )
      .orderBy('c.is_default', 'DESC')
      .addOrderBy('lower(c.label)', 'ASC')
      .getRawAndEntities()
      .then(({ entities, raw }) =>
        entities.map((entity, i) => ({ ...entity, clientCount: raw[i].clientCount as string })),
      );
    return rows.map((row) => toDto(row, Number(row.clientCount)));
  }

  private async toDto(
    em: EntityManager,
    config: AccountingSoftwareConfig,
  ): Promise<AccountingSoftwareConfigDto> {
    const [{ n }] = await em.query(
      'SELECT count(*)::int AS n FROM client WHERE accounting_software_id = $1',
      [config.id],
    );
    return toDto(config, n);
  }
}

/**
 * Serialises the changes of a firm's default configuration (and "first configuration" creation) behind the
 * firm's row lock, so two concurrent requests never both pass the checks and hit the unique index.
 */
async function lockFirmDefaults(em: EntityManager, firmId: string): Promise<void> {
  await em.query('SELECT 1 FROM firm WHERE id = $1 FOR UPDATE', [firmId]);
}

/** The catalogue says how each product takes documents in: anything else is refused, naming what is possible. */
function assertProductTakes(productKey: string, method: DeliveryMethod): void {
  const product = findProduct(productKey);
  if (product && !product.deliveryMethods.includes(method))
    throw new AppError(HttpStatus.BAD_REQUEST, 'invalid_request', {
      deliveryMethod: {
        code: 'unsupported_product_delivery',
        hint: product.deliveryMethods.join(', '),
        label: FORM_FIELD_LABELS.deliveryMethod,
      },
    });
}

function toDto(config: AccountingSoftwareConfig, clientCount: number): AccountingSoftwareConfigDto {
  return {
    id: config.id,
    label: config.label,
    product: config.product,
    productName: findProduct(config.product)?.name ?? config.product,
    deliveryMethod: config.deliveryMethod,
    deliveryEmail: config.deliveryEmail,
    exportFormat: config.exportFormat,
    exportFrequency: config.exportFrequency,
    isDefault: config.isDefault,
    clientCount,
  };
}
