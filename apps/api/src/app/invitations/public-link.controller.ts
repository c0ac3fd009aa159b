import {
  applyDecorators,
  Body,
  Get,
  Headers,
  Inject,
  Param,
  Post,
  Res,
  UseGuards,
  type Type,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config';
import type { NewSession } from '../auth/auth.service';
import { Public } from '../auth/decorators';
import { MeDto } from '../auth/dto/auth.dto';
import { setSessionCookies } from '../auth/session-cookie';
import { ApiErrorDto } from '../common/api-error.dto';
import { AcceptInvitationDto } from './dto/invitation.dto';

/** The service behind a public invitation link: what the token designates, and its acceptance. */
export interface LinkAcceptance<V> {
  view(token: string): Promise<V>;
  /** Creates the account the link invites to and opens its session. */
  accept(token: string, body: AcceptInvitationDto, userAgent?: string): Promise<NewSession>;
}

export interface PublicLinkOptions<V> {
  /** What `GET :token` answers. */
  view: Type<V>;
  /** The one 404 code of an unusable link (unknown, expired, replaced, used), whatever the reason. */
  invalidCode: string;
  /** The 409 code of `POST :token/accept`, if it has one. */
  conflictCode?: string;
}

/**
 * The routes of an invitation link sent by e-mail to someone without an account (a client's contact, a new
 * colleague): `GET :token` shows what it designates, `POST :token/accept` creates the account and signs it in
 * (session cookie, new CSRF token). No session; rate-limited per client IP like sign-in
 * (LOGIN_RATE_LIMIT_PER_MINUTE). A controller extends the class this returns, with its own `@Controller`
 * path and its `acceptance` service.
 */
export function PublicLinkController<V>(options: PublicLinkOptions<V>) {
  const invalid = ApiNotFoundResponse({
    type: ApiErrorDto,
    description: `\`${options.invalidCode}\`, whatever the reason`,
  });
  const conflict = options.conflictCode
    ? ApiConflictResponse({ type: ApiErrorDto, description: `\`${options.conflictCode}\`` })
    : applyDecorators();

  @ApiTags('public')
  @Public()
  @UseGuards(ThrottlerGuard)
  abstract class PublicLink {
    protected abstract readonly acceptance: LinkAcceptance<V>;
    @Inject(AppConfig) private readonly config!: AppConfig;

    @Get(':token')
    @ApiOkResponse({ type: options.view })
    @invalid
    view(@Param('token') token: string): Promise<V> {
      return this.acceptance.view(token);
    }

    @Post(':token/accept')
    @ApiCreatedResponse({ type: MeDto })
    @invalid
    @conflict
    async accept(
      @Param('token') token: string,
      @Body() body: AcceptInvitationDto,
      @Headers('user-agent') userAgent: string | undefined,
      @Res({ passthrough: true }) res: Response,
    ): Promise<MeDto> {
      const session = await this.acceptance.accept(token, body, userAgent);
      setSessionCookies(res, session, this.config);
      return session.me;
    }
  }
  return PublicLink;
}
