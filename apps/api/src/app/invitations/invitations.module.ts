import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ClientsModule } from '../clients/clients.module';
import { InvitationAcceptanceService } from './invitation-acceptance.service';
import { InvitationBulkService } from './invitation-bulk.service';
import { InvitationDelivery } from './invitation-delivery';
import {
  ExpandBulkJob,
  RemindInvitationJob,
  SendInvitationJob,
  SweepInvitationsJob,
} from './invitation-jobs';
import { InvitationMail } from './invitation-mail';
import { InvitationQueue } from './invitation-queue.service';
import { InvitationSweeper } from './invitation-sweeper';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { PublicInvitationsController } from './public-invitations.controller';

/** Activation (issue 9): invitations, their delivery through the queue, acceptance. */
@Module({
  imports: [AuthModule, ClientsModule],
  controllers: [InvitationsController, PublicInvitationsController],
  providers: [
    InvitationsService,
    InvitationBulkService,
    InvitationAcceptanceService,
    InvitationDelivery,
    InvitationMail,
    InvitationQueue,
    InvitationSweeper,
    SendInvitationJob,
    RemindInvitationJob,
    ExpandBulkJob,
    SweepInvitationsJob,
  ],
  exports: [InvitationsService],
})
export class InvitationsModule {}
