import { Controller } from '@nestjs/common';
import { PublicInvitationDto } from './dto/invitation.dto';
import { InvitationAcceptanceService } from './invitation-acceptance.service';
import { PublicLinkController } from './public-link.controller';

/**
 * What the link in a client's invitation e-mail opens (see PublicLinkController); accepting creates the
 * client's account, and the client becomes `active`. An unknown, expired, revoked or used link answers 404
 * `invitation_invalid`.
 */
@Controller('public/invitations')
export class PublicInvitationsController extends PublicLinkController({
  view: PublicInvitationDto,
  invalidCode: 'invitation_invalid',
}) {
  constructor(protected readonly acceptance: InvitationAcceptanceService) {
    super();
  }
}
