import { Init1764316800000 } from './1764316800000-init';
import { Clients1764403200000 } from './1764403200000-clients';
import { Hardening1764480000000 } from './1764480000000-hardening';
import { ClientSortKeys1764450000000 } from './1764450000000-client-sort-keys';
import { Invitations1764500000000 } from './1764500000000-invitations';
import { Imports1764600000000 } from './1764600000000-imports';
import { ImportFiles1764600000001 } from './1764600000001-import-files';
import { ImportRowPosition1764600000002 } from './1764600000002-import-row-position';
import { ImportStepAttempts1764600000003 } from './1764600000003-import-step-attempts';
import { ImportReview1764650000000 } from './1764650000000-import-review';
import { Documents1764700000000 } from './1764700000000-documents';
import { ClientListScale1764800000000 } from './1764800000000-client-list-scale';
import { Team1764900000000 } from './1764900000000-team';
import { ArabicUi1765000000000 } from './1765000000000-arabic-ui';
import { ImportSweeper1765100000000 } from './1765100000000-import-sweeper';
import { ClientSharingIndex1765200000000 } from './1765200000000-client-sharing-index';
import { ClientSearchPageWindow1765300000000 } from './1765300000000-client-search-page-window';
import { SessionIdentity1765300000001 } from './1765300000001-session-identity';
import { ClientAutovacuum1765300000002 } from './1765300000002-client-autovacuum';

/** Listed explicitly: the API is bundled by webpack, so there is no directory to glob at run time. */
export const MIGRATIONS = [
  Init1764316800000,
  Clients1764403200000,
  Hardening1764480000000,
  ClientSortKeys1764450000000,
  Invitations1764500000000,
  Imports1764600000000,
  ImportFiles1764600000001,
  ImportRowPosition1764600000002,
  ImportStepAttempts1764600000003,
  Documents1764700000000,
  Team1764900000000,
  ArabicUi1765000000000,
  ImportReview1764650000000,
  ClientListScale1764800000000,
  ImportSweeper1765100000000,
  ClientSharingIndex1765200000000,
  ClientSearchPageWindow1765300000000,
  SessionIdentity1765300000001,
  ClientAutovacuum1765300000002,
];
