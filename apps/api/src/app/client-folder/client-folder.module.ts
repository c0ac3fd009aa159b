import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { ClientFolderController } from './client-folder.controller';
import { ClientFolderService } from './client-folder.service';

@Module({ imports: [ClientsModule], controllers: [ClientFolderController], providers: [ClientFolderService] })
export class ClientFolderModule {}
