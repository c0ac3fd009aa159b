import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';
import { AccountMailModule } from '../account-mail/account-mail.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CsrfCookieMiddleware, CsrfGuard } from './csrf';
import { PasswordResetService } from './password-reset.service';
import { SessionService } from './session.service';
import { SharedThrottlerStorage, ThrottlerStorageModule } from './throttler-storage';

@Module({
  imports: [
    AccountMailModule,
    // The per-address password-reset counter shares the rate limits' storage.
    ThrottlerStorageModule,
    // Counters in Redis when REDIS_URL is set (shared by every API process), else in this process.
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [AppConfig, SharedThrottlerStorage],
      useFactory: (config: AppConfig, storage: SharedThrottlerStorage) => ({
        throttlers: [{ name: 'auth', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT_PER_MINUTE }],
        storage,
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    SessionService,
    PasswordResetService,
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsrfCookieMiddleware).forRoutes('*path');
  }
}
