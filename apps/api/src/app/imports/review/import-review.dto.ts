import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { ImportIssueDto, ImportSummaryDto } from '../dto/imports.dto';

/** Longest text a corrected cell may hold. */
export const CORRECTION_MAX_LENGTH = 1000;

export class CorrectRowDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: CORRECTION_MAX_LENGTH },
    example: { ice: '001561191000066' },
    description: 'field key → the corrected cell’s text (the field must have a column in the mapping)',
  })
  @IsObject()
  values!: Record<string, string>;
}

export class ImportRowDto {
  @ApiProperty({ description: 'the sheet’s own row number' }) row!: number;
  @ApiProperty({ type: [ImportIssueDto], description: 'the row’s findings after the correction' })
  issues!: ImportIssueDto[];
  @ApiProperty({ type: ImportSummaryDto, description: 'the batch’s counts after the correction' })
  summary!: ImportSummaryDto;
}
