import { computed, type Signal } from '@angular/core';
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

/**
 * The message of a resource's loading error, in the user's language, or null while it has none (what
 * psl-load-error shows).
 */
export function loadErrorMessage(resource: { error(): unknown }, i18n: I18n): Signal<string | null> {
  return computed(() => {
    const error = resource.error();
    return error ? describeError(error, i18n).message : null;
  });
}
