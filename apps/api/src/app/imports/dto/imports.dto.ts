import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_KEYS } from '@passerelle/domain-client';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '../../common/page-query';
import { CleanText } from '../../common/text';
import { IMPORT_STATUSES } from '../import-batch';

const MAPPING_EXAMPLE = Object.fromEntries(
  FIELD_KEYS.map((field, index) => [field, index < 12 ? index : null]),
);

export class ImportIdDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class ImportLimitsDto {
  @ApiProperty({ example: 20, description: 'largest file accepted, in MB (IMPORT_MAX_FILE_MB)' })
  maxFileMb!: number;
  @ApiProperty({ example: 100000, description: 'data rows accepted (IMPORT_MAX_ROWS)' }) maxRows!: number;
  @ApiProperty({ example: 60, description: 'columns holding a value accepted (IMPORT_MAX_COLUMNS)' })
  maxColumns!: number;
}

export class ImportProgressDto {
  @ApiProperty({ example: 2500 }) done!: number;
  @ApiProperty({ example: 10000 }) total!: number;
}

export class ImportSummaryDto {
  @ApiProperty({ description: 'data rows (blank rows and the template example row not counted)' })
  rows!: number;
  @ApiProperty({ description: 'rows without errors' }) valid!: number;
  @ApiProperty({ description: 'rows with at least one error' }) invalid!: number;
  @ApiProperty({ description: 'rows with at least one warning' }) warnings!: number;
  @ApiProperty({ description: 'rows repeating an earlier row of the file or an existing client' })
  duplicates!: number;
  @ApiProperty({ description: 'valid rows that will create a client' }) toCreate!: number;
  @ApiProperty({ description: 'valid rows of clients the firm already has (skipped)' }) toSkip!: number;
  @ApiProperty({ description: 'clients created by the import' }) created!: number;
  @ApiProperty({ description: 'rows the import did not create (errors, existing clients)' }) skipped!: number;
}

export class ImportErrorStateDto {
  @ApiProperty({ example: 'encrypted_workbook' }) code!: string;
  @ApiProperty({ example: 'Ce classeur est protégé par un mot de passe…' }) message!: string;
}

export class MappingSuggestionDto {
  @ApiProperty({ description: '0-based column index' }) column!: number;
  @ApiProperty({ description: '0–1' }) confidence!: number;
  @ApiProperty({ enum: ['saved_mapping', 'template_header', 'synonym', 'header_contains', 'values'] })
  reason!: string;
  @ApiPropertyOptional({ description: 'the saved mapping applied' }) savedMapping?: string;
}

export class ImportBatchDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status!: string;
  @ApiProperty({ example: 'clients-2025.xlsx' }) fileName!: string;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  fileSha256!: string;
  @ApiProperty({ description: 'bytes' }) fileSize!: number;
  @ApiProperty({ enum: ['xlsx', 'csv'], nullable: true, type: String }) format!: 'xlsx' | 'csv' | null;
  @ApiProperty({ type: [String], description: 'the workbook’s visible sheets (empty for CSV)' })
  sheets!: string[];
  @ApiProperty({ nullable: true, type: String }) sheet!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'the header row’s own number (1-based)' })
  headerRow!: number | null;
  @ApiProperty({ type: [String], description: 'texts of the header row, by column' }) headers!: string[];
  @ApiProperty({ type: [String], description: 'column letters, by column' }) columns!: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
    description: 'the first data rows as shown, by column',
  })
  sampleRows!: string[][];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', nullable: true },
    example: MAPPING_EXAMPLE,
    description: 'every field key → 0-based column index, or null when unmapped',
  })
  mapping!: Record<string, number | null>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/MappingSuggestionDto' },
    description: 'why each proposed column was proposed',
  })
  suggestions!: Record<string, MappingSuggestionDto>;
  @ApiProperty({ enum: ['suggested', 'saved', 'user'], nullable: true, type: String })
  mappingSource!: 'suggested' | 'saved' | 'user' | null;
  @ApiProperty({ nullable: true, type: String }) savedMappingName!: string | null;
  @ApiProperty({ type: ImportProgressDto }) progress!: ImportProgressDto;
  @ApiProperty({ type: ImportSummaryDto }) summary!: ImportSummaryDto;
  @ApiProperty({ enum: ['all', 'valid_only'], nullable: true, type: String }) importMode!: string | null;
  @ApiProperty({ type: ImportErrorStateDto, nullable: true }) error!: ImportErrorStateDto | null;
  @ApiProperty({ nullable: true, type: String }) createdByName!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: String }) checkedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) importedAt!: string | null;
}

export class ImportBatchPageDto {
  @ApiProperty({ type: [ImportBatchDto] }) items!: ImportBatchDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

/** The multipart form's fields besides `file`. */
export class UploadImportDto {
  @ApiPropertyOptional({ description: 'the sheet to read (default: the first visible sheet with data)' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(255)
  sheet?: string;

  @ApiPropertyOptional({ description: 'the header row’s number (default: detected among the first 20 rows)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_048_576)
  headerRow?: number;
}

export class ChangeLayoutDto extends UploadImportDto {}

export class SaveMappingDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', nullable: true },
    example: MAPPING_EXAMPLE,
    description: 'field key → 0-based column index, or null (absent fields are unmapped)',
  })
  @IsObject()
  mapping!: Record<string, number | null>;

  @ApiPropertyOptional({ description: 'save this mapping for the firm under this name' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  saveAs?: string;
}

export class RunImportDto {
  @ApiProperty({ enum: ['all', 'valid_only'] })
  @IsIn(['all', 'valid_only'])
  mode!: 'all' | 'valid_only';
}

export class ImportIssuesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FIELD_KEYS })
  @IsOptional()
  @IsIn(FIELD_KEYS)
  field?: string;

  @ApiPropertyOptional({ example: 'invalid_checksum' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(40)
  code?: string;

  @ApiPropertyOptional({ enum: ['error', 'warning', 'skip'] })
  @IsOptional()
  @IsIn(['error', 'warning', 'skip'])
  severity?: 'error' | 'warning' | 'skip';
}

export class ImportIssueDto {
  @ApiProperty({ description: 'the sheet’s own row number (1-based, header included); the line for CSV' })
  row!: number;
  @ApiProperty({ nullable: true, type: String, example: 'F', description: 'column letter' }) column!:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: 'N° ICE' }) header!: string | null;
  @ApiProperty({ enum: FIELD_KEYS }) field!: string;
  @ApiProperty({ example: 'invalid_checksum' }) code!: string;
  @ApiProperty({ enum: ['error', 'warning', 'skip'] }) severity!: string;
  @ApiProperty({ example: 'ICE — le numéro est invalide (clé de contrôle)' }) message!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the cell as read' }) value!: string | null;
}

export class ImportIssuePageDto {
  @ApiProperty({ type: [ImportIssueDto] }) items!: ImportIssueDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class TemplateQuery {
  @ApiPropertyOptional({ enum: ['fr', 'en', 'ar'], default: 'fr' })
  @IsOptional()
  @IsIn(['fr', 'en', 'ar'])
  lang?: 'fr' | 'en' | 'ar';
}

export class ImportedClientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'the row of the file it was created from' }) row!: number;
  @ApiProperty() name!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
  @ApiProperty({ nullable: true, type: String }) ice!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail!: string | null;
  @ApiProperty() status!: string;
}

export class ImportedClientPageDto {
  @ApiProperty({ type: [ImportedClientDto] }) items!: ImportedClientDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
