import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Roles } from '../auth/decorators';
import { ApiErrorDto } from '../common/api-error.dto';
import { ParseId } from '../common/parse-id';
import {
  ChangeRoleDto,
  InviteTeamMemberDto,
  TeamDto,
  TeamInvitationDto,
  TeamMemberDto,
} from './dto/team.dto';
import { TeamService } from './team.service';

/** The firm's team: admins manage it; members only read the list. */
@ApiTags('team')
@Controller('team')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  /** Members and (for admins) pending invitations. */
  @Get()
  @ApiOkResponse({ type: TeamDto })
  list(@CurrentAuth() auth: AuthContext): Promise<TeamDto> {
    return this.team.list(auth);
  }

  /** Invites a colleague by e-mail; 409 when the address has an account or a pending invitation. */
  @Roles('admin')
  @Post('invitations')
  @ApiCreatedResponse({ type: TeamInvitationDto })
  @ApiConflictResponse({
    type: ApiErrorDto,
    description: '`already_member`, `email_has_account` or `team_invitation_pending`',
  })
  invite(@CurrentAuth() auth: AuthContext, @Body() body: InviteTeamMemberDto): Promise<TeamInvitationDto> {
    return this.team.invite(auth, body);
  }

  @Roles('admin')
  @Post('invitations/:id/resend')
  @HttpCode(200)
  @ApiOkResponse({ type: TeamInvitationDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '`team_invitation_closed`' })
  resend(@CurrentAuth() auth: AuthContext, @Param('id', ParseId()) id: string): Promise<TeamInvitationDto> {
    return this.team.resend(auth, id);
  }

  @Roles('admin')
  @Delete('invitations/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ApiErrorDto, description: '`team_invitation_closed`' })
  async revoke(@CurrentAuth() auth: AuthContext, @Param('id', ParseId()) id: string): Promise<void> {
    await this.team.revoke(auth, id);
  }

  /** Changes a member's role, from the member's next request on. */
  @Roles('admin')
  @Patch(':userId')
  @ApiOkResponse({ type: TeamMemberDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '`last_admin`' })
  changeRole(
    @CurrentAuth() auth: AuthContext,
    @Param('userId', ParseId()) userId: string,
    @Body() body: ChangeRoleDto,
  ): Promise<TeamMemberDto> {
    return this.team.changeRole(auth, userId, body.role);
  }

  /** Ends the user's sessions at once; signing in is refused until reactivated. */
  @Roles('admin')
  @Post(':userId/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: TeamMemberDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '`last_admin`' })
  deactivate(
    @CurrentAuth() auth: AuthContext,
    @Param('userId', ParseId()) userId: string,
  ): Promise<TeamMemberDto> {
    return this.team.deactivate(auth, userId);
  }

  @Roles('admin')
  @Post(':userId/reactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: TeamMemberDto })
  reactivate(
    @CurrentAuth() auth: AuthContext,
    @Param('userId', ParseId()) userId: string,
  ): Promise<TeamMemberDto> {
    return this.team.reactivate(auth, userId);
  }
}
