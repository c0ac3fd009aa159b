import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { I18n, LANGUAGES, TranslatePipe, isLang } from '@passerelle/web-util-i18n';

/** FR | EN switch, on the sign-in pages and in the app bar; signed in, it saves the user's preference. */
@Component({
  selector: 'psl-language-toggle',
  imports: [MatButtonToggleModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      [value]="i18n.lang()"
      (change)="select($event)"
      [attr.aria-label]="'lang.label' | t"
      hideSingleSelectionIndicator
      data-testid="lang-toggle"
    >
      @for (option of options; track option.code) {
        <mat-button-toggle
          [value]="option.code"
          [aria-label]="option.labelKey | t"
          [attr.lang]="option.code"
          [attr.data-testid]="'lang-' + option.code"
          >{{ option.code.toUpperCase() }}</mat-button-toggle
        >
      }
    </mat-button-toggle-group>
  `,
  styles: `
    mat-button-toggle-group {
      --mat-button-toggle-height: 36px;
    }
  `,
})
export class LanguageToggle {
  private readonly store = inject(AuthStore);
  protected readonly i18n = inject(I18n);
  protected readonly options = LANGUAGES.map((code) => ({ code, labelKey: `lang.${code}` as const }));

  protected select(change: MatButtonToggleChange): void {
    if (!isLang(change.value) || change.value === this.i18n.lang()) return;
    const group = change.source.buttonToggleGroup;
    // The UI switches once the language's dictionary is loaded. Failing to save the preference only affects
    // the next sign-in; failing to load the dictionary leaves the page as it was, and the toggle with it.
    this.store.changeLanguage(change.value).catch(() => {
      if (group) group.value = this.i18n.lang();
    });
  }
}
