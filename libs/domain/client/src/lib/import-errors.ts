import type { UiLanguage } from './languages';

type RequestMessage = string | ((hint: string | undefined) => string);

/**
 * Why an uploaded spreadsheet cannot be read (stable codes: never rename one). The API answers them as the
 * error `code` — at upload, or as the failed import's `error` — and the API reader throws them.
 */
export const FILE_PROBLEM_CODES = [
  'file_too_large',
  'empty_file',
  'unsupported_file_type',
  'legacy_xls',
  'encrypted_workbook',
  'corrupt_file',
  'too_many_zip_entries',
  'inflated_too_large',
  'xml_dtd_forbidden',
  'too_many_shared_strings',
  'too_many_rows',
  'too_many_columns',
  'binary_content',
  'invalid_encoding',
  'csv_malformed',
  'file_too_complex',
  'no_data',
  'sheet_not_found',
] as const;
export type FileProblemCode = (typeof FILE_PROBLEM_CODES)[number];

export function isFileProblemCode(value: unknown): value is FileProblemCode {
  return typeof value === 'string' && (FILE_PROBLEM_CODES as readonly string[]).includes(value);
}

const SAVE_AS_XLSX_FR = 'Enregistrez-le au format Classeur Excel (.xlsx) ou CSV, puis réessayez.';
const SAVE_AS_XLSX_EN = 'Save it as an Excel Workbook (.xlsx) or CSV, then try again.';
const SAVE_AS_XLSX_AR = 'احفظه بصيغة مصنف Excel (.xlsx) أو CSV، ثم أعد المحاولة.';

/**
 * Messages of the bulk-import codes (file problems and import steps), merged into API_ERROR_MESSAGES. A
 * hint is language-neutral data: a limit ("20 MB", "60"), a line number, a file type, a status.
 */
export const IMPORT_ERROR_MESSAGES = {
  file_too_large: {
    fr: (h) =>
      `Le fichier est trop volumineux${h ? ` (${h} au maximum)` : ''} : découpez-le en plusieurs fichiers.`,
    en: (h) => `The file is too large${h ? ` (at most ${h})` : ''}: split it into several files.`,
    ar: (h) => `حجم الملف كبير جدًا${h ? ` (${h} على الأكثر)` : ''}: قسِّمه إلى عدة ملفات.`,
  },
  empty_file: {
    fr: 'Le fichier est vide.',
    en: 'The file is empty.',
    ar: 'الملف فارغ.',
  },
  unsupported_file_type: {
    fr: (h) =>
      `Ce fichier${h ? ` (${h})` : ''} n’est pas un tableur. Envoyez un classeur Excel (.xlsx) ou un fichier CSV.`,
    en: (h) =>
      `This file${h ? ` (${h})` : ''} is not a spreadsheet. Send an Excel workbook (.xlsx) or a CSV file.`,
    ar: (h) => `هذا الملف${h ? ` (${h})` : ''} ليس جدول بيانات. أرسل مصنف Excel (.xlsx) أو ملف CSV.`,
  },
  legacy_xls: {
    fr: `Ce fichier est au format Excel 97-2003 (.xls), qui n’est pas accepté. ${SAVE_AS_XLSX_FR}`,
    en: `This file is in the Excel 97-2003 format (.xls), which is not accepted. ${SAVE_AS_XLSX_EN}`,
    // \u2066…\u2069: « 97-2003 » kept left to right inside the Arabic sentence.
    ar: `هذا الملف بصيغة \u2066Excel 97-2003 (.xls)\u2069 غير المقبولة. ${SAVE_AS_XLSX_AR}`,
  },
  encrypted_workbook: {
    fr: 'Ce classeur est protégé par un mot de passe. Ouvrez-le dans Excel, retirez le mot de passe (Fichier › Informations › Protéger le classeur), enregistrez-le et réessayez.',
    en: 'This workbook is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook), save it and try again.',
    ar: 'هذا المصنف محمي بكلمة مرور. افتحه في Excel، وأزل كلمة المرور (ملف › معلومات › حماية المصنف)، ثم احفظه وأعد المحاولة.',
  },
  corrupt_file: {
    fr: `Le fichier est endommagé ou incomplet et ne peut pas être lu. Ouvrez-le dans Excel : s’il s’ouvre, ${SAVE_AS_XLSX_FR.charAt(0).toLowerCase()}${SAVE_AS_XLSX_FR.slice(1)}`,
    en: `The file is damaged or incomplete and cannot be read. Open it in Excel: if it opens, ${SAVE_AS_XLSX_EN.charAt(0).toLowerCase()}${SAVE_AS_XLSX_EN.slice(1)}`,
    ar: `الملف تالف أو غير مكتمل ولا يمكن قراءته. افتحه في Excel: إن انفتح، ${SAVE_AS_XLSX_AR}`,
  },
  too_many_zip_entries: {
    fr: (h) =>
      `Ce classeur contient trop d’éléments internes${h ? ` (plus de ${h})` : ''} pour être un simple tableau de clients.`,
    en: (h) =>
      `This workbook holds too many internal parts${h ? ` (more than ${h})` : ''} to be a plain list of clients.`,
    ar: (h) =>
      `يحتوي هذا المصنف على عناصر داخلية كثيرة جدًا${h ? ` (أكثر من ${h})` : ''} بالنسبة لجدول عملاء بسيط.`,
  },
  inflated_too_large: {
    fr: (h) =>
      `Une fois décompressé, ce classeur dépasse la taille acceptée${h ? ` (${h})` : ''}. Découpez-le ou retirez les images et feuilles inutiles.`,
    en: (h) =>
      `Once decompressed, this workbook exceeds the accepted size${h ? ` (${h})` : ''}. Split it or remove images and sheets you do not need.`,
    ar: (h) =>
      `بعد فك ضغطه، يتجاوز هذا المصنف الحجم المقبول${h ? ` (${h})` : ''}. قسِّمه أو احذف الصور والأوراق غير الضرورية.`,
  },
  xml_dtd_forbidden: {
    fr: 'Ce classeur contient des déclarations XML (DOCTYPE) refusées pour des raisons de sécurité. Ouvrez-le dans Excel et enregistrez-le à nouveau.',
    en: 'This workbook contains XML declarations (DOCTYPE) that are refused for security reasons. Open it in Excel and save it again.',
    ar: 'يحتوي هذا المصنف على تصريحات XML (DOCTYPE) مرفوضة لأسباب أمنية. افتحه في Excel واحفظه من جديد.',
  },
  too_many_shared_strings: {
    fr: (h) =>
      `Ce classeur contient trop de textes distincts${h ? ` (plus de ${h})` : ''} : découpez-le en plusieurs fichiers.`,
    en: (h) =>
      `This workbook holds too many distinct texts${h ? ` (more than ${h})` : ''}: split it into several files.`,
    ar: (h) => `يحتوي هذا المصنف على نصوص مختلفة كثيرة جدًا${h ? ` (أكثر من ${h})` : ''}: قسِّمه إلى عدة ملفات.`,
  },
  too_many_rows: {
    fr: (h) =>
      `Le fichier contient trop de lignes${h ? ` (${h} lignes de données au maximum)` : ''} : découpez-le en plusieurs fichiers.`,
    en: (h) =>
      `The file has too many rows${h ? ` (at most ${h} data rows)` : ''}: split it into several files.`,
    ar: (h) =>
      `يحتوي الملف على أسطر كثيرة جدًا${h ? ` (${h} سطر بيانات على الأكثر)` : ''}: قسِّمه إلى عدة ملفات.`,
  },
  too_many_columns: {
    fr: (h) =>
      `Le fichier contient trop de colonnes${h ? ` (${h} au maximum)` : ''} : supprimez les colonnes inutiles.`,
    en: (h) =>
      `The file has too many columns${h ? ` (at most ${h})` : ''}: delete the columns you do not need.`,
    ar: (h) =>
      `يحتوي الملف على أعمدة كثيرة جدًا${h ? ` (${h} عمودًا على الأكثر)` : ''}: احذف الأعمدة غير الضرورية.`,
  },
  binary_content: {
    fr: 'Ce fichier contient des caractères binaires (octets nuls) : ce n’est pas un fichier texte CSV. Enregistrez-le depuis Excel au format « CSV UTF-8 ».',
    en: 'This file contains binary characters (NUL bytes): it is not a CSV text file. Save it from Excel as “CSV UTF-8”.',
    ar: 'يحتوي هذا الملف على أحرف ثنائية (بايتات فارغة): ليس ملفًا نصيًا بصيغة CSV. احفظه من Excel بصيغة «CSV UTF-8».',
  },
  invalid_encoding: {
    fr: (h) =>
      `Le texte du fichier n’est pas un ${h ?? 'UTF-8'} valide. Enregistrez-le depuis Excel au format « CSV UTF-8 ».`,
    en: (h) => `The file’s text is not valid ${h ?? 'UTF-8'}. Save it from Excel as “CSV UTF-8”.`,
    ar: (h) => `نص الملف ليس بترميز ${h ?? 'UTF-8'} صالح. احفظه من Excel بصيغة «CSV UTF-8».`,
  },
  csv_malformed: {
    fr: (h) =>
      `Le fichier CSV est mal formé${h ? ` à partir de la ligne ${h}` : ''} (un guillemet ouvert n’est jamais refermé ?).`,
    en: (h) => `The CSV file is malformed${h ? ` from line ${h}` : ''} (a quote that is never closed?).`,
    ar: (h) => `ملف CSV غير سليم البنية${h ? ` ابتداءً من السطر ${h}` : ''} (علامة تنصيص فُتحت ولم تُغلق؟).`,
  },
  file_too_complex: {
    fr: 'Ce fichier demande trop de mémoire ou de temps pour être lu. Découpez-le en plusieurs fichiers ou enregistrez-le au format CSV.',
    en: 'This file needs too much memory or time to be read. Split it into several files or save it as CSV.',
    ar: 'تتطلب قراءة هذا الملف ذاكرة أو وقتًا أكثر من اللازم. قسِّمه إلى عدة ملفات أو احفظه بصيغة CSV.',
  },
  no_data: {
    fr: 'Le fichier ne contient aucune donnée.',
    en: 'The file contains no data.',
    ar: 'لا يحتوي الملف على أي بيانات.',
  },
  sheet_not_found: {
    fr: (h) => `La feuille${h ? ` « ${h} »` : ''} n’existe pas dans ce classeur.`,
    en: (h) => `The sheet${h ? ` “${h}”` : ''} does not exist in this workbook.`,
    ar: (h) => `الورقة${h ? ` «${h}»` : ''} غير موجودة في هذا المصنف.`,
  },
  file_required: {
    fr: 'Joignez un fichier (champ « file ») : classeur Excel (.xlsx) ou CSV.',
    en: 'Attach a file (field “file”): an Excel workbook (.xlsx) or a CSV file.',
    ar: 'أرفق ملفًا (الخانة «file»): مصنف Excel (.xlsx) أو ملف CSV.',
  },
  import_not_ready: {
    fr: (h) => `Cette étape n’est pas possible maintenant${h ? ` (import à l’état « ${h} »)` : ''}.`,
    en: (h) => `This step is not possible now${h ? ` (import in state “${h}”)` : ''}.`,
    ar: (h) => `هذه الخطوة غير ممكنة الآن${h ? ` (الاستيراد في الحالة «${h}»)` : ''}.`,
  },
  has_errors: {
    fr: (h) =>
      `Le fichier contient encore ${h ?? 'des'} ligne(s) en erreur : corrigez-les, ou importez seulement les lignes valides.`,
    en: (h) =>
      `The file still has ${h ?? 'some'} row(s) with errors: fix them, or import only the valid rows.`,
    ar: (h) =>
      `لا يزال الملف يحتوي على أسطر بها أخطاء${h ? ` (${h})` : ''}: صحِّحها، أو استورد الأسطر الصحيحة فقط.`,
  },
  mapping_invalid: {
    fr: 'Le mappage des colonnes est invalide : chaque champ reçoit au plus une colonne du fichier, et une colonne sert au plus un champ.',
    en: 'The column mapping is invalid: each field takes at most one column of the file, and a column serves at most one field.',
    ar: 'ربط الأعمدة غير صحيح: تأخذ كل خانة عمودًا واحدًا من الملف على الأكثر، ويخدم كل عمود خانة واحدة على الأكثر.',
  },
  import_failed: {
    fr: 'L’import a échoué et aucun client n’a été créé. Réessayez ; si l’erreur persiste, contactez le support.',
    en: 'The import failed and no client was created. Try again; if it persists, contact support.',
    ar: 'فشل الاستيراد ولم يُنشأ أي عميل. أعد المحاولة؛ وإن تكرر الخطأ، تواصل مع الدعم.',
  },
  import_clients_invited: {
    fr: (h) =>
      `Des clients de cet import ont déjà été invités${h ? ` (${h})` : ''} : l’import ne peut plus être annulé. Archivez plutôt les clients à retirer.`,
    en: (h) =>
      `Clients of this import were already invited${h ? ` (${h})` : ''}: the import can no longer be undone. Archive the clients to remove instead.`,
    ar: (h) =>
      `سبقت دعوة عملاء من هذا الاستيراد${h ? ` (${h})` : ''}: لم يعد من الممكن إلغاء الاستيراد. أرشِف العملاء المراد إزالتهم بدلًا من ذلك.`,
  },
  field_not_mapped: {
    fr: (h) =>
      `Aucune colonne du fichier n’est associée à ce champ${h ? ` (${h})` : ''} : corrigez le mappage des colonnes.`,
    en: (h) => `No column of the file goes to this field${h ? ` (${h})` : ''}: fix the column mapping.`,
    ar: (h) => `لا يرتبط أي عمود من الملف بهذه الخانة${h ? ` (${h})` : ''}: صحِّح ربط الأعمدة.`,
  },
} as const satisfies Record<string, Record<UiLanguage, RequestMessage>>;
