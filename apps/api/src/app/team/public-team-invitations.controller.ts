import { Body, Controller, Get, Headers, Param, Post, Res, UseGuards } from '@nestjs/common';
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
import { Public } from '../auth/decorators';
import { MeDto } from '../auth/dto/auth.dto';
import { setSessionCookies } from '../auth/session-cookie';
import { ApiErrorDto } from '../common/api-error.dto';
import { AcceptInvitationDto } from '../invitations/dto/invitation.dto';
import { PublicTeamInvitationDto } from './dto/team.dto';
import { TeamAcceptanceService } from './team-acceptance.service';

/**
 * What the link of a team invitation opens: no session, rate-limited per client IP like sign-in. An unknown,
 * expired, replaced, cancelled or used link answers 404 `team_invitation_invalid`.
 */
@ApiTags('public')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('public/team-invitations')
export class PublicTeamInvitationsController {
  constructor(
    private readonly acceptance: TeamAcceptanceService,
    private readonly config: AppConfig,
  ) {}

  @Get(':token')
  @ApiOkResponse({ type: PublicTeamInvitationDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '`team_invitation_invalid`, whatever the reason' })
  view(@Param('token') token: string): Promise<PublicTeamInvitationDto> {
    return this.acceptance.view(token);
  }

  /** Creates the account with the invited role and signs it in (session cookie, new CSRF token). */
  @Post(':token/accept')
  @ApiCreatedResponse({ type: MeDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '`team_invitation_invalid`, whatever the reason' })
  @ApiConflictResponse({ type: ApiErrorDto, description: '`account_email_taken`' })
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
