import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { UI_LANGUAGES, USER_ROLES, type UiLanguage, type UserRole } from '../../users/user.entity';
import { MIN_PASSWORD_LENGTH } from '../passwords';

// Control characters are invisible to people and refused by PostgreSQL in text: drop them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;
const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim() : value;
const trimLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class SignupDto {
  @ApiProperty({ maxLength: 160, example: 'Cabinet Atlas Conseil' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  firmName!: string;

  @ApiProperty({ maxLength: 120, example: 'Salma Bennani' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ maxLength: 254, example: 'salma@atlas-conseil.ma' })
  @Transform(trimLower)
  @IsNotEmpty()
  @MaxLength(254)
  @IsEmail()
  email!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ enum: UI_LANGUAGES })
  @IsOptional()
  @IsIn(UI_LANGUAGES)
  language?: UiLanguage;
}

export class LoginDto {
  @ApiProperty({ maxLength: 254 })
  @Transform(trimLower)
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class UpdatePreferencesDto {
  @ApiProperty({ enum: UI_LANGUAGES })
  @IsIn(UI_LANGUAGES)
  language!: UiLanguage;
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
