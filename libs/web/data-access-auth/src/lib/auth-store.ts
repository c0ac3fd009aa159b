import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ApiError,
  ChangePasswordRequest,
  EndedSessionsDto,
  LoginRequest,
  MeDto,
  SessionDto,
  SignupRequest,
  UpdateMeRequest,
  UpdatePreferencesRequest,
} from '@passerelle/api-types';
import { I18n, Lang, isLang } from '@passerelle/web-util-i18n';
import { Observable, firstValueFrom } from 'rxjs';
import { NETWORK_ERROR, toApiError } from './api-error';

const ME_URL = '/api/auth/me';

/**
 * The signed-in user and firm, as signals, over the API's session-cookie auth.
 *
 * Failed calls reject with an `ApiError` whose `message` is ready to show (the API's own message,
 * or a translated fallback for network and unexpected failures).
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18n);
  private readonly current = signal<MeDto | null>(null);
  private readonly pending = signal(0);
  private firstLoad?: Promise<MeDto | null>;

  /** The signed-in user and firm; null when signed out (or not loaded yet). */
  readonly me = this.current.asReadonly();
  /** True while a session call (load, login, sign-up, logout) is in flight. */
  readonly loading = computed(() => this.pending() > 0);
  readonly signedIn = computed(() => this.current() !== null);

  /**
   * Loads the session once (GET /api/auth/me). Called at start-up: besides telling who is signed in,
   * that first answer sets the XSRF-TOKEN cookie that every later POST/PATCH must echo.
   * Never rejects: an unreachable API counts as signed out.
   */
  ensureLoaded(): Promise<MeDto | null> {
    this.firstLoad ??= this.reload().catch(() => null);
    return this.firstLoad;
  }

  /** Asks the API who is signed in; resolves null on 401. */
  async reload(): Promise<MeDto | null> {
    try {
      return this.signIn(await this.track(firstValueFrom(this.http.get<MeDto>(ME_URL))));
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        this.current.set(null);
        return null;
      }
      throw this.describe(error);
    }
  }

  async login(request: LoginRequest): Promise<MeDto> {
    return this.signIn(await this.call(this.http.post<MeDto>('/api/auth/login', request)));
  }

  /** Creates the firm and its admin; the new account starts in the language currently shown. */
  async signup(request: SignupRequest): Promise<MeDto> {
    const body: SignupRequest = { language: this.i18n.lang(), ...request };
    return this.signIn(await this.call(this.http.post<MeDto>('/api/auth/signup', body)));
  }

  async logout(): Promise<void> {
    try {
      await this.call(this.http.post<void>('/api/auth/logout', null));
    } finally {
      this.current.set(null);
    }
  }

  /** Forgets the session locally (e.g. after a 401 from another endpoint). */
  clear(): void {
    this.current.set(null);
  }

  /**
   * Switches the UI language (as soon as its dictionary is loaded); when signed in, also saves it as the
   * user's preference so the next sign-in (on any browser) opens in that language. Both go at once; the
   * promise settles when both are done.
   */
  async changeLanguage(language: Lang): Promise<void> {
    const switched = this.i18n.use(language);
    if (!this.current()) return switched;
    const body: UpdatePreferencesRequest = { language };
    try {
      const [me] = await Promise.all([
        firstValueFrom(this.http.patch<MeDto>(`${ME_URL}/preferences`, body)),
        switched,
      ]);
      this.current.set(me);
    } catch (error) {
      throw this.describe(error);
    }
  }

  /** Saves the user's own name and/or language; the shell shows the new name at once. */
  async updateMe(request: UpdateMeRequest): Promise<MeDto> {
    return this.signIn(await this.call(this.http.patch<MeDto>(ME_URL, request)));
  }

  /** Current + new password; the API ends every other session of the user. */
  async changePassword(request: ChangePasswordRequest): Promise<void> {
    await this.call(this.http.post<void>(`${ME_URL}/password`, request));
  }

  /** The user's live sessions (browser, last activity), the current one flagged. */
  sessions(): Promise<SessionDto[]> {
    return this.call(this.http.get<SessionDto[]>('/api/auth/sessions'));
  }

  async endSession(id: string): Promise<void> {
    await this.call(this.http.delete<void>(`/api/auth/sessions/${encodeURIComponent(id)}`));
  }

  async endOtherSessions(): Promise<number> {
    return (await this.call(this.http.post<EndedSessionsDto>('/api/auth/sessions/end-others', null))).ended;
  }

  /**
   * The user's saved language wins over the one chosen before signing in: it is on screen before the user is
   * (so the signed-in pages never show in the previous language first). A dictionary that cannot be fetched
   * leaves the current language; the sign-in still succeeds.
   */
  private async signIn(me: MeDto): Promise<MeDto> {
    if (isLang(me.user.language)) await this.i18n.use(me.user.language).catch(() => undefined);
    this.current.set(me);
    return me;
  }

  private async call<T>(request: Observable<T>): Promise<T> {
    try {
      return await this.track(firstValueFrom(request));
    } catch (error) {
      throw this.describe(error);
    }
  }

  private async track<T>(promise: Promise<T>): Promise<T> {
    this.pending.update((n) => n + 1);
    try {
      return await promise;
    } finally {
      this.pending.update((n) => n - 1);
    }
  }

  private describe(error: unknown): ApiError {
    const apiError = toApiError(error);
    if (apiError.message) return apiError;
    const key = apiError.code === NETWORK_ERROR ? 'errors.network' : 'errors.unexpected';
    return { ...apiError, message: this.i18n.t(key) };
  }
}
