import { computed, signal } from '@angular/core';
import type { PageEvent } from '@angular/material/paginator';
import type { DocumentPage } from '@passerelle/api-types';
import type { DocumentFilters } from '@passerelle/web-data-access-documents';
import { firstValueFrom, type Observable } from 'rxjs';

/**
 * The state of a paged, filtered list of documents (the client's own folder, a client's folder seen by
 * staff): the filters, the page on screen, loading and what went wrong. A new filter goes back to the first
 * page.
 */
export class DocumentList {
  readonly filters = signal<DocumentFilters>({ pageIndex: 0, pageSize: 25 });
  readonly page = signal<DocumentPage | null>(null);
  readonly loading = signal(true);
  readonly loadError = signal<string | null>(null);
  readonly filtered = computed(() => {
    const { category, period, status } = this.filters();
    return !!(category || period || status);
  });

  /**
   * @param fetch reads a page with these filters.
   * @param failed the message of a failure to load, or null when the page shows it another way.
   * @param refiltered called when the filters change (a selection of rows no longer applies).
   */
  constructor(
    private readonly fetch: (filters: DocumentFilters) => Observable<DocumentPage>,
    private readonly failed: (error: unknown) => string | null,
    private readonly refiltered: () => void = () => undefined,
  ) {}

  async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.page.set(await firstValueFrom(this.fetch(this.filters())));
    } catch (error) {
      this.loadError.set(this.failed(error));
    } finally {
      this.loading.set(false);
    }
  }

  setFilter(change: Partial<DocumentFilters>): void {
    this.filters.update((current) => ({ ...current, ...change, pageIndex: 0 }));
    this.refiltered();
    void this.load();
  }

  clearFilters(): void {
    this.filters.update((current) => ({ pageIndex: 0, pageSize: current.pageSize }));
    this.refiltered();
    void this.load();
  }

  showPage(event: PageEvent): void {
    this.filters.update((current) => ({ ...current, pageIndex: event.pageIndex, pageSize: event.pageSize }));
    void this.load();
  }
}
