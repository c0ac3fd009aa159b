import { HttpErrorResponse } from '@angular/common/http';
import { effect, signal, untracked, type Signal } from '@angular/core';
import type { ApiError } from '@passerelle/api-types';
import { firstValueFrom, type Observable } from 'rxjs';

/** What a page opened from an e-mail link shows. */
export type LinkPageState<T> =
  | { kind: 'loading' }
  | { kind: 'ready'; value: T }
  /** The link cannot be used (unknown, expired, replaced, used): one neutral message, the API's. */
  | { kind: 'invalid'; message: string }
  /** Loading failed for another reason (network, server): retry. */
  | { kind: 'error'; message: string };

export interface LinkPage<T> {
  readonly state: Signal<LinkPageState<T>>;
  /** Loads (again) what the link designates. */
  load(token: string): Promise<void>;
  /**
   * A submission failed: when the link itself went bad meanwhile (404), the page turns to its neutral "not
   * valid" state and this answers null; otherwise the error, described, is for the form to show (the
   * `describe` of formSubmit).
   */
  submitError(error: unknown): ApiError | null;
}

/**
 * The state of a page opened from an e-mail link (client invitation, team invitation, password reset): it
 * loads what the route's token designates whenever the token changes; a 404 is the link's neutral "not
 * valid" page, any other failure offers a retry. `describe` turns an error into the API error to show. Call
 * in an injection context (a field initializer).
 */
export function linkPage<T>(
  token: Signal<string>,
  fetch: (token: string) => Observable<T>,
  describe: (error: unknown) => ApiError,
): LinkPage<T> {
  const state = signal<LinkPageState<T>>({ kind: 'loading' });
  const failure = (error: unknown): LinkPageState<T> => {
    const { message } = describe(error);
    return error instanceof HttpErrorResponse && error.status === 404
      ? { kind: 'invalid', message }
      : { kind: 'error', message };
  };
  const load = async (value: string): Promise<void> => {
    state.set({ kind: 'loading' });
    try {
      state.set({ kind: 'ready', value: await firstValueFrom(fetch(value)) });
    } catch (error) {
      state.set(failure(error));
    }
  };
  effect(() => {
    const value = token();
    untracked(() => void load(value));
  });
  return {
    state: state.asReadonly(),
    load,
    submitError: (error) => {
      const next = failure(error);
      if (next.kind !== 'invalid') return describe(error);
      state.set(next);
      return null;
    },
  };
}
