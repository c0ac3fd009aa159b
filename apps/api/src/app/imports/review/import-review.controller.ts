import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth } from '../../auth/decorators';
import type { UiLang } from '../../common/app-error';
import { ParseId } from '../../common/parse-id';
import { attachmentDisposition } from '../../documents/content-disposition';
import { RequestLanguage } from '../../common/request-language';
import { ImportBatchDto } from '../dto/imports.dto';
import { CorrectRowDto, ImportRowDto } from './import-review.dto';
import { ImportReviewService } from './import-review.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Issue 11: fixing a checked batch in the browser, the file with its errors, undoing an import. */
@ApiTags('imports')
@Controller('imports')
export class ImportReviewController {
  constructor(private readonly review: ImportReviewService) {}

  @Patch(':id/rows/:row')
  @ApiOkResponse({ type: ImportRowDto, description: 'the row checked again at once; the batch’s counts' })
  correct(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @Param('row', new ParseIntPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND })) row: number,
    @Body() body: CorrectRowDto,
    @RequestLanguage() lang: UiLang,
  ): Promise<ImportRowDto> {
    return this.review.correctRow(auth, id, row, body.values, lang);
  }

  @Get(':id/error-file')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({
    description: 'the file’s rows with an Errors column, bad cells highlighted and commented',
  })
  async errorFile(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @RequestLanguage() lang: UiLang,
  ): Promise<StreamableFile> {
    const file = await this.review.errorFile(auth, id, lang);
    return new StreamableFile(file.bytes, {
      type: XLSX_TYPE,
      disposition: attachmentDisposition(file.name),
    });
  }

  @Post(':id/undo')
  @HttpCode(200)
  @ApiOkResponse({
    type: ImportBatchDto,
    description: 'the clients the batch created are removed; status undone',
  })
  undo(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @RequestLanguage() lang: UiLang,
  ): Promise<ImportBatchDto> {
    return this.review.undo(auth, id, lang);
  }
}
