// How much one CSV import may hold (docs/decisions.md, 40): about twice the 100,000 rows the issue asks for.
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;
export const IMPORT_MAX_COLUMNS = 200;
