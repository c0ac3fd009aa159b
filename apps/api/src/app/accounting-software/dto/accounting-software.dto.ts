import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FORM_FIELD_LABELS } from '@passerelle/domain-client';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { Label } from '../../common/labels';
import { CleanText, EmailAddress } from '../../common/text';
import { PRODUCT_KEYS } from '../catalogue';

export const DELIVERY_METHODS = ['email', 'export'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const EXPORT_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;

export class AccountingProductDto {
  @ApiProperty({ example: 'sage-100' }) key!: string;
  @ApiProperty({ example: 'Sage 100 Comptabilité' }) name!: string;
  @ApiProperty({ enum: DELIVERY_METHODS, isArray: true })
  deliveryMethods!: (typeof DELIVERY_METHODS)[number][];
}

export class AccountingSoftwareConfigDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ example: 'sage-100' }) product!: string;
  @ApiProperty({ example: 'Sage 100 Comptabilité' }) productName!: string;
  @ApiProperty({ enum: DELIVERY_METHODS }) deliveryMethod!: (typeof DELIVERY_METHODS)[number];
  @ApiProperty({ type: String, nullable: true }) deliveryEmail!: string | null;
  @ApiProperty({ enum: EXPORT_FORMATS, nullable: true }) exportFormat!:
    (typeof EXPORT_FORMATS)[number] | null;
  @ApiProperty({ enum: EXPORT_FREQUENCIES, nullable: true }) exportFrequency!:
    (typeof EXPORT_FREQUENCIES)[number] | null;
  @ApiProperty() isDefault!: boolean;
  @ApiProperty({ description: 'Clients using this configuration' }) clientCount!: number;
}

export class SaveAccountingSoftwareConfigDto {
  @ApiProperty({ maxLength: 80, example: 'Sage — dossier principal' })
  @Label(FORM_FIELD_LABELS.softwareLabel)
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  label!: string;

  @ApiProperty({ enum: PRODUCT_KEYS })
  @Label(FORM_FIELD_LABELS.softwareProduct)
  @IsIn(PRODUCT_KEYS)
  product!: string;

  @ApiProperty({ enum: DELIVERY_METHODS })
  @Label(FORM_FIELD_LABELS.deliveryMethod)
  @IsIn(DELIVERY_METHODS)
  deliveryMethod!: (typeof DELIVERY_METHODS)[number];

  @ApiPropertyOptional({ description: "Required when deliveryMethod is 'email'", maxLength: 254 })
  @Label(FORM_FIELD_LABELS.deliveryEmail)
  @ValidateIf((dto: SaveAccountingSoftwareConfigDto) => dto.deliveryMethod === 'email')
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  @EmailAddress()
  deliveryEmail?: string;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, description: "Required when deliveryMethod is 'export'" })
  @Label(FORM_FIELD_LABELS.exportFormat)
  @ValidateIf((dto: SaveAccountingSoftwareConfigDto) => dto.deliveryMethod === 'export')
  @IsNotEmpty()
  @IsIn(EXPORT_FORMATS)
  exportFormat?: (typeof EXPORT_FORMATS)[number];

  @ApiPropertyOptional({ enum: EXPORT_FREQUENCIES, description: "Required when deliveryMethod is 'export'" })
  @Label(FORM_FIELD_LABELS.exportFrequency)
  @ValidateIf((dto: SaveAccountingSoftwareConfigDto) => dto.deliveryMethod === 'export')
  @IsNotEmpty()
  @IsIn(EXPORT_FREQUENCIES)
  exportFrequency?: (typeof EXPORT_FREQUENCIES)[number];

  @ApiPropertyOptional({
    description: 'Make it the firm default (admins only; the first configuration always is)',
  })
  @Label(FORM_FIELD_LABELS.isDefault)
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}
