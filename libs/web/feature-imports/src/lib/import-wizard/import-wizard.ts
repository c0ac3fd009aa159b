import { Location } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { StepperSelectionEvent } from '@angular/cdk/stepper';
import { MatStepper, MatStepperIntl, MatStepperModule } from '@angular/material/stepper';
import { ActivatedRoute, Router } from '@angular/router';
import type { ImportBatch, ImportLimits } from '@passerelle/api-types';
import {
  DEFAULT_IMPORT_MAX_COLUMNS,
  DEFAULT_IMPORT_MAX_FILE_MB,
  DEFAULT_IMPORT_MAX_ROWS,
} from '@passerelle/domain-client';
import { describeError } from '@passerelle/web-data-access-clients';
import {
  ImportBatchState,
  ImportsApi,
  importTemplateUrl,
  isImportBusy,
} from '@passerelle/web-data-access-imports';
import { LoadError, TranslatedStepperIntl, injectNarrowScreen } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe, formatDate, type TranslationKey } from '@passerelle/web-util-i18n';
import { catchError, firstValueFrom, of } from 'rxjs';
import { CheckStep } from '../check-step/check-step';
import { WizardStep, stepOf } from '../import-display';
import { ImportStep } from '../import-step/import-step';
import { MappingStep } from '../mapping-step/mapping-step';
import { UploadStep } from '../upload-step/upload-step';

const DEFAULT_LIMITS: ImportLimits = {
  maxFileMb: DEFAULT_IMPORT_MAX_FILE_MB,
  maxRows: DEFAULT_IMPORT_MAX_ROWS,
  maxColumns: DEFAULT_IMPORT_MAX_COLUMNS,
};

const STEP_KEYS: Record<WizardStep, TranslationKey> = {
  [WizardStep.Upload]: 'imports.wizard.steps.upload',
  [WizardStep.Mapping]: 'imports.wizard.steps.mapping',
  [WizardStep.Check]: 'imports.wizard.steps.check',
  [WizardStep.Import]: 'imports.wizard.steps.import',
};

const MAPPED: readonly ImportBatch['status'][] = ['checking', 'checked', 'importing', 'imported', 'undone'];
const CHECKED: readonly ImportBatch['status'][] = ['checked', 'importing', 'imported', 'undone'];
const LOCKED: readonly ImportBatch['status'][] = ['importing', 'imported', 'undone'];

/**
 * /imports/new and /imports/:id — the import wizard: a mat-stepper driven by WizardStep and the server's
 * answer (the batch's status). The batch id is in the URL as soon as the file is sent, so leaving and coming
 * back (a reload, the Imports page) opens the batch at the step its status says. Each step is its own
 * component; they share the page's ImportBatchState.
 */
@Component({
  selector: 'psl-import-wizard',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    MatStepperModule,
    LoadError,
    UploadStep,
    MappingStep,
    CheckStep,
    ImportStep,
    TranslatePipe,
  ],
  // The stepper's screen-reader labels in the UI language; provided here, its only user, so that Material's
  // stepper stays out of the app's initial bundle.
  providers: [ImportBatchState, { provide: MatStepperIntl, useClass: TranslatedStepperIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-wizard.html',
  styleUrl: './import-wizard.scss',
})
export class ImportWizard {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly api = inject(ImportsApi);
  private readonly injector = inject(Injector);
  protected readonly state = inject(ImportBatchState);
  protected readonly i18n = inject(I18n);
  protected readonly narrow = injectNarrowScreen();
  private readonly stepper = viewChild(MatStepper);

  protected readonly Step = WizardStep;
  protected readonly batch = this.state.batch;
  protected readonly step = signal<WizardStep>(WizardStep.Upload);
  protected readonly opening = signal(false);
  protected readonly openError = signal<string | null>(null);
  protected readonly limits = toSignal(this.api.limits().pipe(catchError(() => of(DEFAULT_LIMITS))), {
    initialValue: DEFAULT_LIMITS,
  });
  /** On /imports/new: the firm's newest import still under way, offered to resume. */
  protected readonly resumable = signal<ImportBatch | null>(null);
  protected readonly templateUrl = computed(() => importTemplateUrl(this.i18n.lang()));

  protected readonly uploadDone = computed(() => {
    const batch = this.batch();
    return batch !== null && batch.status !== 'parsing' && batch.status !== 'failed';
  });
  protected readonly mappingDone = computed(() => MAPPED.includes(this.batch()?.status ?? 'parsing'));
  protected readonly checkDone = computed(() => CHECKED.includes(this.batch()?.status ?? 'parsing'));
  protected readonly locked = computed(() => LOCKED.includes(this.batch()?.status ?? 'parsing'));

  constructor() {
    const id = this.route.snapshot.paramMap.get('id');
    if (id) void this.open(id);
    else void this.findResumable();
    // The stepper follows `step` once the steps' `completed` states of this change are applied.
    effect(() => {
      const step = this.step();
      afterNextRender(
        () => {
          const stepper = this.stepper();
          if (stepper && stepper.selectedIndex !== step) stepper.selectedIndex = step;
        },
        { injector: this.injector },
      );
    });
  }

  protected stepLabel(step: WizardStep): TranslationKey {
    return STEP_KEYS[step];
  }

  protected resumeText(batch: ImportBatch): string {
    return this.i18n.t('imports.wizard.resumeText', {
      name: batch.fileName,
      date: formatDate(batch.createdAt, this.i18n.lang()),
      step: this.i18n.t(STEP_KEYS[stepOf(batch.status)]),
    });
  }

  async open(id: string): Promise<void> {
    this.opening.set(true);
    this.openError.set(null);
    try {
      const batch = await this.state.load(id);
      this.step.set(stepOf(batch.status));
    } catch (error) {
      this.openError.set(describeError(error, this.i18n).message);
    } finally {
      this.opening.set(false);
    }
  }

  private async findResumable(): Promise<void> {
    try {
      const page = await firstValueFrom(this.api.list({ pageIndex: 0, pageSize: 10 }));
      const open = page.items.find(
        (batch) => isImportBusy(batch) || ['mapping', 'checked'].includes(batch.status),
      );
      if (open && !this.batch()) this.resumable.set(open);
    } catch {
      // Offering to resume is a convenience: without the list, the wizard starts afresh.
    }
  }

  protected resume(batch: ImportBatch): void {
    void this.router.navigate(['/imports', batch.id]);
  }

  /** The file was sent: its batch is in the URL from now on, and read until the server has parsed it. */
  protected async onUploaded(id: string): Promise<void> {
    this.resumable.set(null);
    this.location.replaceState(`/imports/${id}`);
    await this.state.follow(id).catch((error: unknown) => {
      this.openError.set(describeError(error, this.i18n).message);
    });
  }

  protected onSelectionChange(event: StepperSelectionEvent): void {
    this.step.set(event.selectedIndex as WizardStep);
  }

  protected go(step: WizardStep): void {
    this.step.set(step);
  }

  /** Back to an empty wizard for another file (this batch stays in the Imports page). */
  protected anotherFile(): void {
    this.state.clear();
    this.location.replaceState('/imports/new');
    this.step.set(WizardStep.Upload);
  }
}
