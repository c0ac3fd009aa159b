import { Injectable, effect, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n } from '@passerelle/web-util-i18n';

/** MatPaginator's labels through the app's dictionaries, refreshed when the language changes. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    effect(() => {
      this.i18n.lang();
      this.itemsPerPageLabel = this.i18n.t('paginator.itemsPerPage');
      this.nextPageLabel = this.i18n.t('paginator.next');
      this.previousPageLabel = this.i18n.t('paginator.previous');
      this.firstPageLabel = this.i18n.t('paginator.first');
      this.lastPageLabel = this.i18n.t('paginator.last');
      this.changes.next();
    });
  }

  /**
   * The length is a lower bound (a list whose total was capped): "1 – 25 of more than 10,000". Set by the
   * component that provides this intl, then `changes.next()`.
   */
  lengthIsLowerBound = false;

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    const start = length === 0 ? 0 : page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    const key = this.lengthIsLowerBound ? 'paginator.rangeMore' : 'paginator.range';
    return this.i18n.t(key, { start, end, total: length });
  };
}
