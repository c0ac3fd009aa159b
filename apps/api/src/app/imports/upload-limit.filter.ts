import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ApiExceptionFilter } from '../common/api-exception.filter';
import { AppError } from '../common/app-error';

/** multer stops an upload at the size limit while it streams in: answered as the import's `file_too_large`. */
@Catch(PayloadTooLargeException)
export class UploadLimitFilter implements ExceptionFilter {
  private readonly render = new ApiExceptionFilter();

  constructor(private readonly config: AppConfig) {}

  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const error = new AppError(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'file_too_large',
      undefined,
      `${this.config.IMPORT_MAX_FILE_MB} MB`,
    );
    this.render.catch(error, host);
  }
}
