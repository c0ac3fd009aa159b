import { Module } from '@nestjs/common';
import { AccountingSoftwareModule } from '../accounting-software/accounting-software.module';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';

@Module({
  imports: [AccountingSoftwareModule],
  controllers: [ClientsController],
  providers: [ClientsService],
  exports: [ClientsService],
})
export class ClientsModule {}
