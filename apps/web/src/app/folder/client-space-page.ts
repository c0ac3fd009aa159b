import { ChangeDetectionStrategy, Component } from '@angular/core';
import { OwnFolder } from '@passerelle/web-feature-client-folder';
import { ClientDocuments } from '@passerelle/web-feature-documents';

/** /folder: the client's folder with its documents (features are composed here, in the app). */
@Component({
  selector: 'psl-client-space-page',
  imports: [OwnFolder, ClientDocuments],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<psl-own-folder><psl-client-documents /></psl-own-folder>`,
})
export class ClientSpacePage {}
