import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'invalid_email' }) code!: string;
  @ApiProperty({ example: "L'adresse e-mail n'est pas valide." }) message!: string;
}

/** The body of every error response (rendered by ApiExceptionFilter). */
export class ApiErrorDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'invalid_request' }) code!: string;
  @ApiProperty({ example: 'La requête contient des erreurs.' }) message!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/FieldErrorDto' },
  })
  fields?: Record<string, FieldErrorDto>;
}
