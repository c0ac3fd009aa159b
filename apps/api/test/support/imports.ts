import { makeIce } from './clients';
import { workbookBuffer } from './spreadsheets';
import type { ApiClient } from './test-app';

let sequence = 0;

/**
 * A valid client as the template's twelve cells (columns A–L), each row unique (name, ICE, IF, e-mail);
 * `overrides` by field key.
 */
export function clientRow(overrides: Partial<Record<string, string>> = {}): string[] {
  sequence++;
  const tag = `${Date.now().toString(36)}${sequence}`;
  const values: Record<string, string> = {
    name: `Société ${tag}`,
    address: `${sequence}, rue de Fès`,
    postalCode: '20250',
    city: 'Casablanca',
    country: 'Maroc',
    ice: makeIce(),
    taxId: String(1_000_000 + sequence),
    iban: '',
    language: 'fr',
    contactName: 'Karim Benjelloun',
    contactLanguage: 'ar',
    contactEmail: `contact.${tag}@atlas.ma`,
    ...overrides,
  };
  return [
    values.name,
    values.address,
    values.postalCode,
    values.city,
    values.country,
    values.ice,
    values.taxId,
    values.iban,
    values.language,
    values.contactName,
    values.contactLanguage,
    values.contactEmail,
  ];
}

/** A text-only .xlsx (every cell typed as text, the way the template's columns are formatted). */
export function xlsx(rows: (string | null)[][], sheetName = 'Clients'): Promise<Buffer> {
  return workbookBuffer((wb) => {
    const ws = wb.addWorksheet(sheetName);
    for (const row of rows) ws.addRow(row);
  });
}

export interface BatchView {
  id: string;
  status: string;
  fileName: string;
  fileSha256: string;
  sheets: string[];
  sheet: string | null;
  headerRow: number | null;
  headers: string[];
  columns: string[];
  sampleRows: string[][];
  mapping: Record<string, number | null>;
  suggestions: Record<string, { column: number; reason: string; savedMapping?: string }>;
  mappingSource: string | null;
  savedMappingName: string | null;
  progress: { done: number; total: number };
  summary: Record<string, number>;
  error: { code: string; message: string } | null;
}

export interface IssueView {
  row: number;
  column: string | null;
  header: string | null;
  field: string;
  code: string;
  severity: string;
  message: string;
  value: string | null;
}

/** Uploads a file as the web app does (multipart, field `file`); returns the response. */
export function uploadFile(
  client: ApiClient,
  bytes: Buffer,
  fileName: string,
  fields: Record<string, string> = {},
) {
  const req = client.request('post', '/api/imports');
  for (const [key, value] of Object.entries(fields)) req.field(key, value);
  return req.attach('file', bytes, fileName);
}

/** Polls the batch until it leaves the running state (parsing, checking, importing). */
export async function settled(client: ApiClient, id: string, timeoutMs = 60_000): Promise<BatchView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/imports/${id}`);
    if (res.status !== 200) throw new Error(`GET import ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    const batch = res.body as BatchView;
    if (!['parsing', 'checking', 'importing'].includes(batch.status)) return batch;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${batch.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Upload → parsed batch (status mapping or failed). */
export async function uploadAndParse(
  client: ApiClient,
  bytes: Buffer,
  fileName: string,
  fields: Record<string, string> = {},
) {
  const res = await uploadFile(client, bytes, fileName, fields);
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return settled(client, res.body.id as string);
}

export async function checkBatch(client: ApiClient, id: string): Promise<BatchView> {
  const res = await client.post(`/api/imports/${id}/check`);
  if (res.status !== 202) throw new Error(`check: ${res.status} ${JSON.stringify(res.body)}`);
  return settled(client, id);
}

export async function importBatch(
  client: ApiClient,
  id: string,
  mode: 'all' | 'valid_only',
): Promise<BatchView> {
  const res = await client.post(`/api/imports/${id}/import`, { mode });
  if (res.status !== 202) throw new Error(`import: ${res.status} ${JSON.stringify(res.body)}`);
  return settled(client, id);
}

export async function allIssues(client: ApiClient, id: string, query = ''): Promise<IssueView[]> {
  const items: IssueView[] = [];
  for (let page = 1; ; page++) {
    const res = await client.get(
      `/api/imports/${id}/errors?pageSize=200&page=${page}${query ? `&${query}` : ''}`,
    );
    if (res.status !== 200) throw new Error(`errors: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...(res.body.items as IssueView[]));
    if (items.length >= res.body.total || res.body.items.length === 0) return items;
  }
}
