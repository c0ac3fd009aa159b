import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { WelcomeMailJob } from './welcome-mail.job';

@Global()
@Module({ providers: [MailService, WelcomeMailJob], exports: [MailService] })
export class MailModule {}
