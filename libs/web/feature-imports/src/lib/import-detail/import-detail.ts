import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { describeError } from '@passerelle/web-data-access-clients';
import { ImportBatchState, ImportsApi, type Paging } from '@passerelle/web-data-access-imports';
import { ClientStatusChip, countryName } from '@passerelle/web-ui-clients';
import { LoadError, TranslatedPaginatorIntl, confirm, injectNarrowScreen } from '@passerelle/web-ui-common';
import { I18n, TranslatePipe, formatDate, formatNumber } from '@passerelle/web-util-i18n';
import { firstValueFrom, of } from 'rxjs';
import { isFinished } from '../import-display';
import { ImportStatusChip } from '../import-status-chip/import-status-chip';
import { ImportSummaryView } from '../import-summary/import-summary';
import { InviteBatch } from '../invite-batch/invite-batch';
import { IssueTable } from '../issue-table/issue-table';

/**
 * /imports/:id/details — one batch: who, when, which file and mapping, its counts, the clients it created,
 * its errors; "Undo this import" (a confirmation saying how many clients go) and "Invite these N clients".
 */
@Component({
  selector: 'psl-import-detail',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    RouterLink,
    ClientStatusChip,
    ImportStatusChip,
    ImportSummaryView,
    InviteBatch,
    IssueTable,
    LoadError,
    TranslatePipe,
  ],
  providers: [ImportBatchState, { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-detail.html',
  styleUrl: './import-detail.scss',
})
export class ImportDetail {
  private readonly api = inject(ImportsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly state = inject(ImportBatchState);
  protected readonly i18n = inject(I18n);
  protected readonly narrow = injectNarrowScreen();

  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  protected readonly batch = this.state.batch;
  protected readonly loadError = signal<string | null>(null);
  protected readonly undoing = signal(false);
  protected readonly undoError = signal<string | null>(null);

  protected readonly clientPaging = signal<Paging>({ pageIndex: 0, pageSize: 25 });
  protected readonly clients = rxResource({
    params: () => {
      const batch = this.batch();
      return batch && batch.summary.created > 0 && batch.status === 'imported'
        ? { id: batch.id, paging: this.clientPaging() }
        : undefined;
    },
    stream: ({ params }) => (params ? this.api.createdClients(params.id, params.paging) : of(undefined)),
  });
  protected readonly clientColumns = ['row', 'name', 'city', 'country', 'status'];

  protected readonly finished = computed(() => {
    const batch = this.batch();
    return batch !== null && isFinished(batch.status);
  });
  protected readonly hasFindings = computed(() => {
    const summary = this.batch()?.summary;
    return !!summary && summary.invalid + summary.warnings + summary.toSkip > 0;
  });
  protected readonly facts = computed(() => {
    const batch = this.batch();
    if (!batch) return '';
    const lang = this.i18n.lang();
    const when = formatDate(batch.createdAt, lang);
    return batch.createdByName
      ? this.i18n.t('imports.detail.byOn', { name: batch.createdByName, date: when })
      : this.i18n.t('imports.detail.on', { date: when });
  });
  protected readonly mappingText = computed(() => {
    const batch = this.batch();
    if (!batch?.mappingSource) return null;
    if (batch.savedMappingName)
      return this.i18n.t('imports.list.mappingSaved', { name: batch.savedMappingName });
    return this.i18n.t(
      batch.mappingSource === 'user' ? 'imports.list.mappingUser' : 'imports.list.mappingSuggested',
    );
  });

  constructor() {
    void this.load();
  }

  protected date = (iso: string) => formatDate(iso, this.i18n.lang());
  protected number = (value: number) => formatNumber(value, this.i18n.lang());
  protected country = (code: string) => countryName(code, this.i18n.lang());

  async load(): Promise<void> {
    this.loadError.set(null);
    try {
      await this.state.load(this.id);
    } catch (error) {
      this.loadError.set(describeError(error, this.i18n).message);
    }
  }

  protected onClientsPage(event: PageEvent): void {
    this.clientPaging.set({ pageIndex: event.pageIndex, pageSize: event.pageSize });
  }

  /** Removes the clients the batch created, after a confirmation saying how many. */
  async undo(): Promise<void> {
    const batch = this.batch();
    if (!batch) return;
    const count = batch.summary.created;
    const ok = await confirm(this.dialog, {
      title: this.i18n.t('imports.detail.undoTitle'),
      message: this.i18n.t('imports.detail.undoText', { count }),
      confirmLabel: this.i18n.t('imports.detail.undoConfirm', { count }),
      cancelLabel: this.i18n.t('common.cancel'),
      destructive: true,
    });
    if (!ok) return;
    this.undoing.set(true);
    this.undoError.set(null);
    try {
      this.state.set(await firstValueFrom(this.api.undo(batch.id)));
      this.snackBar.open(this.i18n.t('imports.detail.undone', { count }), undefined, { duration: 5000 });
    } catch (error) {
      this.undoError.set(describeError(error, this.i18n).message);
    } finally {
      this.undoing.set(false);
    }
  }
}
