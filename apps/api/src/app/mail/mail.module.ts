import { Global, Module } from '@nestjs/common';
import { LeasedMailDelivery } from './leased-delivery';
import { MailService } from './mail.service';
import { SendRateLimiter } from './send-rate-limiter';
import { WelcomeMailJob } from './welcome-mail.job';

/**
 * Sending e-mail: the transport (SMTP or the development outbox), the shared sending rate, and the leased
 * delivery every queued e-mail goes through (invitations, document deliveries, account e-mails).
 */
@Global()
@Module({
  providers: [MailService, SendRateLimiter, LeasedMailDelivery, WelcomeMailJob],
  exports: [MailService, SendRateLimiter, LeasedMailDelivery],
})
export class MailModule {}
