import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators';
import { JobQueue } from '../jobs/job-queue';
import { MailService } from '../mail/mail.service';

class ComponentHealthDto {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty() mode!: string;
}

class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: ComponentHealthDto }) database!: ComponentHealthDto;
  @ApiProperty({ type: ComponentHealthDto }) queue!: ComponentHealthDto;
  @ApiProperty({ type: ComponentHealthDto }) mail!: ComponentHealthDto;
}

const within = <T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> =>
  Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref()),
  ]);

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly mail: MailService,
  ) {}

  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const [db, queue, mail] = await Promise.all([
      within(
        this.dataSource.query('SELECT 1').then(() => true),
        3000,
        false,
      ),
      within(this.queue.check(), 3000, false),
      within(this.mail.check(), 5000, false),
    ]);
    const embedded = (this.dataSource.options as { poolSize?: number }).poolSize === 1;
    const body: HealthDto = {
      status: db && queue && mail ? 'ok' : 'degraded',
      database: { status: db ? 'up' : 'down', mode: embedded ? 'embedded' : 'postgresql' },
      queue: { status: queue ? 'up' : 'down', mode: this.queue.mode },
      mail: { status: mail ? 'up' : 'down', mode: this.mail.mode },
    };
    if (body.status !== 'ok') res.status(503);
    return body;
  }
}
