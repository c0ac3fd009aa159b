import { Controller } from '@nestjs/common';
import { PublicLinkController } from '../invitations/public-link.controller';
import { PublicTeamInvitationDto } from './dto/team.dto';
import { TeamAcceptanceService } from './team-acceptance.service';

/**
 * What the link of a team invitation opens (see PublicLinkController); accepting creates the account with
 * the invited role. An unknown, expired, replaced, cancelled or used link answers 404
 * `team_invitation_invalid`; an address that has an account meanwhile, 409 `account_email_taken`.
 */
@Controller('public/team-invitations')
export class PublicTeamInvitationsController extends PublicLinkController({
  view: PublicTeamInvitationDto,
  invalidCode: 'team_invitation_invalid',
  conflictCode: 'account_email_taken',
}) {
  constructor(protected readonly acceptance: TeamAcceptanceService) {
    super();
  }
}
