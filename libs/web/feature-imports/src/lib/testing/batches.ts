import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportBatch, ImportIssue, ImportSummary } from '@passerelle/api-types';

/** Test data for the import pages' specs (not part of the library's API). */

export const HEADERS = [
  'Raison sociale',
  'Adresse',
  'CP',
  'Ville',
  'Pays',
  'N° ICE',
  'IF',
  'RIB',
  'Langue',
  'Gérant',
  'Langue gérant',
  'Courriel',
  'Remarques',
];

export function summary(overrides: Partial<ImportSummary> = {}): ImportSummary {
  return {
    rows: 0,
    valid: 0,
    invalid: 0,
    warnings: 0,
    duplicates: 0,
    toCreate: 0,
    toSkip: 0,
    created: 0,
    skipped: 0,
    ...overrides,
  };
}

export function batch(overrides: Partial<ImportBatch> = {}): ImportBatch {
  return {
    id: 'b1',
    status: 'mapping',
    fileName: 'portefeuille.xlsx',
    fileSha256: 'a'.repeat(64),
    fileSize: 48_213,
    format: 'xlsx',
    sheets: ['Clients'],
    sheet: 'Clients',
    headerRow: 3,
    headers: HEADERS,
    columns: HEADERS.map((_, i) => String.fromCharCode(65 + i)),
    sampleRows: [
      [
        'Atlas Négoce SARL',
        '12, bd Zerktouni',
        '20000',
        'Casablanca',
        'Maroc',
        '001561191000066',
        '1234567',
        '',
        'fr',
        'Nadia Benali',
        'ar',
        'nadia@atlas.ma',
        'VIP',
      ],
      [
        'Cèdre Services',
        '4, rue de Fès',
        '30000',
        'Fès',
        'Maroc',
        '002345678000091',
        '7654321',
        '',
        'Français',
        'Karim Alaoui',
        '',
        'karim@cedre.ma',
        '',
      ],
    ],
    mapping: {
      name: 0,
      address: 1,
      postalCode: 2,
      city: 3,
      country: 4,
      ice: 5,
      taxId: 6,
      iban: 7,
      language: 8,
      contactName: 9,
      contactLanguage: 10,
      contactEmail: 11,
      shareDocuments: null,
      accountingSoftwareId: null,
    },
    suggestions: {
      name: { column: 0, confidence: 0.9, reason: 'synonym' },
      ice: { column: 5, confidence: 0.95, reason: 'values' },
      contactEmail: { column: 11, confidence: 0.9, reason: 'synonym' },
    },
    mappingSource: 'suggested',
    savedMappingName: null,
    progress: { done: 0, total: 0 },
    summary: summary({ rows: 2 }),
    importMode: null,
    error: null,
    createdByName: 'Salma Bennani',
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    checkedAt: null,
    importedAt: null,
    ...overrides,
  };
}

export function issue(overrides: Partial<ImportIssue> = {}): ImportIssue {
  return {
    row: 12,
    column: 'F',
    header: 'N° ICE',
    field: 'ice',
    code: 'invalid_checksum',
    severity: 'error',
    message: 'ICE — le numéro est invalide (clé de contrôle)',
    value: '001561191000067',
    ...overrides,
  };
}

/** TestBed with HttpClient (testing backend) and a router; French UI. */
export function configureHttp(providers: Provider[] = []): void {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]),
      provideHttpClient(),
      provideHttpClientTesting(),
      ...providers,
    ],
  });
}

export function setUpHttp(providers: Provider[] = []): HttpTestingController {
  configureHttp(providers);
  return TestBed.inject(HttpTestingController);
}

/** The request to `url` once the page has sent it (after a dialog closes, a debounce…), within 2 s. */
export async function nextRequest(http: HttpTestingController, url: string) {
  for (let waited = 0; waited < 2000; waited += 20) {
    const [found] = http.match(url);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return http.expectOne(url);
}
