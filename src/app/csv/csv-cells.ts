/**
 * OWASP CSV injection: a cell starting with = + - @ tab or CR may run as a formula in a spreadsheet, so it gets a
 * leading `'`. Cells that already start with quotes before such a character get one more, which keeps the
 * transformation reversible: `restoreCell(neutraliseCell(v)) === v` for every string. Every CSV the platform writes
 * passes its text cells through it.
 */
export function neutraliseCell(value: string): string {
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
