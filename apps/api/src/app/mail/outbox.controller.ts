import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '../../config/app-config';
import { Public } from '../auth/decorators';
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

/**
 * Development mail page: only while no SMTP server is configured (e-mails go to the outbox) and never with
 * NODE_ENV=production — the outbox holds every firm's mail, links included.
 */
@ApiTags('dev')
@Public()
@Controller('dev/outbox')
export class OutboxController {
  constructor(
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: [OutboxEntryDto] })
  async list(): Promise<OutboxEntryDto[]> {
    this.assertOutbox();
    return this.mail.listOutbox();
  }

  @Get(':id')
  @ApiOkResponse({ type: OutboxMessageDto })
  async read(@Param('id') id: string): Promise<OutboxMessageDto> {
    this.assertOutbox();
    const message = await this.mail.readOutbox(id);
    if (!message) throw AppError.notFound();
    return message;
  }

  private assertOutbox(): void {
    if (this.mail.mode !== 'outbox' || this.config.NODE_ENV === 'production') throw AppError.notFound();
  }
}
