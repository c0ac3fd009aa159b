import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { SESSION_COOKIE } from './auth.constants';
import { AuthService, NewSession } from './auth.service';
import { AuthContext, CurrentAuth, Public, Roles } from './decorators';
import {
  ChangePasswordDto,
  EndedSessionsDto,
  LoginDto,
  MeDto,
  PasswordResetDto,
  PasswordResetLinkDto,
  PasswordResetRequestDto,
  SessionDto,
  SignupDto,
  UpdateMeDto,
  UpdatePreferencesDto,
} from './dto/auth.dto';
import { setSessionCookies } from './session-cookie';
import { ParseId } from '../common/parse-id';
import { ApiErrorDto } from '../common/api-error.dto';
import { PasswordResetService } from './password-reset.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordReset: PasswordResetService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('signup')
  @ApiOkResponse({ type: MeDto })
  async signup(
    @Body() body: SignupDto,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeDto> {
    return this.startSession(await this.auth.signup(body, userAgent), res);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: MeDto })
  async login(
    @Body() body: LoginDto,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeDto> {
    return this.startSession(await this.auth.login(body, userAgent), res);
  }

  /**
   * Forgotten password: always 202 with no body, after the same work, whether the address has an account or
   * not (the e-mail, if any, is prepared by a queued job). Rate-limited per client address like a login, and
   * per e-mail address (PASSWORD_RESET_PER_EMAIL_PER_HOUR e-mails, silently).
   */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Whatever the address: an e-mail follows if it has an active account' })
  async requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<void> {
    await this.passwordReset.request(body.email);
  }

  /** Whether a reset link still works (the page says so before asking for a password). */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Get('password-reset/:token')
  @ApiOkResponse({ type: PasswordResetLinkDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '`reset_link_invalid`, whatever the reason' })
  viewPasswordReset(@Param('token') token: string): Promise<PasswordResetLinkDto> {
    return this.passwordReset.view(token);
  }

  /** Sets the new password given a reset link (single use); every session of the user ends. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('password-reset/:token')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '`reset_link_invalid`, whatever the reason' })
  async resetPassword(@Param('token') token: string, @Body() body: PasswordResetDto): Promise<void> {
    await this.passwordReset.reset(token, body.password);
  }

  @Roles('admin', 'member', 'client')
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentAuth() auth: AuthContext, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(auth);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Roles('admin', 'member', 'client')
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  me(@CurrentAuth() auth: AuthContext): Promise<MeDto> {
    return this.auth.me(auth);
  }

  @Roles('admin', 'member', 'client')
  @Patch('me')
  @ApiOkResponse({ type: MeDto })
  updateMe(@CurrentAuth() auth: AuthContext, @Body() body: UpdateMeDto): Promise<MeDto> {
    return this.auth.updateMe(auth, body);
  }

  /** Current + new password; every other session of the user ends. Rate-limited like a login. */
  @Roles('admin', 'member', 'client')
  @UseGuards(ThrottlerGuard)
  @Post('me/password')
  @HttpCode(204)
  @ApiNoContentResponse()
  async changePassword(@CurrentAuth() auth: AuthContext, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(auth, body.currentPassword, body.newPassword);
  }

  @Roles('admin', 'member', 'client')
  @Patch('me/preferences')
  @ApiOkResponse({ type: MeDto })
  setPreferences(@CurrentAuth() auth: AuthContext, @Body() body: UpdatePreferencesDto): Promise<MeDto> {
    return this.auth.setLanguage(auth, body.language);
  }

  @Roles('admin', 'member', 'client')
  @Get('sessions')
  @ApiOkResponse({ type: [SessionDto] })
  sessions(@CurrentAuth() auth: AuthContext): Promise<SessionDto[]> {
    return this.auth.listSessions(auth);
  }

  /** Ends one of the user's sessions (its own current one too: that is a logout). */
  @Roles('admin', 'member', 'client')
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async endSession(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.endSession(auth, id);
    if (id === auth.sessionId) res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Roles('admin', 'member', 'client')
  @Post('sessions/end-others')
  @HttpCode(200)
  @ApiOkResponse({ type: EndedSessionsDto })
  async endOtherSessions(@CurrentAuth() auth: AuthContext): Promise<EndedSessionsDto> {
    return { ended: await this.auth.endOtherSessions(auth) };
  }

  /** Sets the session cookie, and a new CSRF token: a token seen before signing in is not kept after. */
  private startSession(session: NewSession, res: Response): MeDto {
    setSessionCookies(res, session, this.config);
    return session.me;
  }
}
