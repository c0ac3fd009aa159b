import { Body, Controller, Get, Headers, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { Public } from '../auth/decorators';
import { MeDto } from '../auth/dto/auth.dto';
import { setSessionCookies } from '../auth/session-cookie';
import { ApiErrorDto } from '../common/api-error.dto';
import { AcceptInvitationDto, PublicInvitationDto } from './dto/invitation.dto';
import { InvitationAcceptanceService } from './invitation-acceptance.service';

/**
 * What the link in the e-mail opens: no session, rate-limited per client IP like sign-in
 * (LOGIN_RATE_LIMIT_PER_MINUTE). An unknown, expired, revoked or used link answers 404 `invitation_invalid`.
 */
@ApiTags('public')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('public/invitations')
export class PublicInvitationsController {
  constructor(
    private readonly acceptance: InvitationAcceptanceService,
    private readonly config: AppConfig,
  ) {}

  @Get(':token')
  @ApiOkResponse({ type: PublicInvitationDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '`invitation_invalid`, whatever the reason' })
  view(@Param('token') token: string): Promise<PublicInvitationDto> {
    return this.acceptance.view(token);
  }

  /** Creates the client's account and signs it in (session cookie); the client becomes `active`. */
  @Post(':token/accept')
  @ApiCreatedResponse({ type: MeDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '`invitation_invalid`, whatever the reason' })
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
