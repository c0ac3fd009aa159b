import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ParseId } from '../common/parse-id';
import { AuthContext, CurrentAuth, Roles } from '../auth/decorators';
import { AccountingSoftwareService } from './accounting-software.service';
import {
  AccountingProductDto,
  AccountingSoftwareConfigDto,
  SaveAccountingSoftwareConfigDto,
} from './dto/accounting-software.dto';

@ApiTags('accounting-software')
@Controller('accounting-software')
export class AccountingSoftwareController {
  constructor(private readonly service: AccountingSoftwareService) {}

  @Get('catalogue')
  @ApiOkResponse({ type: [AccountingProductDto] })
  catalogue(): AccountingProductDto[] {
    return this.service.catalogue();
  }

  @Get('configs')
  @ApiOkResponse({ type: [AccountingSoftwareConfigDto] })
  list(@CurrentAuth() auth: AuthContext): Promise<AccountingSoftwareConfigDto[]> {
    return this.service.list(auth);
  }

  /** Members may create one too: the client form's "Configure a new one". */
  @Post('configs')
  @ApiOkResponse({ type: AccountingSoftwareConfigDto })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: SaveAccountingSoftwareConfigDto,
  ): Promise<AccountingSoftwareConfigDto> {
    return this.service.create(auth, body);
  }

  @Roles('admin')
  @Put('configs/:id')
  @ApiOkResponse({ type: AccountingSoftwareConfigDto })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @Body() body: SaveAccountingSoftwareConfigDto,
  ): Promise<AccountingSoftwareConfigDto> {
    return this.service.update(auth, id, body);
  }

  @Roles('admin')
  @Post('configs/:id/default')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountingSoftwareConfigDto })
  setDefault(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
  ): Promise<AccountingSoftwareConfigDto> {
    return this.service.setDefault(auth, id);
  }
}
