import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import type {
  AccountingProduct,
  AccountingSoftwareConfig,
  ApiError,
  SaveAccountingSoftwareConfigRequest,
} from '@passerelle/api-types';
import { emailAddress } from '@passerelle/web-util-forms';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';
import { map, startWith } from 'rxjs';

type Product = SaveAccountingSoftwareConfigRequest['product'];
type DeliveryMethod = SaveAccountingSoftwareConfigRequest['deliveryMethod'];
type ExportFormat = NonNullable<SaveAccountingSoftwareConfigRequest['exportFormat']>;
type ExportFrequency = NonNullable<SaveAccountingSoftwareConfigRequest['exportFrequency']>;

/**
 * Creates or edits one accounting-software configuration. Used inline by the client form ("Configure a
 * new one") and by Settings; the caller performs the request and passes back `pending` and `serverError`.
 */
@Component({
  selector: 'psl-accounting-software-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.enter)': 'onEnter($event)' },
  templateUrl: './accounting-software-form.html',
  styleUrl: './accounting-software-form.scss',
})
export class AccountingSoftwareForm {
  private readonly i18n = inject(I18n);

  readonly catalogue = input.required<readonly AccountingProduct[]>();
  /** The configuration being edited; null to create one. */
  readonly initial = input<AccountingSoftwareConfig | null>(null);
  readonly pending = input(false);
  readonly serverError = input<ApiError | null>(null);
  /** Offer the "default configuration" box (admins only). */
  readonly allowDefault = input(false);
  readonly submitLabel = input<string | undefined>(undefined);

  readonly save = output<SaveAccountingSoftwareConfigRequest>();
  readonly cancelled = output<void>();

  protected readonly formatOptions: readonly ExportFormat[] = ['xlsx', 'csv'];
  protected readonly frequencyOptions: readonly ExportFrequency[] = ['daily', 'weekly', 'monthly'];

  protected readonly form = inject(NonNullableFormBuilder).group({
    label: ['', [Validators.required, Validators.maxLength(100)]],
    product: ['' as Product | '', Validators.required],
    deliveryMethod: ['email' as DeliveryMethod, Validators.required],
    deliveryEmail: ['', [Validators.required, emailAddress]],
    exportFormat: ['xlsx' as ExportFormat, Validators.required],
    exportFrequency: ['weekly' as ExportFrequency, Validators.required],
    isDefault: [false],
  });

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      map(() => this.form.getRawValue()),
      startWith(this.form.getRawValue()),
    ),
    {
      requireSync: true,
    },
  );
  protected readonly methods = computed((): readonly DeliveryMethod[] => {
    const product = this.catalogue().find((p) => p.key === this.value().product);
    return product?.deliveryMethods ?? ['email', 'export'];
  });
  protected readonly method = computed(() => this.value().deliveryMethod);

  constructor() {
    effect(() => {
      const config = this.initial();
      if (!config) return;
      this.form.reset({
        label: config.label,
        product: config.product as Product,
        deliveryMethod: config.deliveryMethod,
        deliveryEmail: config.deliveryEmail ?? '',
        exportFormat: config.exportFormat ?? 'xlsx',
        exportFrequency: config.exportFrequency ?? 'weekly',
        isDefault: config.isDefault,
      });
    });
    // A product that cannot deliver by the chosen method switches to one it supports.
    effect(() => {
      const methods = this.methods();
      if (!methods.includes(this.method())) this.form.controls.deliveryMethod.setValue(methods[0]);
    });
    // Only the controls of the chosen delivery method are validated and sent.
    effect(() => {
      const email = this.method() === 'email';
      const { deliveryEmail, exportFormat, exportFrequency } = this.form.controls;
      for (const [control, on] of [
        [deliveryEmail, email],
        [exportFormat, !email],
        [exportFrequency, !email],
      ] as const) {
        if (on) control.enable({ emitEvent: false });
        else control.disable({ emitEvent: false });
      }
    });
    effect(() => {
      const error = this.serverError();
      for (const [field, fieldError] of Object.entries(error?.fields ?? {})) {
        const control = this.form.get(field);
        if (!control) continue;
        control.setErrors({ server: fieldError.message });
        control.markAsTouched();
      }
    });
  }

  /** A server error that did not land on a field. */
  protected readonly generalError = computed(() => {
    const error = this.serverError();
    if (!error) return null;
    const placed = Object.keys(error.fields ?? {}).some((field) => this.form.get(field));
    return placed ? null : error.message;
  });

  protected errorOf(control: AbstractControl): string {
    const errors = control.errors;
    if (!errors) return '';
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['email']) return this.i18n.t('accountingSoftware.invalidEmail');
    return this.i18n.t('accountingSoftware.required');
  }

  /** Enter in a text field saves this configuration (and must not submit an enclosing form). */
  protected onEnter(event: Event): void {
    if (!(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    this.submit();
  }

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: SaveAccountingSoftwareConfigRequest = {
      label: value.label.trim(),
      product: value.product as Product,
      deliveryMethod: value.deliveryMethod,
    };
    if (value.deliveryMethod === 'email') request.deliveryEmail = value.deliveryEmail.trim();
    else {
      request.exportFormat = value.exportFormat;
      request.exportFrequency = value.exportFrequency;
    }
    if (this.allowDefault()) request.isDefault = value.isDefault;
    this.save.emit(request);
  }
}
