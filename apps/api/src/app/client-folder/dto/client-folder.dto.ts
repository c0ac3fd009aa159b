import { ApiProperty } from '@nestjs/swagger';
import { FirmDto } from '../../auth/dto/auth.dto';
import { ClientDto } from '../../clients/dto/client.dto';
import { InvitationDto } from '../../invitations/dto/invitation.dto';

export class ClientFolderDto {
  @ApiProperty({ type: ClientDto, description: "The client's profile" }) client!: ClientDto;
  @ApiProperty({ type: FirmDto, description: 'Its accounting firm' }) firm!: FirmDto;
  @ApiProperty({ type: [InvitationDto], description: 'Its invitations, newest first' })
  invitations!: InvitationDto[];
}
