import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ParseId } from '../common/parse-id';
import { AppError } from '../common/app-error';
import { AuthContext, CurrentAuth } from '../auth/decorators';
import type { UiLang } from '../common/app-error';
import { RequestLanguage } from '../common/request-language';
import { ClientsService } from './clients.service';
import {
  ClientDto,
  ClientPageDto,
  ListClientsQuery,
  SaveClientDto,
  SavedClientDto,
  TimelineEventDto,
} from './dto/client.dto';

@ApiTags('clients')
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @ApiOkResponse({ type: ClientPageDto })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListClientsQuery,
    @RequestLanguage() lang: UiLang,
  ): Promise<ClientPageDto> {
    return this.clients.list(auth, query, lang);
  }

  @Post()
  @ApiCreatedResponse({ type: SavedClientDto })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: SaveClientDto,
    @RequestLanguage() lang: UiLang,
  ): Promise<SavedClientDto> {
    return this.clients.create(auth, body, lang);
  }

  @Get(':id')
  @ApiOkResponse({ type: ClientDto })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClientDto> {
    const client = await this.clients.get(auth, id);
    res.setHeader('ETag', `"${client.version}"`);
    return client;
  }

  @Patch(':id')
  @ApiOkResponse({ type: SavedClientDto })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version read (as the `version` field, or the ETag of GET /clients/{id})',
  })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @Body() body: SaveClientDto,
    @RequestLanguage() lang: UiLang,
    @Headers('if-match') ifMatch?: string,
  ): Promise<SavedClientDto> {
    return this.clients.update(auth, id, body, lang, parseVersionTag(ifMatch));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: ClientDto })
  archive(@CurrentAuth() auth: AuthContext, @Param('id', ParseId()) id: string): Promise<ClientDto> {
    return this.clients.setArchived(auth, id, true);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: ClientDto })
  restore(@CurrentAuth() auth: AuthContext, @Param('id', ParseId()) id: string): Promise<ClientDto> {
    return this.clients.setArchived(auth, id, false);
  }

  @Get(':id/timeline')
  @ApiOkResponse({ type: [TimelineEventDto] })
  timeline(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
  ): Promise<TimelineEventDto[]> {
    return this.clients.timeline(auth, id);
  }
}

/** `If-Match: "3"` (or `W/"3"`, or `3`) → 3; absent → undefined; anything else is a malformed precondition. */
function parseVersionTag(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,10})"?\s*$/.exec(header);
  if (!match) throw new AppError(HttpStatus.BAD_REQUEST, 'invalid_request');
  return Number(match[1]);
}
