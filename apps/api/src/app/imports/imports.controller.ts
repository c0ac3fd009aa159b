import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
  Req,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext, CurrentAuth } from '../auth/decorators';
import type { UiLang } from '../common/app-error';
import { PageQuery } from '../common/page-query';
import { ParseId } from '../common/parse-id';
import { RequestLanguage } from '../common/request-language';
import {
  ChangeLayoutDto,
  ImportBatchDto,
  ImportBatchPageDto,
  ImportIdDto,
  ImportIssuePageDto,
  ImportIssuesQuery,
  ImportLimitsDto,
  ImportedClientPageDto,
  MappingSuggestionDto,
  RunImportDto,
  SaveMappingDto,
  TemplateQuery,
} from './dto/imports.dto';
import type { Request } from 'express';
import { ImportsService } from './imports.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TEMPLATE_FILE_NAMES = {
  fr: 'modele-import-clients.xlsx',
  en: 'client-import-template.xlsx',
  ar: 'client-import-template-ar.xlsx',
};

@ApiTags('imports')
@ApiExtraModels(MappingSuggestionDto)
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('template')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'the import template (.xlsx) in the language asked for' })
  async template(@Query() query: TemplateQuery): Promise<StreamableFile> {
    const lang = query.lang ?? 'fr';
    return new StreamableFile(await this.imports.template(lang), {
      type: XLSX_TYPE,
      disposition: `attachment; filename="${TEMPLATE_FILE_NAMES[lang]}"`,
    });
  }

  @Get('limits')
  @ApiOkResponse({
    type: ImportLimitsDto,
    description: 'what an upload may hold (checked in the browser first)',
  })
  limits(): ImportLimitsDto {
    return this.imports.limits();
  }

  @Get()
  @ApiOkResponse({ type: ImportBatchPageDto })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: PageQuery,
    @RequestLanguage() lang: UiLang,
  ): Promise<ImportBatchPageDto> {
    return this.imports.list(auth, query, lang);
  }

  @Post()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: '.xlsx or .csv' },
        sheet: { type: 'string' },
        headerRow: { type: 'integer', minimum: 1 },
      },
    },
  })
  @ApiAcceptedResponse({ type: ImportIdDto, description: 'stored; parsing runs in the background' })
  upload(@CurrentAuth() auth: AuthContext, @Req() req: Request): Promise<ImportIdDto> {
    return this.imports.upload(auth, req);
  }

  @Get(':id')
  @ApiOkResponse({ type: ImportBatchDto })
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @RequestLanguage() lang: UiLang,
  ): Promise<ImportBatchDto> {
    return this.imports.get(auth, id, lang);
  }

  @Put(':id/layout')
  @ApiOkResponse({ type: ImportBatchDto, description: 'another sheet (parsed again) or header row' })
  layout(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @Body() body: ChangeLayoutDto,
    @RequestLanguage() lang: UiLang,
  ): Promise<ImportBatchDto> {
    return this.imports.changeLayout(auth, id, body, lang);
  }

  @Put(':id/mapping')
  @ApiOkResponse({ type: ImportBatchDto })
  mapping(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @Body() body: SaveMappingDto,
    @RequestLanguage() lang: UiLang,
  ): Promise<ImportBatchDto> {
    return this.imports.saveMapping(auth, id, body, lang);
  }

  @Post(':id/check')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ImportIdDto })
  check(@CurrentAuth() auth: AuthContext, @Param('id', ParseId()) id: string): Promise<ImportIdDto> {
    return this.imports.check(auth, id);
  }

  @Get(':id/errors')
  @ApiOkResponse({ type: ImportIssuePageDto })
  errors(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @Query() query: ImportIssuesQuery,
    @RequestLanguage() lang: UiLang,
  ): Promise<ImportIssuePageDto> {
    return this.imports.issues(auth, id, query, lang);
  }

  @Get(':id/clients')
  @ApiOkResponse({ type: ImportedClientPageDto, description: 'the clients this batch created' })
  clients(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @Query() query: PageQuery,
  ): Promise<ImportedClientPageDto> {
    return this.imports.createdClients(auth, id, query);
  }

  @Post(':id/import')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ImportIdDto })
  run(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @Body() body: RunImportDto,
  ): Promise<ImportIdDto> {
    return this.imports.run(auth, id, body.mode);
  }
}
