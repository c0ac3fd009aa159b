import type { ParamMap, Params } from '@angular/router';
import type { InvitationStatus } from '@passerelle/api-types';
import { INVITATION_STATUSES } from '@passerelle/domain-client';
import type { InvitationFilters } from '@passerelle/web-data-access-invitations';

export const INVITATION_PAGE_SIZES = [10, 25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;

/** The page's state lives in its URL: `?status=failed&page=2&pageSize=50`. */
export function filtersFromParams(params: ParamMap): InvitationFilters {
  const status = params.get('status');
  const page = Number(params.get('page') ?? '1');
  const pageSize = Number(params.get('pageSize') ?? DEFAULT_PAGE_SIZE);
  return {
    pageIndex: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
    pageSize: (INVITATION_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    status: (INVITATION_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as InvitationStatus)
      : undefined,
  };
}

export function filtersToParams(filters: InvitationFilters): Params {
  return {
    status: filters.status ?? null,
    page: filters.pageIndex > 0 ? filters.pageIndex + 1 : null,
    pageSize: filters.pageSize !== DEFAULT_PAGE_SIZE ? filters.pageSize : null,
  };
}

/** Invitations staff may resend together: the ones that ended without reaching the client. */
export function isBulkResendable(status: InvitationStatus): boolean {
  return status === 'failed' || status === 'expired';
}
