import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CleanText } from '../common/text';

export class SavedMappingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Export Sage du cabinet' }) name!: string;
  @ApiProperty({ description: 'normalised header signature the mapping is applied to' }) signature!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { name: 'raison sociale', ice: 'n ice' },
    description: 'field key → normalised header of its column',
  })
  fields!: Record<string, string>;
  @ApiProperty({ nullable: true, type: String }) createdByName!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt!: string | null;
}

export class RenameMappingDto {
  @ApiProperty({ example: 'Export Sage 2025' })
  @CleanText()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name!: string;
}
