import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PRODUCT_KEYS } from '../catalogue';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

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
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  label!: string;

  @ApiProperty({ enum: PRODUCT_KEYS })
  @IsIn(PRODUCT_KEYS)
  product!: string;

  @ApiProperty({ enum: DELIVERY_METHODS })
  @IsIn(DELIVERY_METHODS)
  deliveryMethod!: (typeof DELIVERY_METHODS)[number];

  @ApiPropertyOptional({ description: "Required when deliveryMethod is 'email'", maxLength: 254 })
  @ValidateIf((dto: SaveAccountingSoftwareConfigDto) => dto.deliveryMethod === 'email')
  @Transform(trimLower)
  @IsNotEmpty()
  @MaxLength(254)
  @IsEmail()
  deliveryEmail?: string;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, description: "Required when deliveryMethod is 'export'" })
  @ValidateIf((dto: SaveAccountingSoftwareConfigDto) => dto.deliveryMethod === 'export')
  @IsNotEmpty()
  @IsIn(EXPORT_FORMATS)
  exportFormat?: (typeof EXPORT_FORMATS)[number];

  @ApiPropertyOptional({ enum: EXPORT_FREQUENCIES, description: "Required when deliveryMethod is 'export'" })
  @ValidateIf((dto: SaveAccountingSoftwareConfigDto) => dto.deliveryMethod === 'export')
  @IsNotEmpty()
  @IsIn(EXPORT_FREQUENCIES)
  exportFrequency?: (typeof EXPORT_FREQUENCIES)[number];

  @ApiPropertyOptional({ description: 'Make it the firm default (the first configuration always is)' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}
