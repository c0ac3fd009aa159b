import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthContext, CurrentAuth } from '../auth/decorators';
import type { UiLang } from '../common/app-error';
import { ParseId } from '../common/parse-id';
import { RequestLanguage } from '../common/request-language';
import { DocumentsService } from './documents.service';
import {
  ArchiveQuery,
  DocumentDto,
  DocumentPageDto,
  ExportQuery,
  ListDocumentsQuery,
  SetProcessedDto,
} from './dto/document.dto';
import { sendAttachment } from './send-file';

/** Staff "Open client folder": the client's shared documents, while its sharing is on (issue 12). */
@ApiTags('documents')
@Controller('clients/:id/documents')
export class ClientDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @ApiOkResponse({ type: DocumentPageDto })
  list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) clientId: string,
    @Query() query: ListDocumentsQuery,
  ): Promise<DocumentPageDto> {
    return this.documents.list(this.documents.staffFolder(auth, clientId), query);
  }

  @Get('archive')
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'A zip of the chosen documents' })
  async archive(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) clientId: string,
    @Query() query: ArchiveQuery,
    @Res() res: Response,
  ): Promise<void> {
    const zip = await this.documents.archive(this.documents.staffFolder(auth, clientId), query.ids);
    await sendAttachment(res, { ...zip, contentType: 'application/zip' });
  }

  @Get('export')
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The period’s documents and a CSV index, in a zip (export configurations)' })
  async export(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) clientId: string,
    @Query() query: ExportQuery,
    @RequestLanguage() lang: UiLang,
    @Res() res: Response,
  ): Promise<void> {
    const zip = await this.documents.export(this.documents.staffFolder(auth, clientId), query.period, lang);
    await sendAttachment(res, { ...zip, contentType: 'application/zip' });
  }

  @Get(':docId/content')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, as an attachment (the firm’s first download is recorded)' })
  async content(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) clientId: string,
    @Param('docId', ParseId()) docId: string,
    @Res() res: Response,
  ): Promise<void> {
    await sendAttachment(
      res,
      await this.documents.content(this.documents.staffFolder(auth, clientId), docId),
    );
  }

  @Post(':docId/processed')
  @HttpCode(200)
  @ApiOkResponse({ type: DocumentDto })
  setProcessed(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) clientId: string,
    @Param('docId', ParseId()) docId: string,
    @Body() body: SetProcessedDto,
  ): Promise<DocumentDto> {
    return this.documents.setProcessed(this.documents.staffFolder(auth, clientId), docId, body.processed);
  }
}
