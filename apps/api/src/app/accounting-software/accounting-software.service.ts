import { HttpStatus, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Tenancy } from '../../database/tenancy';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/decorators';
import { isUniqueViolation } from '../auth/auth.service';
import { AppError } from '../common/app-error';
import { AccountingSoftwareConfig } from './accounting-software-config.entity';
import { ACCOUNTING_PRODUCTS, findProduct } from './catalogue';
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
      const config = await this.findIn(em, id);
      await this.makeDefault(em, auth.firmId, config.id);
      await this.audit.record(em, {
        firmId: auth.firmId,
        actorUserId: auth.userId,
        action: 'accounting_software.default_changed',
        targetType: 'accounting_software',
        targetId: id,
      });
      return this.toDto(em, { ...config, isDefault: true });
    });
  }

  /** Throws not_found unless the configuration exists in the caller's firm (RLS hides the others). */
  async assertExists(em: EntityManager, id: string): Promise<AccountingSoftwareConfig> {
    return this.findIn(em, id);
  }

  private async save(
    auth: AuthContext,
    input: SaveAccountingSoftwareConfigDto,
    id: string | undefined,
  ): Promise<AccountingSoftwareConfigDto> {
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
        let config: AccountingSoftwareConfig;
        if (id) {
          config = await this.findIn(em, id);
          await em.update(AccountingSoftwareConfig, { id }, values);
          Object.assign(config, values);
        } else {
          const isFirst = (await em.count(AccountingSoftwareConfig)) === 0;
          config = await em.save(
            em.create(AccountingSoftwareConfig, { ...values, firmId: auth.firmId, isDefault: false }),
          );
          if (isFirst) input.isDefault = true;
        }
        if (input.isDefault && !config.isDefault) {
          await this.makeDefault(em, auth.firmId, config.id);
          config.isDefault = true;
        }
        await this.audit.record(em, {
          firmId: auth.firmId,
          actorUserId: auth.userId,
          action: id ? 'accounting_software.updated' : 'accounting_software.created',
          targetType: 'accounting_software',
          targetId: config.id,
          data: { label: values.label, product: values.product },
        });
        return this.toDto(em, config);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'accounting_software_config_label_key')) {
        throw new AppError(HttpStatus.CONFLICT, 'invalid_request', { label: { code: 'already_exists' } });
      }
      throw error;
    }
  }

  private async makeDefault(em: EntityManager, firmId: string, id: string): Promise<void> {
    await em.update(AccountingSoftwareConfig, { firmId, isDefault: true }, { isDefault: false });
    await em.update(AccountingSoftwareConfig, { id }, { isDefault: true });
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
