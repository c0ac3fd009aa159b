import type { UiLanguage } from './languages';
import { ACCEPTED_DOCUMENT_TYPES_TEXT, DOCUMENT_DELETE_WINDOW_HOURS } from './documents';

type RequestMessage = string | ((hint: string | undefined) => string);

const quoted = (name: string | undefined, lang: UiLanguage) =>
  name ? (lang === 'fr' ? `« ${name} »` : `“${name}”`) : lang === 'fr' ? 'Ce fichier' : 'This file';

/** `<limit>|<file name>`: sanitised file names never contain "|". */
function limitAndName(hint: string | undefined): { limit?: string; name?: string } {
  if (!hint) return {};
  const bar = hint.indexOf('|');
  return bar < 0 ? { limit: hint } : { limit: hint.slice(0, bar), name: hint.slice(bar + 1) };
}

/**
 * Messages of the client-document codes (issue 12), merged into API_ERROR_MESSAGES. Hints are data: a file
 * name (sanitised), a limit, or `<limit>|<file name>`.
 */
export const DOCUMENT_ERROR_MESSAGES = {
  document_type_unsupported: {
    fr: (h) =>
      `${quoted(h, 'fr')} n’est pas d’un type accepté. Types acceptés : ${ACCEPTED_DOCUMENT_TYPES_TEXT.replace(', XML', ' ou XML')} (reconnus à leur contenu, pas à leur nom).`,
    en: (h) =>
      `${quoted(h, 'en')} is not of an accepted type. Accepted types: ${ACCEPTED_DOCUMENT_TYPES_TEXT.replace(', XML', ' or XML')} (recognised by their content, not their name).`,
  },
  document_too_large: {
    fr: (h) => {
      const { limit, name } = limitAndName(h);
      return `${quoted(name, 'fr')} est trop volumineux${limit ? ` (${limit} au maximum par fichier)` : ''} : réduisez-le (PDF compressé, photo moins lourde) ou découpez-le.`;
    },
    en: (h) => {
      const { limit, name } = limitAndName(h);
      return `${quoted(name, 'en')} is too large${limit ? ` (at most ${limit} per file)` : ''}: make it smaller (compressed PDF, lighter photo) or split it.`;
    },
  },
  document_empty: {
    fr: (h) => `${quoted(h, 'fr')} est vide.`,
    en: (h) => `${quoted(h, 'en')} is empty.`,
  },
  no_files: {
    fr: 'Ajoutez au moins un fichier (champ « files » d’un envoi multipart/form-data).',
    en: 'Add at least one file (field “files” of a multipart/form-data request).',
  },
  too_many_files: {
    fr: (h) =>
      `Trop de fichiers dans un même envoi${h ? ` (${h} au maximum)` : ''} : envoyez-les en plusieurs fois.`,
    en: (h) => `Too many files in one upload${h ? ` (at most ${h})` : ''}: send them in several goes.`,
  },
  multipart_required: {
    fr: 'Envoyez les fichiers en multipart/form-data, dans le champ « files ».',
    en: 'Send the files as multipart/form-data, in the “files” field.',
  },
  multipart_malformed: {
    fr: 'L’envoi est incomplet ou mal formé : réessayez.',
    en: 'The upload is incomplete or malformed: try again.',
  },
  sharing_off: {
    fr: 'Le partage de documents est désactivé pour ce client. Le cabinet peut l’activer dans la fiche du client (« Partager les documents avec votre cabinet comptable »).',
    en: 'Document sharing is turned off for this client. The firm can turn it on in the client’s record (“Share documents with your accounting firm”).',
  },
  document_delete_closed: {
    fr: (h) =>
      h === 'downloaded'
        ? 'Ce document ne peut plus être supprimé : votre cabinet l’a déjà téléchargé. Contactez-le s’il doit être retiré.'
        : `Ce document ne peut plus être supprimé : il a été déposé il y a plus de ${DOCUMENT_DELETE_WINDOW_HOURS} heures. Contactez votre cabinet s’il doit être retiré.`,
    en: (h) =>
      h === 'downloaded'
        ? 'This document can no longer be deleted: your firm has already downloaded it. Contact your firm if it must be removed.'
        : `This document can no longer be deleted: it was uploaded more than ${DOCUMENT_DELETE_WINDOW_HOURS} hours ago. Contact your firm if it must be removed.`,
  },
  export_not_configured: {
    fr: 'Le logiciel de comptabilité de ce client ne reçoit pas ses documents par export : il les reçoit par e-mail, ou aucun logiciel n’est choisi.',
    en: 'This client’s accounting software does not take its documents as an export: it receives them by e-mail, or no software is chosen.',
  },
} as const satisfies Record<string, Record<UiLanguage, RequestMessage>>;
