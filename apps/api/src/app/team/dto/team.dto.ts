import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FORM_FIELD_LABELS,
  INVITATION_EMAIL_LANGUAGES,
  MAIL_DELIVERY_STATUSES,
  TEAM_INVITATION_STATUSES,
  TEAM_ROLES,
  type InvitationEmailLanguage,
  type MailDeliveryStatus,
  type TeamInvitationStatus,
  type TeamRole,
} from '@passerelle/domain-client';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Label } from '../../common/labels';
import { CleanText, EmailField } from '../../common/text';

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: TEAM_ROLES }) role!: TeamRole;
  @ApiProperty({ description: 'false once an admin deactivated the account' }) active!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deactivatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'The signed-in user' }) isYou!: boolean;
}

export class TeamInvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ enum: TEAM_ROLES }) role!: TeamRole;
  @ApiProperty({ enum: INVITATION_EMAIL_LANGUAGES }) language!: InvitationEmailLanguage;
  @ApiProperty({ enum: TEAM_INVITATION_STATUSES }) status!: TeamInvitationStatus;
  @ApiProperty({
    enum: MAIL_DELIVERY_STATUSES,
    nullable: true,
    description: 'Its latest e-mail: queued, sent, or failed after retries',
  })
  delivery!: MailDeliveryStatus | null;
  @ApiProperty({ type: String, nullable: true, description: 'The mail server’s last reply' })
  lastSmtpReply!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who invited (null once that user is gone)' })
  invitedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class TeamDto {
  @ApiProperty({ type: [TeamMemberDto], description: 'Active members first, then by name' })
  members!: TeamMemberDto[];
  @ApiProperty({
    type: [TeamInvitationDto],
    description: 'Pending (and expired, not yet resent) invitations, newest first; empty for members',
  })
  invitations!: TeamInvitationDto[];
  @ApiProperty({ description: 'Whether the signed-in user may invite and manage (admins)' })
  canManage!: boolean;
}

export class InviteTeamMemberDto {
  @EmailField('youssef@atlas-conseil.ma')
  email!: string;

  @ApiPropertyOptional({ maxLength: 120, example: 'Youssef Alaoui' })
  @Label(FORM_FIELD_LABELS.memberName)
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(120)
  name?: string;

  @ApiProperty({ enum: TEAM_ROLES })
  @Label(FORM_FIELD_LABELS.role)
  @IsIn(TEAM_ROLES)
  role!: TeamRole;

  @ApiProperty({ enum: INVITATION_EMAIL_LANGUAGES, description: 'The language of the e-mail' })
  @Label(FORM_FIELD_LABELS.mailLanguage)
  @IsIn(INVITATION_EMAIL_LANGUAGES)
  language!: InvitationEmailLanguage;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: TEAM_ROLES })
  @Label(FORM_FIELD_LABELS.role)
  @IsIn(TEAM_ROLES)
  role!: TeamRole;
}

export class PublicTeamInvitationDto {
  @ApiProperty() firmName!: string;
  @ApiProperty({ example: 'y•••@atlas-conseil.ma', description: 'Masked' }) email!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The name the admin typed, to prefill' })
  name!: string | null;
  @ApiProperty({ enum: TEAM_ROLES }) role!: TeamRole;
  @ApiProperty({ type: String, nullable: true }) invitedBy!: string | null;
  @ApiProperty({ enum: INVITATION_EMAIL_LANGUAGES }) language!: InvitationEmailLanguage;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({
    description:
      'The address already has a Passerelle account: accepting would fail (one account per address)',
  })
  emailTaken!: boolean;
}
