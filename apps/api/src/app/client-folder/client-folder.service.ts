import { Injectable } from '@nestjs/common';
import { Tenancy } from '../../database/tenancy';
import type { AuthContext } from '../auth/decorators';
import { ClientsService } from '../clients/clients.service';
import { AppError } from '../common/app-error';
import { clientInvitations } from '../invitations/invitation-rows';
import { ClientFolderDto } from './dto/client-folder.dto';

/**
 * One view of a client's folder: its profile (the clients API's own ClientDto), its firm and its invitation
 * history. A client user reaches only its own client; its transactions also carry `app.client_id`, which
 * client-scoped policies (documents) read.
 */
@Injectable()
export class ClientFolderService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly clients: ClientsService,
  ) {}

  own(auth: AuthContext): Promise<ClientFolderDto> {
    if (!auth.clientId) throw AppError.notFound();
    return this.byId(auth, auth.clientId);
  }

  async byId(auth: AuthContext, clientId: string): Promise<ClientFolderDto> {
    if (auth.role === 'client' && auth.clientId !== clientId) throw AppError.notFound();
    const client = await this.clients.get(auth, clientId);
    const scope = auth.role === 'client' ? { firmId: auth.firmId, clientId } : { firmId: auth.firmId };
    return this.tenancy.scoped(scope, async (em) => {
      const firm: { id: string; name: string }[] = await em.query(`SELECT id, name FROM firm WHERE id = $1`, [
        auth.firmId,
      ]);
      return { client, firm: firm[0], invitations: await clientInvitations(em, clientId) };
    });
  }
}
