import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestLanguage, UiLang } from './app-error';

/** The language messages of this request are written in (user preference, else Accept-Language, else fr). */
export const RequestLanguage = createParamDecorator((_: unknown, ctx: ExecutionContext): UiLang =>
  requestLanguage(ctx.switchToHttp().getRequest()),
);
