import { Module } from '@nestjs/common';
import { AccountMailDelivery } from './account-mail-delivery';
import { SendAccountMailJob, SweepAccountMailJob } from './account-mail-jobs';
import { AccountMailQueue } from './account-mail-queue';

/**
 * E-mails about a person's account (issue 13): team invitations, password-reset links, "your password was
 * changed" — an outbox table (`account_mail`) sent by queued jobs on the shared leased-delivery rules.
 */
@Module({
  providers: [AccountMailDelivery, AccountMailQueue, SendAccountMailJob, SweepAccountMailJob],
  exports: [AccountMailQueue],
})
export class AccountMailModule {}
