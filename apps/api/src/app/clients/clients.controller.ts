import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  list(@CurrentAuth() auth: AuthContext, @Query() query: ListClientsQuery): Promise<ClientPageDto> {
    return this.clients.list(auth, query);
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
  get(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<ClientDto> {
    return this.clients.get(auth, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: SavedClientDto })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SaveClientDto,
    @RequestLanguage() lang: UiLang,
  ): Promise<SavedClientDto> {
    return this.clients.update(auth, id, body, lang);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: ClientDto })
  archive(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ClientDto> {
    return this.clients.setArchived(auth, id, true);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: ClientDto })
  restore(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ClientDto> {
    return this.clients.setArchived(auth, id, false);
  }

  @Get(':id/timeline')
  @ApiOkResponse({ type: [TimelineEventDto] })
  timeline(
    @CurrentAuth() auth: AuthContext,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<TimelineEventDto[]> {
    return this.clients.timeline(auth, id);
  }
}
