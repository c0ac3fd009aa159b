import { Injectable, effect, inject } from '@angular/core';
import { MatStepperIntl } from '@angular/material/stepper';
import { I18n } from '@passerelle/web-util-i18n';

/**
 * MatStepper's screen-reader labels ("Optional", "Completed", "Editable" by default, in English whatever the
 * page's language) through the app's dictionaries, refreshed when the language changes. Provided by the
 * component that holds the stepper (`providers: [{ provide: MatStepperIntl, useClass: TranslatedStepperIntl }]`),
 * not by the app: Material's stepper would otherwise sit in the initial bundle.
 */
@Injectable()
export class TranslatedStepperIntl extends MatStepperIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    effect(() => {
      this.i18n.lang();
      this.optionalLabel = this.i18n.t('stepper.optional');
      this.completedLabel = this.i18n.t('stepper.completed');
      this.editableLabel = this.i18n.t('stepper.editable');
      this.changes.next();
    });
  }
}
