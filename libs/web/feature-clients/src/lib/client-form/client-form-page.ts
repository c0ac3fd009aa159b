import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Location } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { AccountingSoftwareConfig, ApiError, ClientDto, SaveClientRequest } from '@passerelle/api-types';
import {
  FIELD_LABELS,
  FieldKey,
  SUPPORTED_LANGUAGES,
  formatFieldError,
  isFieldKey,
} from '@passerelle/domain-client';
import { validateClient } from '@passerelle/domain-validators';
import { AccountingSoftwareApi, ClientsApi, describeError } from '@passerelle/web-data-access-clients';
import { countryName, languageOptions } from '@passerelle/web-ui-clients';
import { LoadError } from '@passerelle/web-ui-common';
import { I18n, LANGUAGES, TranslatePipe } from '@passerelle/web-util-i18n';
import { firstValueFrom, map, of, startWith, throwError } from 'rxjs';
import { isClientId, safeReturnUrl } from '../client-id';
import { countryCode, countryOptions, filterCountries } from './country-options';
import { NewSoftwareDialog } from './new-software-dialog';

/**
 * /clients/new and /clients/:id/edit. The shared validators (the API's own rules) run on every change,
 * so a field shows the API's message as soon as it is touched; the API's field errors land on their
 * field too and stay until that field is edited.
 */
@Component({
  selector: 'psl-client-form-page',
  imports: [
    LoadError,
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-form-page.html',
  styleUrl: './client-form-page.scss',
})
export class ClientFormPage {
  private readonly clientsApi = inject(ClientsApi);
  private readonly softwareApi = inject(AccountingSoftwareApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** Handed over by the page that opened the form (list with its filters, client page). */
  private readonly returnUrl: unknown = (inject(Location).getState() as { returnUrl?: unknown } | null)
    ?.returnUrl;
  protected readonly i18n = inject(I18n);

  /** Route parameter (component input binding); absent on /clients/new. */
  readonly id = input<string | undefined>(undefined);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [''],
    address: [''],
    postalCode: [''],
    city: [''],
    country: [''],
    ice: [''],
    taxId: [''],
    iban: [''],
    contactName: [''],
    contactEmail: [''],
    language: ['fr'],
    contactLanguage: ['fr'],
    shareDocuments: [false],
    accountingSoftwareId: [''],
  });

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      map(() => this.form.getRawValue()),
      startWith(this.form.getRawValue()),
    ),
    { requireSync: true },
  );

  protected readonly languages = SUPPORTED_LANGUAGES;
  protected readonly saving = signal(false);
  protected readonly generalError = signal<string | null>(null);
  /** Someone saved this client since it was loaded: the save was refused (409 edit_conflict), nothing lost. */
  protected readonly conflict = signal<string | null>(null);
  /** The version of the record the form was filled from, sent back so a stale save is refused. */
  private version: number | undefined;
  /** Message shown under each field: the API's (until edited) or the shared validators'. */
  protected readonly fieldErrors = signal<Partial<Record<FieldKey, string>>>({});
  private readonly serverErrors = new Map<FieldKey, string>();

  protected readonly client = rxResource({
    params: () => this.id(),
    stream: ({ params: id }) =>
      !id
        ? of(null)
        : isClientId(id)
          ? this.clientsApi.get(id)
          : throwError(() => new HttpErrorResponse({ status: 404, statusText: 'Not Found' })),
  });
  protected readonly configs = signal<AccountingSoftwareConfig[]>([]);
  protected readonly configsLoading = signal(true);
  protected readonly configsError = signal(false);

  protected readonly editing = computed(() => this.id() !== undefined);
  /** Not found (or a malformed id in the URL): the same page; anything else can be retried. */
  protected readonly loadError = computed(() => {
    const error = this.client.error();
    if (!error) return null;
    const apiError = describeError(error, this.i18n);
    return apiError.statusCode === 404 || apiError.statusCode === 400
      ? { message: this.i18n.t('clientForm.notFound'), retry: false }
      : { message: apiError.message, retry: true };
  });
  protected readonly backUrl = computed(() => {
    const id = this.id();
    return safeReturnUrl(this.returnUrl, id ? `/clients/${id}` : '/clients');
  });
  protected readonly sharing = computed(() => this.value().shareDocuments);
  private readonly countryCode = computed(() => countryCode(this.value().country, LANGUAGES));
  protected readonly moroccan = computed(() => this.countryCode() === 'MA');
  /** Once a country other than Morocco is chosen, the ICE hint says it does not apply. */
  protected readonly abroad = computed(() => this.countryCode() !== undefined && !this.moroccan());
  protected readonly selectedSoftware = computed(() =>
    this.configs().find((config) => config.id === this.value().accountingSoftwareId),
  );
  protected readonly countryMatches = computed(() =>
    filterCountries(countryOptions(this.i18n.lang()), this.value().country).slice(0, 60),
  );
  /** "Maroc" under the field when « المغرب » was typed: the user sees what was understood. */
  protected readonly resolvedCountry = computed(() => {
    const code = countryCode(this.value().country, LANGUAGES);
    return code ? `${countryName(code, this.i18n.lang())} (${code})` : null;
  });
  /** Every language the domain accepts, named in the UI language, the common ones first. */
  protected readonly languageOptions = computed(() => languageOptions(this.languages, this.i18n.lang()));

  constructor() {
    let previous = this.form.getRawValue();
    this.form.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(() => {
      const current = this.form.getRawValue();
      for (const key of Object.keys(current) as (keyof typeof current)[]) {
        if (current[key] !== previous[key] && isFieldKey(key)) this.serverErrors.delete(key);
      }
      previous = current;
      this.validate();
    });
    // Messages follow the UI language.
    effect(() => {
      this.i18n.lang();
      untracked(() => this.validate());
    });
    effect(() => {
      const client = this.client.value();
      if (client) untracked(() => this.fill(client));
    });
    void this.loadConfigs();
    // Turning sharing on picks the firm's default configuration.
    effect(() => {
      if (!this.sharing()) return;
      const control = this.form.controls.accountingSoftwareId;
      const fallback = this.configs().find((c) => c.isDefault) ?? this.configs()[0];
      if (!untracked(() => control.value) && fallback) control.setValue(fallback.id);
    });
  }

  protected label(field: FieldKey): string {
    return FIELD_LABELS[field][this.i18n.lang()];
  }

  protected errorOf(field: FieldKey): string {
    return this.fieldErrors()[field] ?? '';
  }

  protected onCountryBlur(): void {
    // Keep what was typed (any language is accepted); only tidy the spaces.
    const control = this.form.controls.country;
    const trimmed = control.value.trim();
    if (trimmed !== control.value) control.setValue(trimmed);
  }

  /** A dialog: its own title and buttons; focus comes back to the button when it closes. */
  protected async openNewSoftware(): Promise<void> {
    // The form's "fix the fields" banner is about the client, not about this dialog.
    this.generalError.set(null);
    const ref = this.dialog.open<NewSoftwareDialog, void, AccountingSoftwareConfig>(NewSoftwareDialog, {
      width: 'min(640px, calc(100vw - 32px))',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
    });
    const created = await firstValueFrom(ref.afterClosed());
    if (!created) return;
    this.configs.update((configs) => [...configs, created]);
    this.configsError.set(false);
    this.form.controls.accountingSoftwareId.setValue(created.id);
    this.snackBar.open(this.i18n.t('accountingSoftware.savedNamed', { label: created.label }), undefined, {
      duration: 4000,
    });
  }

  protected cancel(): void {
    void this.router.navigateByUrl(this.backUrl());
  }

  /** Reloads the record someone else saved (the form shows their version; the user redoes their edit). */
  protected reloadAfterConflict(): void {
    this.conflict.set(null);
    this.generalError.set(null);
    this.serverErrors.clear();
    this.client.reload();
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    this.generalError.set(null);
    this.conflict.set(null);
    this.validate();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.generalError.set(this.i18n.t('clientForm.fixErrors'));
      this.focusFirstError();
      return;
    }
    this.saving.set(true);
    try {
      const id = this.id();
      const body = this.request();
      const saved = await firstValueFrom(
        id ? this.clientsApi.update(id, body) : this.clientsApi.create(body),
      );
      const name = saved.client.name;
      const done = this.i18n.t(id ? 'clients.savedNamed' : 'clients.createdNamed', { name });
      const warnings = saved.warnings.map((w) => w.message).join(' · ');
      this.snackBar.open(
        warnings ? this.i18n.t('clientForm.savedWithWarnings', { done, warnings }) : done,
        this.i18n.t('common.close'),
        { duration: warnings ? 10000 : 5000 },
      );
      // A new client: its page. An edit: back where the user came from (the list keeps its filters).
      await this.router.navigateByUrl(id ? this.backUrl() : `/clients/${saved.client.id}`);
    } catch (error) {
      const apiError = describeError(error, this.i18n);
      if (apiError.code === 'edit_conflict') this.conflict.set(apiError.message);
      else this.applyServerError(apiError);
    } finally {
      this.saving.set(false);
    }
  }

  private request(): SaveClientRequest {
    const v = this.form.getRawValue();
    return {
      name: v.name.trim(),
      address: v.address.trim(),
      postalCode: v.postalCode.trim(),
      city: v.city.trim(),
      country: countryCode(v.country, LANGUAGES) ?? v.country.trim(),
      ice: v.ice.trim(),
      taxId: v.taxId.trim(),
      iban: v.iban.trim(),
      language: v.language,
      contactName: v.contactName.trim(),
      contactLanguage: v.contactLanguage,
      contactEmail: v.contactEmail.trim(),
      shareDocuments: v.shareDocuments,
      accountingSoftwareId: v.shareDocuments && v.accountingSoftwareId ? v.accountingSoftwareId : null,
      ...(this.version !== undefined ? { version: this.version } : {}),
    };
  }

  /** Runs the shared validators on the whole form and puts each message on its field. */
  private validate(): void {
    const v = this.form.getRawValue();
    const lang = this.i18n.lang();
    const result = validateClient({
      ...v,
      country: countryCode(v.country, LANGUAGES) ?? v.country,
      accountingSoftwareId: v.shareDocuments ? v.accountingSoftwareId : '',
    });
    const messages: Partial<Record<FieldKey, string>> = {};
    for (const error of result.errors) messages[error.field] ??= formatFieldError(error, lang);
    for (const [field, message] of this.serverErrors) messages[field] = message;
    for (const [key, control] of Object.entries(this.form.controls) as [FieldKey, AbstractControl][]) {
      const message = messages[key];
      control.setErrors(message ? { message } : null, { emitEvent: false });
    }
    this.fieldErrors.set(messages);
  }

  private applyServerError(error: ApiError): void {
    let placed = false;
    for (const [field, fieldError] of Object.entries(error.fields ?? {})) {
      if (!isFieldKey(field) || !(field in this.form.controls)) continue;
      this.serverErrors.set(field, fieldError.message);
      this.form.get(field)?.markAsTouched();
      placed = true;
    }
    this.validate();
    this.generalError.set(placed ? this.i18n.t('clientForm.fixErrors') : error.message);
    if (placed) this.focusFirstError();
  }

  private focusFirstError(): void {
    setTimeout(() => {
      const invalid = this.host.nativeElement.querySelector<HTMLElement>(
        'input.ng-invalid, mat-select.ng-invalid',
      );
      invalid?.focus();
    });
  }

  private fill(client: ClientDto): void {
    this.version = client.version;
    this.form.reset({
      name: client.name,
      address: client.address,
      postalCode: client.postalCode,
      city: client.city,
      country: countryName(client.country, this.i18n.lang()),
      ice: client.ice ?? '',
      taxId: client.taxId ?? '',
      iban: client.iban ?? '',
      contactName: client.contactName,
      contactEmail: client.contactEmail ?? '',
      language: client.language,
      contactLanguage: client.contactLanguage,
      shareDocuments: client.shareDocuments,
      accountingSoftwareId: client.accountingSoftwareId ?? '',
    });
  }

  /** The firm's configurations; a failure is shown with "Réessayer", never as "none configured". */
  protected async loadConfigs(): Promise<void> {
    this.configsLoading.set(true);
    this.configsError.set(false);
    try {
      this.configs.set(await firstValueFrom(this.softwareApi.configs()));
    } catch {
      this.configsError.set(true);
    } finally {
      this.configsLoading.set(false);
    }
  }
}
