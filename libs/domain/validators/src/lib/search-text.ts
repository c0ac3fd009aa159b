import type { ClientDraft } from '@passerelle/domain-client';
import { lookupKey } from './text';

/**
 * What the clients list searches in: name, ICE, IF, contact, e-mail and city, each normalised with
 * lookupKey (accents, case, punctuation), joined by spaces. One home for the form, the import and the seed.
 */
export function clientSearchText(
  client: Pick<ClientDraft, 'name' | 'ice' | 'taxId' | 'contactName' | 'contactEmail' | 'city'>,
): string {
  return [client.name, client.ice, client.taxId, client.contactName, client.contactEmail, client.city]
    .filter((part): part is string => !!part)
    .map(lookupKey)
    .join(' ');
}
