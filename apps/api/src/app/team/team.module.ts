import { Module } from '@nestjs/common';
import { AccountMailModule } from '../account-mail/account-mail.module';
import { AuthModule } from '../auth/auth.module';
import { PublicTeamInvitationsController } from './public-team-invitations.controller';
import { TeamAcceptanceService } from './team-acceptance.service';
import { TeamController } from './team.controller';
import { TeamService } from './team.service';

/** Team and accounts (issue 13): a firm's staff, their roles, and inviting new ones. */
@Module({
  imports: [AuthModule, AccountMailModule],
  controllers: [TeamController, PublicTeamInvitationsController],
  providers: [TeamService, TeamAcceptanceService],
})
export class TeamModule {}
