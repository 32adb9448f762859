/** A source file of the toolkit that cannot be imported: names the place (`sheet!cell`, or file and line) that broke it. */
export class ToolkitSourceError extends Error {
  constructor(
    /** `Public policy!F4`, a sheet name, or `report.txt:123`. */
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
    this.name = 'ToolkitSourceError';
  }
}
