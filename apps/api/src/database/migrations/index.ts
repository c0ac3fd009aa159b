import { Init1764316800000 } from './1764316800000-init';
import { Clients1764403200000 } from './1764403200000-clients';

/** Listed explicitly: the API is bundled by webpack, so there is no directory to glob at run time. */
export const MIGRATIONS = [Init1764316800000, Clients1764403200000];
