import { ChangeDetectionStrategy, Component, booleanAttribute, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import type { ClientDto, ClientFolder } from '@passerelle/api-types';
import { fieldLabel, isLeftToRightField, type FieldKey } from '@passerelle/domain-client';
import { ClientStatusChip, countryName, languageName } from '@passerelle/web-ui-clients';
import { InvitationStatusChip } from '@passerelle/web-ui-invitations';
import { I18n, TranslatePipe } from '@passerelle/web-util-i18n';

interface ProfileLine {
  key: FieldKey;
  label: string;
  value: string;
}

/** The record's fields shown to the client and staff, in the client form's order. */
const PROFILE_FIELDS: readonly FieldKey[] = [
  'name',
  'address',
  'postalCode',
  'city',
  'country',
  'ice',
  'taxId',
  'iban',
  'language',
  'contactName',
  'contactEmail',
  'contactLanguage',
];

/** A folder's three parts: the firm, the company record (read-only) and the invitation history. */
@Component({
  selector: 'psl-folder-view',
  imports: [MatCardModule, MatIconModule, ClientStatusChip, InvitationStatusChip, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './folder-view.html',
  styleUrl: './folder-view.scss',
})
export class FolderView {
  private readonly i18n = inject(I18n);

  readonly folder = input.required<ClientFolder>();
  /** Staff see the client's status; the client sees "your accounting firm". */
  readonly staff = input(false, { transform: booleanAttribute });

  protected readonly profile = computed((): ProfileLine[] => {
    const lang = this.i18n.lang();
    const client = this.folder().client;
    return PROFILE_FIELDS.map((key) => ({
      key,
      label: fieldLabel(key, lang),
      value: display(client, key, lang),
    })).filter((line) => line.value !== '');
  });

  /** `ltr` for identifiers and e-mail (kept left to right inside Arabic), else the page's direction. */
  protected ltr(field: string): 'ltr' | null {
    return isLeftToRightField(field) ? 'ltr' : null;
  }

  protected date(iso: string | null | undefined): string {
    return this.i18n.date(iso);
  }
}

function display(client: ClientDto, key: FieldKey, lang: string): string {
  switch (key) {
    case 'country':
      return countryName(client.country, lang);
    case 'language':
    case 'contactLanguage':
      return languageName(client[key], lang);
    default: {
      const value = client[key as keyof ClientDto];
      return typeof value === 'string' ? value : '';
    }
  }
}
