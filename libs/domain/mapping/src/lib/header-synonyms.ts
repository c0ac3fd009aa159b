import { FieldKey } from '@passerelle/domain-client';

/**
 * What people call our fields in their own spreadsheets (besides the template labels in fr/en/ar, which are
 * matched first). Matching goes through lookupKey, so case, accents, spaces and punctuation do not matter:
 * "Raison sociale", "RAISON-SOCIALE" and "raison_sociale" are one entry. Keep entries specific: a header
 * that merely contains one of them scores lower than an exact match.
 */
export const HEADER_SYNONYMS: { readonly [K in FieldKey]: readonly string[] } = {
  name: [
    'raison sociale', 'société', 'nom de la société', 'entreprise', 'nom de l’entreprise', 'client', 'nom',
    'nom du client', 'dénomination', 'dénomination sociale', 'company', 'company name', 'customer',
    'customer name', 'business name', 'legal name', 'organisation', 'organization', 'الشركة', 'اسم الشركة',
    'الاسم', 'الاسم التجاري', 'المقاولة',
  ],
  address: [
    'adresse', 'adresse du siège', 'adresse siège', 'siège social', 'adresse postale', 'rue', 'address',
    'street', 'street address', 'head office', 'registered address', 'عنوان', 'العنوان', 'عنوان المقر',
  ],
  postalCode: ['code postal', 'cp', 'c p', 'zip', 'zip code', 'postcode', 'post code', 'postal code', 'الرمز البريدي'],
  city: ['ville', 'localité', 'commune', 'city', 'town', 'المدينة', 'مدينة'],
  country: ['pays', 'country', 'nation', 'pays du siège', 'البلد', 'الدولة', 'بلد'],
  ice: [
    'ice', 'n° ice', 'no ice', 'num ice', 'numéro ice', 'identifiant commun de l’entreprise',
    'identifiant commun entreprise', 'ice number', 'trn', 'التعريف الموحد للمقاولة', 'التعريف الموحد',
  ],
  taxId: [
    'if', 'n° if', 'no if', 'num if', 'numéro if', 'identifiant fiscal', 'id fiscal', 'idf', 'tax id',
    'tax identification number', 'numéro fiscal', 'التعريف الضريبي', 'الرقم الضريبي',
  ],
  iban: [
    'iban', 'rib', 'rib iban', 'iban rib', 'relevé d’identité bancaire', 'compte bancaire', 'numéro de compte',
    'coordonnées bancaires', 'bank account', 'account number', 'الحساب البنكي', 'رقم الحساب',
  ],
  language: [
    'langue', 'langue de l’entreprise', 'langue société', 'langue client', 'language', 'company language',
    'اللغة', 'لغة الشركة',
  ],
  contactName: [
    'contact', 'nom du contact', 'nom contact', 'contact name', 'interlocuteur', 'gérant', 'nom du gérant',
    'dirigeant', 'responsable', 'manager', 'representative', 'nom et prénom', 'prénom et nom', 'full name',
    'المسير', 'اسم المسؤول', 'المسؤول',
  ],
  contactLanguage: [
    'langue contact', 'langue du contact', 'langue du gérant', 'langue interlocuteur', 'contact language',
    'لغة المسؤول', 'لغة جهة الاتصال',
  ],
  contactEmail: [
    'email', 'e-mail', 'mail', 'courriel', 'mél', 'adresse email', 'adresse e-mail', 'adresse mail',
    'email du contact', 'email contact', 'courriel du contact', 'contact email', 'email address',
    'البريد الإلكتروني', 'الايميل',
  ],
  shareDocuments: ['partage', 'partager', 'partage des documents', 'share documents', 'sharing', 'مشاركة الوثائق'],
  accountingSoftwareId: ['logiciel', 'logiciel comptable', 'logiciel de comptabilité', 'accounting software', 'software'],
}; // prettier-ignore
