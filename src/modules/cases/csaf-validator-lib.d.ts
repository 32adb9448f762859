// The BSI library ships JavaScript with JSDoc only: the few entry points used here, typed.
declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  export interface CsafMessage { message: string; instancePath: string }
  export interface CsafTestResult { name: string; isValid: boolean; errors: CsafMessage[]; warnings: CsafMessage[]; infos: CsafMessage[] }
  export interface CsafResult { isValid: boolean; tests: CsafTestResult[] }
  export type DocumentTest = (doc: unknown) => unknown;
  export default function validateStrict(tests: DocumentTest[], doc: unknown): Promise<CsafResult>;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  const tests: Record<string, import('@secvisogram/csaf-validator-lib/validateStrict.js').DocumentTest>;
  export = tests;
}
declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  export const csaf_2_0_strict: import('@secvisogram/csaf-validator-lib/validateStrict.js').DocumentTest;
}
declare module '@secvisogram/csaf-validator-lib/cwe.js' {
  export const weaknesses: Array<{ id: string; name: string }>;
}
