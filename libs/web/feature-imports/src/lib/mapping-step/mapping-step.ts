import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type { ImportBatch } from '@passerelle/api-types';
import { ALWAYS_REQUIRED_FIELD_KEYS, FIELD_KEYS, type FieldKey } from '@passerelle/domain-client';
import { describeError } from '@passerelle/web-data-access-clients';
import { ImportBatchState, ImportsApi } from '@passerelle/web-data-access-imports';
import { I18n, TranslatePipe, type TranslationKey } from '@passerelle/web-util-i18n';
import { firstValueFrom } from 'rxjs';
import { fieldName } from '../import-display';

export type ColumnChoice = Record<FieldKey, number | null>;

const REQUIRED = new Set<FieldKey>(ALWAYS_REQUIRED_FIELD_KEYS);
/** Longest name of a saved mapping (the API's rule). */
export const MAPPING_NAME_MAX = 80;
const SAMPLES_SHOWN = 3;

/** Fields required only in some cases: what the hint under their select says. */
const CONDITION_HINTS: Partial<Record<FieldKey, TranslationKey>> = {
  ice: 'imports.mapping.when.morocco',
  taxId: 'imports.mapping.when.morocco',
  contactEmail: 'imports.mapping.when.sharing',
  accountingSoftwareId: 'imports.mapping.when.sharing',
  shareDocuments: 'imports.mapping.when.yesNo',
  contactLanguage: 'imports.mapping.when.contactLanguage',
};

export interface FieldRow {
  field: FieldKey;
  label: string;
  required: boolean;
  column: number | null;
  /** why this column: the suggestion's reason when it is the suggested one, else "your choice" */
  reason: TranslationKey | null;
  samples: string[];
  condition: TranslationKey | null;
}

/**
 * Step 2: for each of our fields, the file's column that holds it (the server's proposal first: saved
 * mapping, template headers, synonyms, values), with three sample values and why it was proposed. Optional
 * fields may stay unmapped; a column serves one field (choosing it for another moves it, and says so). The
 * mapping can be saved for the firm under a name.
 */
@Component({
  selector: 'psl-mapping-step',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mapping-step.html',
  styleUrl: './mapping-step.scss',
})
export class MappingStep {
  private readonly api = inject(ImportsApi);
  private readonly state = inject(ImportBatchState);
  protected readonly i18n = inject(I18n);

  readonly batch = input.required<ImportBatch>();
  /** The check was started: the wizard moves on. */
  readonly checking = output<void>();
  readonly back = output<void>();

  protected readonly nameMax = MAPPING_NAME_MAX;
  /** The user's choices, reset to the server's mapping whenever the server's batch changes. */
  protected readonly choice = linkedSignal<ImportBatch, ColumnChoice>({
    source: () => this.batch(),
    computation: (batch) =>
      Object.fromEntries(FIELD_KEYS.map((field) => [field, batch.mapping[field] ?? null])) as ColumnChoice,
  });
  protected readonly saveMapping = signal(false);
  protected readonly mappingName = signal('');
  protected readonly nameError = signal<string | null>(null);
  protected readonly submitted = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** What the last choice changed elsewhere (read out politely). */
  protected readonly notice = signal('');

  protected readonly columns = computed(() => {
    const batch = this.batch();
    return batch.columns.map((letter, index) => {
      const header = batch.headers[index]?.trim();
      return {
        index,
        label: header
          ? this.i18n.t('imports.mapping.columnOption', { letter, header })
          : this.i18n.t('imports.mapping.columnNoHeader', { letter }),
      };
    });
  });

  protected readonly rows = computed((): FieldRow[] => {
    const batch = this.batch();
    const choice = this.choice();
    const lang = this.i18n.lang();
    return FIELD_KEYS.map((field) => {
      const column = choice[field];
      const suggestion = batch.suggestions[field];
      let reason: TranslationKey | null = null;
      if (column !== null)
        reason =
          suggestion && suggestion.column === column
            ? (`imports.mapping.reason.${suggestion.reason}` as TranslationKey)
            : 'imports.mapping.reason.user';
      return {
        field,
        label: fieldName(field, lang),
        required: REQUIRED.has(field),
        column,
        reason,
        samples: column === null ? [] : samplesOf(batch, column),
        condition: CONDITION_HINTS[field] ?? null,
      };
    });
  });

  protected readonly missingRequired = computed(() =>
    this.rows()
      .filter((row) => row.required && row.column === null)
      .map((row) => row.field),
  );

  protected readonly savedApplied = computed(() => {
    const batch = this.batch();
    return batch.mappingSource === 'saved' && batch.savedMappingName ? batch.savedMappingName : null;
  });

  protected readonly nameProblem = computed((): string | null => {
    if (!this.saveMapping()) return null;
    const name = this.mappingName().trim();
    if (!name) return this.submitted() ? this.i18n.t('imports.mapping.nameRequired') : null;
    if ([...name].length > MAPPING_NAME_MAX)
      return this.i18n.t('imports.mapping.nameTooLong', { max: MAPPING_NAME_MAX });
    return this.nameError();
  });

  protected choose(field: FieldKey, column: number | null): void {
    const current = this.choice();
    const moved = column === null ? undefined : FIELD_KEYS.find((f) => f !== field && current[f] === column);
    const next = { ...current, [field]: column };
    if (moved) next[moved] = null;
    this.choice.set(next);
    this.notice.set(
      moved
        ? this.i18n.t('imports.mapping.moved', {
            letter: this.batch().columns[column as number] ?? '',
            field: fieldName(moved, this.i18n.lang()),
          })
        : '',
    );
  }

  protected onName(value: string): void {
    this.mappingName.set(value);
    this.nameError.set(null);
  }

  /** Saves the mapping (and, if asked, under a name for the firm), then starts the check. */
  async submit(): Promise<void> {
    this.submitted.set(true);
    this.error.set(null);
    if (this.missingRequired().length > 0 || this.nameProblem()) {
      this.error.set(this.i18n.t('imports.mapping.fixFirst'));
      return;
    }
    const batch = this.batch();
    this.busy.set(true);
    try {
      const saveAs = this.saveMapping() ? this.mappingName().trim() : undefined;
      this.state.set(await firstValueFrom(this.api.saveMapping(batch.id, this.choice(), saveAs)));
      await firstValueFrom(this.api.check(batch.id));
      this.saveMapping.set(false);
      this.mappingName.set('');
      this.submitted.set(false);
      await this.state.follow(batch.id);
      this.checking.emit();
    } catch (error) {
      const problem = describeError(error, this.i18n);
      const nameProblem = problem.fields?.['saveAs'];
      if (nameProblem) this.nameError.set(nameProblem.message);
      else this.error.set(problem.message);
    } finally {
      this.busy.set(false);
    }
  }
}

/** Up to three non-empty values of a column among the sample rows, as shown in the file. */
export function samplesOf(batch: Pick<ImportBatch, 'sampleRows'>, column: number): string[] {
  const values: string[] = [];
  for (const row of batch.sampleRows) {
    const value = row[column]?.trim();
    if (value) values.push(value);
    if (values.length === SAMPLES_SHOWN) break;
  }
  return values;
}
