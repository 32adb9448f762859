/**
 * How large an iData/iMeta file may be, in one place: the secretariat's upload form and the CLI both read files
 * through `readCoinrTables`, which refuses a file beyond these caps before parsing it, and parses what passes in a
 * worker thread held to `parseWorkerLimits`.
 *
 * A real index is about 200 units × 60 indicators × 10 years: 2,000 rows × 65 columns, 130,000 cells, a 1 MB CSV or
 * a 0.9 MB workbook whose sheet inflates to 4 MB, read in about 75 MB. The caps admit several times that and refuse
 * what a probe used to stop the server with (a 1.8 MB workbook inflating to 30 million cells, a 611 KB one to 10
 * million; a 20 MB CSV of 600,000 rows). They are constants, not settings: the worker's memory cap is sized for the
 * cell cap, so raising one alone would turn refusals into out-of-memory ones.
 */

const MB = 1024 * 1024;

export const uploadLimits = {
  /** Declared size of one uploaded file (the multipart limit), and of a CSV read from disk: 10 × a real index. */
  fileBytes: 10 * MB,
  /** The sum of a workbook's uncompressed entries, as its zip directory declares them and as they inflate: 25 × a real index. */
  xlsxInflatedBytes: 100 * MB,
  /** Cells in one file: every sheet of a workbook (all are loaded), or CSV lines × header columns: 3.8 × a real index. */
  cells: 500_000,
} as const;

/**
 * The parsing worker's limits: the memory a file of `uploadLimits.cells` cells needs with room to spare (measured in
 * bench/uploads.ts), and a time after which the worker is stopped.
 */
export const parseWorkerLimits = {
  maxOldGenerationSizeMb: 768,
  maxYoungGenerationSizeMb: 48,
  timeoutMs: 120_000,
} as const;

/** The declared-size cap in whole megabytes, as the form shows it. */
export const maxUploadMb = uploadLimits.fileBytes / MB;
