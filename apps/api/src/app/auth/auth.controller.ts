import { Body, Controller, Get, HttpCode, Patch, Post, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { SESSION_COOKIE } from './auth.constants';
import { AuthService, NewSession } from './auth.service';
import { AuthContext, CurrentAuth, Public, Roles } from './decorators';
import { LoginDto, MeDto, SignupDto, UpdatePreferencesDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('signup')
  @ApiOkResponse({ type: MeDto })
  async signup(@Body() body: SignupDto, @Res({ passthrough: true }) res: Response): Promise<MeDto> {
    return this.startSession(await this.auth.signup(body), res);
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: MeDto })
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) res: Response): Promise<MeDto> {
    return this.startSession(await this.auth.login(body), res);
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
  @Patch('me/preferences')
  @ApiOkResponse({ type: MeDto })
  setPreferences(@CurrentAuth() auth: AuthContext, @Body() body: UpdatePreferencesDto): Promise<MeDto> {
    return this.auth.setLanguage(auth, body.language);
  }

  private startSession(session: NewSession, res: Response): MeDto {
    res.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      expires: session.expiresAt,
      path: '/',
    });
    return session.me;
  }
}
