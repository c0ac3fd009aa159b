import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FORM_FIELD_LABELS,
  PASSWORD_MAX_LENGTH,
  UI_LANGUAGES,
  type UiLanguage,
} from '@passerelle/domain-client';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Label } from '../../common/labels';
import { CleanText, EmailField, RawText } from '../../common/text';
import { USER_ROLES, type UserRole } from '../../users/user.entity';
import { NewPasswordField } from '../passwords';

export class SignupDto {
  @ApiProperty({ maxLength: 160, example: 'Cabinet Atlas Conseil' })
  @Label(FORM_FIELD_LABELS.firmName)
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  firmName!: string;

  @ApiProperty({ maxLength: 120, example: 'Salma Bennani' })
  @Label(FORM_FIELD_LABELS.personName)
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @EmailField('salma@atlas-conseil.ma')
  email!: string;

  @NewPasswordField()
  password!: string;

  @ApiPropertyOptional({ enum: UI_LANGUAGES })
  @Label(FORM_FIELD_LABELS.uiLanguage)
  @IsOptional()
  @IsIn(UI_LANGUAGES)
  language?: UiLanguage;
}

export class LoginDto {
  @ApiProperty({ maxLength: 254 })
  @Label(FORM_FIELD_LABELS.email)
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH })
  @Label(FORM_FIELD_LABELS.password)
  @RawText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class UpdatePreferencesDto {
  @ApiProperty({ enum: UI_LANGUAGES })
  @Label(FORM_FIELD_LABELS.uiLanguage)
  @IsIn(UI_LANGUAGES)
  language!: UiLanguage;
}

export class UpdateMeDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @Label(FORM_FIELD_LABELS.personName)
  @IsOptional()
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ enum: UI_LANGUAGES })
  @Label(FORM_FIELD_LABELS.uiLanguage)
  @IsOptional()
  @IsIn(UI_LANGUAGES)
  language?: UiLanguage;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH })
  @Label(FORM_FIELD_LABELS.currentPassword)
  @RawText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @NewPasswordField()
  newPassword!: string;
}

export class FirmDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ enum: UI_LANGUAGES }) language!: UiLanguage;
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ type: FirmDto }) firm!: FirmDto;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Last request, to within five minutes' })
  lastSeenAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The browser that signed in' }) userAgent!:
    string | null;
  @ApiProperty({ description: 'The session of this request' }) current!: boolean;
}

export class EndedSessionsDto {
  @ApiProperty({ description: 'How many sessions were ended' }) ended!: number;
}

export class PasswordResetRequestDto {
  @EmailField('salma@atlas-conseil.ma')
  email!: string;
}

export class PasswordResetDto {
  @NewPasswordField()
  password!: string;
}

export class PasswordResetLinkDto {
  @ApiProperty({ example: 's•••@atlas-conseil.ma', description: 'The account’s address, masked' })
  email!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
