// Request/response types of the Passerelle API. `lib/api.d.ts` is generated from the API's OpenAPI
// document by tools/api-types/generate.sh (`npx nx run api-types:generate`); never edit it by hand.
import type { components, operations, paths } from './lib/api';

export type { components, operations, paths };

type Schemas = components['schemas'];

export type MeDto = Schemas['MeDto'];
export type UserDto = Schemas['UserDto'];
export type FirmDto = Schemas['FirmDto'];
export type SignupRequest = Schemas['SignupDto'];
export type LoginRequest = Schemas['LoginDto'];
export type UpdatePreferencesRequest = Schemas['UpdatePreferencesDto'];
export type UpdateMeRequest = Schemas['UpdateMeDto'];
export type ChangePasswordRequest = Schemas['ChangePasswordDto'];
export type SessionDto = Schemas['SessionDto'];
export type EndedSessionsDto = Schemas['EndedSessionsDto'];
export type HealthDto = Schemas['HealthDto'];
export type ApiError = Schemas['ApiErrorDto'];
export type FieldError = Schemas['FieldErrorDto'];
export type OutboxEntry = Schemas['OutboxEntryDto'];
export type OutboxMessage = Schemas['OutboxMessageDto'];
export type UiLanguage = UserDto['language'];
export type UserRole = UserDto['role'];
export type ClientDto = Schemas['ClientDto'];
export type SaveClientRequest = Schemas['SaveClientDto'];
export type SavedClientDto = Schemas['SavedClientDto'];
export type ClientWarning = Schemas['ClientWarningDto'];
export type ClientPage = Schemas['ClientPageDto'];
export type TimelineEvent = Schemas['TimelineEventDto'];
export type DashboardDto = Schemas['DashboardDto'];
export type ActivityDto = Schemas['ActivityDto'];
export type AttentionItemDto = Schemas['AttentionItemDto'];
export type ListClientsQuery = NonNullable<operations['Clients_list']['parameters']['query']>;
export type AccountingProduct = Schemas['AccountingProductDto'];
export type AccountingSoftwareConfig = Schemas['AccountingSoftwareConfigDto'];
export type SaveAccountingSoftwareConfigRequest = Schemas['SaveAccountingSoftwareConfigDto'];
// Client documents (issue 12)
export type DocumentDto = Schemas['DocumentDto'];
export type DocumentDelivery = Schemas['DocumentDeliveryDto'];
export type DocumentPage = Schemas['DocumentPageDto'];
export type UploadedDocument = Schemas['UploadedDocumentDto'];
export type UploadResult = Schemas['UploadResultDto'];
// Activation (issue 9)
export type InvitationDto = Schemas['InvitationDto'];
export type InvitationStatus = InvitationDto['status'];
export type InvitationPage = Schemas['InvitationPageDto'];
export type ListInvitationsQuery = NonNullable<operations['Invitations_list']['parameters']['query']>;
export type BulkInvitationRequest = Schemas['BulkInvitationDto'];
export type BulkClientFilter = Schemas['BulkClientFilterDto'];
export type BulkCreated = Schemas['BulkCreatedDto'];
export type BulkProgress = Schemas['BulkProgressDto'];
export type BulkSkippedClient = Schemas['BulkSkippedClientDto'];
export type PublicInvitation = Schemas['PublicInvitationDto'];
export type AcceptInvitationRequest = Schemas['AcceptInvitationDto'];
export type ClientFolder = Schemas['ClientFolderDto'];
// Team and accounts (issue 13)
export type TeamDto = Schemas['TeamDto'];
export type TeamMember = Schemas['TeamMemberDto'];
export type TeamInvitation = Schemas['TeamInvitationDto'];
export type TeamRole = TeamMember['role'];
export type InviteTeamMemberRequest = Schemas['InviteTeamMemberDto'];
export type ChangeRoleRequest = Schemas['ChangeRoleDto'];
export type PublicTeamInvitation = Schemas['PublicTeamInvitationDto'];
export type PasswordResetRequest = Schemas['PasswordResetRequestDto'];
export type PasswordResetLink = Schemas['PasswordResetLinkDto'];
export type PasswordResetBody = Schemas['PasswordResetDto'];
// Bulk import (issues 10 and 11)
export type ImportBatch = Schemas['ImportBatchDto'];
export type ImportStatus = ImportBatch['status'];
export type ImportSummary = Schemas['ImportSummaryDto'];
export type ImportBatchPage = Schemas['ImportBatchPageDto'];
export type ImportIssue = Schemas['ImportIssueDto'];
export type ImportIssuePage = Schemas['ImportIssuePageDto'];
export type ImportIssuesQuery = NonNullable<operations['Imports_errors']['parameters']['query']>;
export type ImportRow = Schemas['ImportRowDto'];
export type CorrectRowRequest = Schemas['CorrectRowDto'];
export type ImportedClient = Schemas['ImportedClientDto'];
export type ImportedClientPage = Schemas['ImportedClientPageDto'];
export type ImportLimits = Schemas['ImportLimitsDto'];
export type MappingSuggestion = Schemas['MappingSuggestionDto'];
export type SaveMappingRequest = Schemas['SaveMappingDto'];
export type ChangeLayoutRequest = Schemas['ChangeLayoutDto'];
export type ImportMode = Schemas['RunImportDto']['mode'];
export type SavedMapping = Schemas['SavedMappingDto'];
