import type { ApiError } from '@passerelle/api-types';
import { NETWORK_ERROR, toApiError } from '@passerelle/web-data-access-auth';
import { I18n } from '@passerelle/web-util-i18n';

/**
 * The API's error shape with a message ready to show: the API's own (already in the user's language),
 * or a translated fallback for network and unexpected failures — as AuthStore does.
 */
export function describeError(error: unknown, i18n: I18n): ApiError {
  const apiError = toApiError(error);
  if (apiError.message) return apiError;
  const key = apiError.code === NETWORK_ERROR ? 'errors.network' : 'errors.unexpected';
  return { ...apiError, message: i18n.t(key) };
}
