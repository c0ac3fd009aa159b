import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLIENT_STATUSES, type ClientStatus } from '@passerelle/domain-client';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { COUNTRY_CODES } from '@passerelle/domain-validators';
import { CleanText, RawText } from '../../common/text';
import { PageQuery } from '../../common/page-query';

/**
 * The client form's values as typed. Only the shape is checked here; every field rule (ICE checksum,
 * country names in any language, …) is the domain library's validateClient, shared with the web app.
 */
export class SaveClientDto {
  @ApiPropertyOptional({ example: 'Atlas Négoce SARL' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(1000)
  name?: string;
  @ApiPropertyOptional({ example: '12, rue Ibn Batouta' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(1000)
  address?: string;
  @ApiPropertyOptional({ example: '20250' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  postalCode?: string;
  @ApiPropertyOptional({ example: 'Casablanca' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(1000)
  city?: string;
  @ApiPropertyOptional({ example: 'Maroc', description: 'A country name in any language, or an ISO code' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(200)
  country?: string;
  @ApiPropertyOptional({ example: '001525587000045' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  ice?: string;
  @ApiPropertyOptional({ example: '1234567' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  taxId?: string;
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @MaxLength(100) iban?: string;
  @ApiPropertyOptional({ example: 'fr' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  language?: string;
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @MaxLength(1000) contactName?: string;
  @ApiPropertyOptional({ example: 'fr' })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(100)
  contactLanguage?: string;
  @ApiPropertyOptional() @IsOptional() @CleanText() @IsString() @MaxLength(1000) contactEmail?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() shareDocuments?: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  accountingSoftwareId?: string | null;
  @ApiPropertyOptional({
    description:
      'On PATCH: the `version` of the record as it was read. If someone saved it since, the edit is refused ' +
      'with 409 `edit_conflict` instead of silently overwriting their changes. (An `If-Match` header works too.)',
    minimum: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  version?: number;
}

export class ClientDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ type: String, nullable: true }) ice!: string | null;
  @ApiProperty({ type: String, nullable: true }) taxId!: string | null;
  @ApiProperty({ type: String, nullable: true }) iban!: string | null;
  @ApiProperty({ description: 'ISO 639-1' }) language!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty() contactLanguage!: string;
  @ApiProperty({ type: String, nullable: true }) contactEmail!: string | null;
  @ApiProperty() shareDocuments!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) accountingSoftwareId!: string | null;
  @ApiProperty({ type: String, nullable: true }) accountingSoftwareLabel!: string | null;
  @ApiProperty({ enum: CLIENT_STATUSES }) status!: ClientStatus;
  @ApiProperty({ description: 'Send it back on PATCH (optimistic concurrency)' }) version!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ClientWarningDto {
  @ApiProperty() field!: string;
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class SavedClientDto {
  @ApiProperty({ type: ClientDto }) client!: ClientDto;
  @ApiProperty({ type: [ClientWarningDto] }) warnings!: ClientWarningDto[];
}

export const CLIENT_SORTS = ['name', 'city', 'country', 'status', 'createdAt', 'updatedAt'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : Array.isArray(value) ? value : value;
const toUpperList = (params: { value: unknown }) => {
  const list = toList(params);
  return Array.isArray(list)
    ? list.map((item) => (typeof item === 'string' ? item.toUpperCase() : item))
    : list;
};

export class ListClientsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CLIENT_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(CLIENT_SORTS)
  sort: ClientSort = 'name';
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' }) @IsOptional() @IsIn(['asc', 'desc']) order:
    'asc' | 'desc' = 'asc';
  @ApiPropertyOptional({
    description: 'Name, ICE, IF, contact, e-mail or city; accent- and case-insensitive',
  })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ enum: CLIENT_STATUSES, isArray: true, description: 'Comma-separated' })
  @IsOptional()
  @Transform(toList)
  @IsIn(CLIENT_STATUSES, { each: true })
  status?: ClientStatus[];
  @ApiPropertyOptional({ description: 'Comma-separated ISO 3166-1 alpha-2 codes, any case' })
  @IsOptional()
  @Transform(toUpperList)
  @ArrayMaxSize(300)
  @IsIn(COUNTRY_CODES, { each: true })
  country?: string[];
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() shareDocuments?: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() accountingSoftwareId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the clients one import batch created' })
  @IsOptional()
  @IsUUID()
  importBatchId?: string;
  @ApiPropertyOptional({
    description:
      "Keyset navigation: the previous page's nextCursor. The page after it is read from that sort key instead " +
      'of skipping (page - 1) × pageSize clients; `page` still says which page it is (for the total). Only for ' +
      'the same sort and order (400 otherwise).',
  })
  @IsOptional()
  @RawText() // an opaque token (base64url), checked whole by decodeCursor: cleaning it would only corrupt it
  @IsString()
  @Matches(/^[A-Za-z0-9_-]*$/)
  @MaxLength(2000)
  after?: string;
  @ApiPropertyOptional({ description: 'true: archived clients only; default: active ones' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  archived?: boolean;
}

/** A row of the clients list: the record plus what the firm has to look at. */
export class ClientListItemDto extends ClientDto {
  @ApiProperty({ description: 'Documents the client shared that the firm has not marked processed yet' })
  newDocuments!: number;
}

export class ClientPageDto {
  @ApiProperty({ type: [ClientListItemDto] }) items!: ClientListItemDto[];
  @ApiProperty({
    description:
      'Clients matching the filters; when totalCapped is true, counting stopped there and more match ' +
      '(10,000, or 1,000 with a search term; more on deeper pages: always beyond the last row of this page)',
  })
  total!: number;
  @ApiProperty({
    description: 'true: the total is a lower bound (show "more than {total}"); false: it is exact',
  })
  totalCapped!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'A full page: send it as `after` (with page + 1) to read the next page by its sort key',
  })
  nextCursor!: string | null;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class TimelineEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'client.created' }) action!: string;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
