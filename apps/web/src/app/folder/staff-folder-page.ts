import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { StaffClientFolder } from '@passerelle/web-feature-client-folder';
import { StaffDocuments } from '@passerelle/web-feature-documents';

/** /clients/:id/folder: "Open client folder" — the client's folder, then its documents as staff see them. */
@Component({
  selector: 'psl-staff-folder-page',
  imports: [StaffClientFolder, StaffDocuments],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<psl-staff-client-folder [clientId]="id()"
    ><psl-staff-documents [clientId]="id()"
  /></psl-staff-client-folder>`,
})
export class StaffFolderPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();
}
