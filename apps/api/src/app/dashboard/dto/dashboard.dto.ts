import { ApiProperty } from '@nestjs/swagger';
import { CLIENT_STATUSES, type ClientStatus } from '@passerelle/domain-client';

export class StatusCountDto {
  @ApiProperty({ enum: CLIENT_STATUSES }) status!: ClientStatus;
  @ApiProperty() count!: number;
}

export class ActivityDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'client.created' }) action!: string;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'client' }) targetType!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) targetId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What the target is called today (a client’s name, a configuration’s label)',
  })
  targetLabel!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** What may need someone's attention; imports with errors will add their kind here. */
export const ATTENTION_KINDS = ['invitation_failed'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export class AttentionItemDto {
  @ApiProperty({ enum: ATTENTION_KINDS }) kind!: AttentionKind;
  @ApiProperty({ example: 'client' }) targetType!: string;
  @ApiProperty({ format: 'uuid' }) targetId!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date-time', description: 'When it last changed' }) since!: string;
}

export class AttentionDto {
  @ApiProperty({ description: 'How many items in all (the list shows the most recent ones)' }) total!: number;
  @ApiProperty({ type: [AttentionItemDto] }) items!: AttentionItemDto[];
}

export class NewDocumentsDto {
  @ApiProperty({ description: 'Documents shared by clients and not yet marked processed' }) total!: number;
  @ApiProperty({ description: 'Clients with at least one such document' }) clients!: number;
}

export class DashboardDto {
  @ApiProperty({ type: NewDocumentsDto }) newDocuments!: NewDocumentsDto;
  @ApiProperty({ type: [StatusCountDto], description: 'Clients (not archived) per status, lifecycle order' })
  statusCounts!: StatusCountDto[];
  @ApiProperty({ description: 'Clients not archived' }) total!: number;
  @ApiProperty() archived!: number;
  @ApiProperty({ type: [ActivityDto], description: 'The firm’s latest changes, newest first' })
  recentActivity!: ActivityDto[];
  @ApiProperty({ type: AttentionDto }) attention!: AttentionDto;
}
