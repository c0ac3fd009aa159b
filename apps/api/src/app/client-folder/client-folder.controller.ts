import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Roles } from '../auth/decorators';
import { ParseId } from '../common/parse-id';
import { ClientFolderService } from './client-folder.service';
import { ClientFolderDto } from './dto/client-folder.dto';

/** A client's own space, and the same view for its firm's staff ("Open client folder"). */
@ApiTags('client-folder')
@Controller()
export class ClientFolderController {
  constructor(private readonly folders: ClientFolderService) {}

  /** The signed-in client user's own folder. */
  @Roles('client')
  @Get('folder')
  @ApiOkResponse({ type: ClientFolderDto })
  own(@CurrentAuth() auth: AuthContext): Promise<ClientFolderDto> {
    return this.folders.own(auth);
  }

  /** Staff: any client of the firm. A client user: its own id only (any other id is unknown, 404). */
  @Roles('admin', 'member', 'client')
  @Get('clients/:id/folder')
  @ApiOkResponse({ type: ClientFolderDto })
  byId(@CurrentAuth() auth: AuthContext, @Param('id', ParseId()) id: string): Promise<ClientFolderDto> {
    return this.folders.byId(auth, id);
  }
}
