import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  BULK_SKIP_REASONS,
  FORM_FIELD_LABELS,
  INVITATION_EMAIL_LANGUAGES,
  INVITATION_STATUSES,
  UI_LANGUAGES,
  type BulkSkipReason,
  type InvitationStatus,
  type UiLanguage,
} from '@passerelle/domain-client';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Label } from '../../common/labels';
import { PageQuery } from '../../common/page-query';
import { CleanText, inheritTextProperties } from '../../common/text';
import { ListClientsQuery } from '../../clients/dto/client.dto';
import { NewPasswordField } from '../../auth/passwords';

/** Most clients one bulk run takes by id (a selection); larger runs go by filter or import batch. */
export const MAX_BULK_CLIENT_IDS = 10_000;

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty({ description: 'The address the e-mail goes to' }) email!: string;
  @ApiProperty({
    enum: INVITATION_STATUSES,
    description: 'queued → sent → accepted; or failed, expired, revoked',
  })
  status!: InvitationStatus;
  @ApiProperty({ enum: INVITATION_EMAIL_LANGUAGES, description: 'Language of the e-mail' }) language!: string;
  @ApiProperty({ description: 'SMTP attempts so far' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: "The SMTP server's last reply" })
  lastSmtpReply!: string | null;
  @ApiProperty({ description: 'Automatic reminders sent' }) remindersSent!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The bulk run that created it' })
  bulkId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiredAt!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the link stops working' }) expiresAt!: string;
}

export class InvitationPageDto {
  @ApiProperty({ type: [InvitationDto] }) items!: InvitationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ListInvitationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() clientId?: string;
}

/** The clients list's filters (its query without paging and sort), with the same rules. */
// `after` (a list page's cursor) is no filter: a bulk run reads every matching client.
export class BulkClientFilterDto extends OmitType(ListClientsQuery, [
  'page',
  'pageSize',
  'sort',
  'order',
  'after',
]) {}
inheritTextProperties(BulkClientFilterDto, ListClientsQuery);

/** Statuses a bulk run by filter may target: clients never invited, or whose invitation failed or expired. */
export const BULK_TARGET_STATUSES = ['not_invited', 'invitation_failed', 'invitation_expired'] as const;
export type BulkTargetStatus = (typeof BULK_TARGET_STATUSES)[number];

export class BulkInvitationDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_BULK_CLIENT_IDS })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_CLIENT_IDS)
  @IsUUID('all', { each: true })
  clientIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Every client an import batch created' })
  @IsOptional()
  @IsUUID()
  importBatchId?: string;

  @ApiPropertyOptional({
    type: () => BulkClientFilterDto,
    description:
      "The clients list's filters (q, status, country, shareDocuments, accountingSoftwareId, archived)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => BulkClientFilterDto)
  filter?: BulkClientFilterDto;

  @ApiPropertyOptional({
    enum: BULK_TARGET_STATUSES,
    description: 'With `filter`: only the matching clients in this status',
  })
  @IsOptional()
  @IsIn(BULK_TARGET_STATUSES)
  status?: BulkTargetStatus;
}

export class BulkCreatedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class BulkSkippedClientDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ type: String, nullable: true }) clientName!: string | null;
  @ApiProperty({ enum: BULK_SKIP_REASONS }) reason!: BulkSkipReason;
  @ApiProperty({ description: 'The reason, in the request language' }) message!: string;
}

export class BulkProgressDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Clients in the run (0 until the run has listed them)' }) total!: number;
  @ApiProperty({ description: 'Invitations waiting to be sent' }) queued!: number;
  @ApiProperty({ description: 'Invitations sent (accepted ones included)' }) sent!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ description: 'Clients left out (see skippedClients)' }) skipped!: number;
  @ApiProperty({ description: 'Nothing left to send' }) done!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [BulkSkippedClientDto], description: 'The first 200 skipped clients' })
  skippedClients!: BulkSkippedClientDto[];
}

export class PublicInvitationDto {
  @ApiProperty() firmName!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty({ example: 'k•••@atlas.ma', description: 'Masked' }) contactEmail!: string;
  @ApiProperty({ enum: INVITATION_EMAIL_LANGUAGES }) language!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class AcceptInvitationDto {
  @ApiProperty({ maxLength: 120, example: 'Karim Idrissi' })
  @Label(FORM_FIELD_LABELS.personName)
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @NewPasswordField()
  password!: string;

  @ApiPropertyOptional({
    enum: UI_LANGUAGES,
    description: 'The language of the new account (default: French)',
  })
  @Label(FORM_FIELD_LABELS.uiLanguage)
  @IsOptional()
  @IsIn(UI_LANGUAGES)
  language?: UiLanguage;
}
