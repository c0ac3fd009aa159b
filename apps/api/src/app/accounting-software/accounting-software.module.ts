import { Module } from '@nestjs/common';
import { AccountingSoftwareController } from './accounting-software.controller';
import { AccountingSoftwareService } from './accounting-software.service';

@Module({
  controllers: [AccountingSoftwareController],
  providers: [AccountingSoftwareService],
  exports: [AccountingSoftwareService],
})
export class AccountingSoftwareModule {}
