import { AppConfig } from '../../config/app-config';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './reading/limits';

/** The reader's limits with the product limits of this installation (AppConfig, README). */
export function readLimits(config: AppConfig): ReadLimits {
  return {
    ...DEFAULT_READ_LIMITS,
    maxBytes: config.IMPORT_MAX_FILE_MB * 1024 * 1024,
    maxDataRows: config.IMPORT_MAX_ROWS,
    maxColumns: config.IMPORT_MAX_COLUMNS,
  };
}

/** Batch sizes of the steps (rows per thread call, per statement). Tests lower them to cross batches. */
export const IMPORT_TUNING = {
  rowsPerBatch: 2000,
  sampleRows: 50,
};
