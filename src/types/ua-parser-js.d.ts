/**
 * The part of ua-parser-js 1.x (MIT) the platform uses. The 1.x line ships no types, and @types/ua-parser-js follows
 * the 0.7 API; 2.x, which has types, is AGPL-licensed.
 */
declare module 'ua-parser-js' {
  interface UAParserResult {
    browser: { name?: string; version?: string; major?: string };
    os: { name?: string; version?: string };
    device: { vendor?: string; model?: string; type?: string };
  }
  const UAParser: { (userAgent: string): UAParserResult };
  export default UAParser;
}
