/**
 * A client record after validation and normalisation, ready to be stored: every value is in its canonical
 * form (ISO codes, compact upper-case IBAN, punycode e-mail domain). Optional values are null, never ''.
 */
export interface ClientDraft {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** 15 digits; null outside Morocco */
  ice: string | null;
  /** 7 or 8 digits; null outside Morocco */
  taxId: string | null;
  /** compact upper-case; for MA always 'MA64' + the 24-digit RIB */
  iban: string | null;
  /** ISO 639-1 (or 'zgh') */
  language: string;
  contactName: string;
  /** ISO 639-1 (or 'zgh'); the invitation e-mail falls back to French when not fr/en/ar */
  contactLanguage: string;
  contactEmail: string | null;
  shareDocuments: boolean;
  accountingSoftwareId: string | null;
}
