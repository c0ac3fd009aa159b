import { Controller, Get, Injectable, NestMiddleware, Param } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { AuthContext, CurrentAuth, Roles } from '../auth/decorators';
import { AppError } from '../common/app-error';
import { MailService } from './mail.service';

class OutboxEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ format: 'date-time' }) date!: string;
}

class OutboxMessageDto extends OutboxEntryDto {
  @ApiProperty() text!: string;
  @ApiProperty() html!: string;
}

/** The outbox exists only while no SMTP server is configured (e-mails go to files), never in production. */
export function outboxAvailable(config: AppConfig): boolean {
  return !config.SMTP_URL && config.NODE_ENV !== 'production';
}

/**
 * Runs before the guards: outside development the routes are absent (404) for everyone, signed in or not,
 * instead of answering 401/403 and so revealing that they exist.
 */
@Injectable()
export class OutboxAvailableMiddleware implements NestMiddleware {
  constructor(private readonly config: AppConfig) {}

  use(_req: Request, _res: Response, next: NextFunction): void {
    next(outboxAvailable(this.config) ? undefined : AppError.notFound());
  }
}

/**
 * Development mail page for a firm's administrators: the messages sent on behalf of their own firm (so a
 * person trying Passerelle locally can open an invitation link). Another firm's message is unknown (404).
 */
@ApiTags('dev')
@Roles('admin')
@Controller('dev/outbox')
export class OutboxController {
  constructor(
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: [OutboxEntryDto] })
  async list(@CurrentAuth() auth: AuthContext): Promise<OutboxEntryDto[]> {
    this.assertOutbox();
    return this.mail.listOutbox(auth.firmId);
  }

  @Get(':id')
  @ApiOkResponse({ type: OutboxMessageDto })
  async read(@CurrentAuth() auth: AuthContext, @Param('id') id: string): Promise<OutboxMessageDto> {
    this.assertOutbox();
    const message = await this.mail.readOutbox(auth.firmId, id);
    if (!message) throw AppError.notFound();
    return message;
  }

  private assertOutbox(): void {
    if (!outboxAvailable(this.config)) throw AppError.notFound();
  }
}
