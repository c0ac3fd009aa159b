import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthContext, CurrentAuth, Roles } from '../auth/decorators';
import { ParseId } from '../common/parse-id';
import { DocumentsService } from './documents.service';
import { DocumentPageDto, ListDocumentsQuery, UploadBodyDto, UploadResultDto } from './dto/document.dto';
import { sendAttachment } from './send-file';

/** A client user's own folder: what it shares with its firm (issue 12). */
@ApiTags('documents')
@Roles('client')
@Controller('folder/documents')
export class FolderDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadBodyDto })
  @ApiCreatedResponse({ type: UploadResultDto })
  upload(@CurrentAuth() auth: AuthContext, @Req() req: Request): Promise<UploadResultDto> {
    return this.documents.upload(this.documents.ownFolder(auth), req);
  }

  @Get()
  @ApiOkResponse({ type: DocumentPageDto })
  list(@CurrentAuth() auth: AuthContext, @Query() query: ListDocumentsQuery): Promise<DocumentPageDto> {
    return this.documents.list(this.documents.ownFolder(auth), query);
  }

  @Get(':docId/content')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  async content(
    @CurrentAuth() auth: AuthContext,
    @Param('docId', ParseId()) docId: string,
    @Res() res: Response,
  ): Promise<void> {
    await sendAttachment(res, await this.documents.content(this.documents.ownFolder(auth), docId));
  }

  @Delete(':docId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted (within 24 hours, while the firm has not downloaded it)' })
  remove(@CurrentAuth() auth: AuthContext, @Param('docId', ParseId()) docId: string): Promise<void> {
    return this.documents.remove(this.documents.ownFolder(auth), docId);
  }
}
