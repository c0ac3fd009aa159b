import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth } from '../auth/decorators';
import type { UiLang } from '../common/app-error';
import { ParseId } from '../common/parse-id';
import { RequestLanguage } from '../common/request-language';
import {
  BulkCreatedDto,
  BulkInvitationDto,
  BulkProgressDto,
  InvitationDto,
  InvitationPageDto,
  ListInvitationsQuery,
} from './dto/invitation.dto';
import { InvitationBulkService } from './invitation-bulk.service';
import { InvitationsService } from './invitations.service';

/** Firm staff (admins and members): activate clients, follow, resend and revoke their invitations. */
@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly bulk: InvitationBulkService,
  ) {}

  /** Activate one client: 201 with its invitation, queued; 409/422 with the reason when it cannot be. */
  @Post('clients/:id/invitations')
  @ApiCreatedResponse({ type: InvitationDto })
  activate(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) clientId: string,
  ): Promise<InvitationDto> {
    return this.invitations.activate(auth, clientId);
  }

  @Get('invitations')
  @ApiOkResponse({ type: InvitationPageDto })
  list(@CurrentAuth() auth: AuthContext, @Query() query: ListInvitationsQuery): Promise<InvitationPageDto> {
    return this.invitations.list(auth, query);
  }

  /** Activate many clients: answers at once with the run's id; the invitations are created in the background. */
  @Post('invitations/bulk')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: BulkCreatedDto })
  startBulk(@CurrentAuth() auth: AuthContext, @Body() body: BulkInvitationDto): Promise<BulkCreatedDto> {
    return this.bulk.start(auth, body);
  }

  /** The firm's latest bulk runs with their progress (to pick a running one up again). */
  @Get('invitations/bulk')
  @ApiOkResponse({ type: [BulkProgressDto] })
  recentBulk(@CurrentAuth() auth: AuthContext, @RequestLanguage() lang: UiLang): Promise<BulkProgressDto[]> {
    return this.bulk.recent(auth, lang);
  }

  @Get('invitations/bulk/:id')
  @ApiOkResponse({ type: BulkProgressDto })
  bulkProgress(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @RequestLanguage() lang: UiLang,
  ): Promise<BulkProgressDto> {
    return this.bulk.progress(auth, id, lang);
  }

  @Get('invitations/:id')
  @ApiOkResponse({ type: InvitationDto })
  get(@CurrentAuth() auth: AuthContext, @Param('id', ParseId()) id: string): Promise<InvitationDto> {
    return this.invitations.get(auth, id);
  }

  /** A new invitation for the same client; the previous link stops working. */
  @Post('invitations/:id/resend')
  @ApiCreatedResponse({ type: InvitationDto })
  resend(@CurrentAuth() auth: AuthContext, @Param('id', ParseId()) id: string): Promise<InvitationDto> {
    return this.invitations.resend(auth, id);
  }

  @Post('invitations/:id/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: InvitationDto })
  revoke(@CurrentAuth() auth: AuthContext, @Param('id', ParseId()) id: string): Promise<InvitationDto> {
    return this.invitations.revoke(auth, id);
  }
}
