import { Body, Controller, Delete, Get, HttpCode, Param, Patch } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthContext, CurrentAuth, Roles } from '../auth/decorators';
import { ParseId } from '../common/parse-id';
import { RenameMappingDto, SavedMappingDto } from './mappings.dto';
import { MappingsService } from './mappings.service';

@ApiTags('mappings')
@Controller('mappings')
export class MappingsController {
  constructor(private readonly mappings: MappingsService) {}

  @Get()
  @ApiOkResponse({ type: [SavedMappingDto] })
  list(@CurrentAuth() auth: AuthContext): Promise<SavedMappingDto[]> {
    return this.mappings.list(auth);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: SavedMappingDto })
  rename(
    @CurrentAuth() auth: AuthContext,
    @Param('id', ParseId()) id: string,
    @Body() body: RenameMappingDto,
  ): Promise<SavedMappingDto> {
    return this.mappings.rename(auth, id, body.name);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentAuth() auth: AuthContext, @Param('id', ParseId()) id: string): Promise<void> {
    return this.mappings.remove(auth, id);
  }
}
