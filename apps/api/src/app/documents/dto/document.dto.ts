import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_CATEGORIES,
  DOCUMENT_DELIVERY_STATUSES,
  DOCUMENT_KINDS,
  DOCUMENT_NOTE_MAX_LENGTH,
  DOCUMENT_STATUSES,
  isDocumentPeriod,
  type DocumentCategory,
  type DocumentDeliveryStatus,
  type DocumentKind,
  type DocumentStatus,
} from '@passerelle/domain-client';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { Label } from '../../common/labels';
import { PageQuery } from '../../common/page-query';
import { CleanText } from '../../common/text';

const PERIOD_LABEL = { fr: 'Période', en: 'Period', ar: 'الفترة' };

/** `YYYY-MM` (the domain's rule); anything else is `invalid_format`. */
const Period = () =>
  ValidateBy({ name: 'invalid_format', validator: { validate: (value) => isDocumentPeriod(value) } });

export class DocumentDeliveryDto {
  @ApiProperty({ enum: DOCUMENT_DELIVERY_STATUSES, description: '`none`: not delivered by e-mail' })
  status!: DocumentDeliveryStatus;
  @ApiProperty({ type: String, nullable: true, description: 'The inbox it is (or was) sent to' })
  email!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The last SMTP reply (kept for staff)' })
  lastReply!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}

export class DocumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ description: 'Sanitised file name, with the extension of its real type' }) fileName!: string;
  @ApiProperty({ description: 'The type found in the content (never the declared one)' })
  contentType!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256!: string;
  @ApiProperty({ enum: DOCUMENT_CATEGORIES }) category!: DocumentCategory;
  @ApiProperty({ type: String, nullable: true, example: '2026-11' }) period!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ type: String, nullable: true }) uploadedByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) processedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'First download by the firm',
  })
  firmDownloadedAt!: string | null;
  @ApiProperty({
    description: 'Whether the client may still delete it (24 hours, not downloaded by the firm)',
  })
  deletable!: boolean;
  @ApiProperty({ type: DocumentDeliveryDto }) delivery!: DocumentDeliveryDto;
}

export class UploadedDocumentDto extends DocumentDto {
  @ApiProperty({ description: 'The same content was already in the folder: this is that document' })
  duplicate!: boolean;
}

export class UploadResultDto {
  @ApiProperty({ type: [UploadedDocumentDto], description: 'One per file sent, in order' })
  documents!: UploadedDocumentDto[];
}

export class DocumentPageDto {
  @ApiProperty({ type: [DocumentDto] }) items!: DocumentDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'Documents of the folder still `new` (whatever the filters)' })
  newCount!: number;
}

/** The text fields of an upload (multipart, next to the `files`). */
export class UploadFieldsDto {
  @ApiPropertyOptional({ enum: DOCUMENT_CATEGORIES, default: 'other' })
  @Label({ fr: 'Catégorie', en: 'Category', ar: 'الفئة' })
  @IsOptional()
  @IsIn(DOCUMENT_CATEGORIES)
  category?: DocumentCategory;

  @ApiPropertyOptional({ example: '2026-11', description: 'Accounting period, YYYY-MM' })
  @Label(PERIOD_LABEL)
  @IsOptional()
  @CleanText()
  @IsString()
  @Period()
  period?: string;

  @ApiPropertyOptional({ maxLength: DOCUMENT_NOTE_MAX_LENGTH })
  @Label({ fr: 'Note', en: 'Note', ar: 'ملاحظة' })
  @CleanText({ multiline: true })
  @IsOptional()
  @IsString()
  @MaxLength(DOCUMENT_NOTE_MAX_LENGTH)
  note?: string;
}

/** Swagger's view of the multipart body of an upload. */
export class UploadBodyDto extends UploadFieldsDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'binary' },
    description: 'One or several files',
  })
  files!: unknown[];
}

export class ListDocumentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_CATEGORIES })
  @IsOptional()
  @IsIn(DOCUMENT_CATEGORIES)
  category?: DocumentCategory;

  @ApiPropertyOptional({ example: '2026-11' })
  @Label(PERIOD_LABEL)
  @IsOptional()
  @CleanText()
  @IsString()
  @Period()
  period?: string;

  @ApiPropertyOptional({ description: 'Words of the file name or note' })
  @CleanText()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES })
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES)
  status?: DocumentStatus;
}

export class SetProcessedDto {
  @ApiProperty({ description: 'true: processed; false: back to new' })
  @IsBoolean()
  processed!: boolean;
}

/** At most this many documents in one zip of a selection. */
export const MAX_ARCHIVE_DOCUMENTS = 200;

export class ArchiveQuery {
  @ApiProperty({
    type: String,
    description: `Comma-separated document ids (at most ${MAX_ARCHIVE_DOCUMENTS})`,
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : value,
  )
  @ArrayMaxSize(MAX_ARCHIVE_DOCUMENTS)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class ExportQuery {
  @ApiProperty({ example: '2026-11', description: 'The accounting period, YYYY-MM' })
  @Label(PERIOD_LABEL)
  @CleanText()
  @IsString()
  @Period()
  period!: string;
}
