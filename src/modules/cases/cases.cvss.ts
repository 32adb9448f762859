/**
 * CVSS vectors checked and scored by ae-cvss-calculator, which embeds FIRST's formulas (3.1) and MacroVector table
 * (4.0): never reimplemented here. A vector must carry every base metric; the library's score and normalised vector
 * are what is stored.
 */
import calculator from 'ae-cvss-calculator';

const { Cvss3P1, Cvss4P0 } = calculator as unknown as {
  Cvss3P1: new (vector: string) => { calculateScores(): { base?: number; overall: number; vector: string }; isBaseFullyDefined(): boolean };
  Cvss4P0: new (vector: string) => { calculateScores(): { base?: number; overall: number; vector: string } };
};

export type CvssVersion = '3.1' | '4.0';

export interface CvssScore {
  version: CvssVersion;
  vector: string;
  baseScore: number;
  severity: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
}

// The base metrics each version requires, in the order FIRST writes them (other metrics may follow).
const base31 = /^CVSS:3\.1\/AV:[NALP]\/AC:[LH]\/PR:[NLH]\/UI:[NR]\/S:[UC]\/C:[NLH]\/I:[NLH]\/A:[NLH](\/[A-Z]{1,3}:[A-Z])*$/;
const base40 = /^CVSS:4\.0\/AV:[NALP]\/AC:[LH]\/AT:[NP]\/PR:[NLH]\/UI:[NPA]\/VC:[HLN]\/VI:[HLN]\/VA:[HLN]\/SC:[HLN]\/SI:[HLN]\/SA:[HLN](\/[A-Z]{1,3}:[A-Z])*$/;

/** FIRST's qualitative rating (the same bands in 3.1 and 4.0). */
export function severityOf(score: number): CvssScore['severity'] {
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}

/** The vector's base score, or null when it is not a complete vector of that version (unknown metric or value included). */
export function scoreVector(version: CvssVersion, text: string): CvssScore | null {
  const vector = text.trim();
  if (!(version === '3.1' ? base31 : base40).test(vector)) return null;
  try {
    const scores = version === '3.1' ? new Cvss3P1(vector).calculateScores() : new Cvss4P0(vector).calculateScores();
    const baseScore = scores.base;
    if (typeof baseScore !== 'number' || Number.isNaN(baseScore)) return null;
    return { version, vector, baseScore, severity: severityOf(baseScore) };
  } catch {
    // The library throws on a metric value it does not know (`AV:Q`): that is a bad vector, not a crash.
    return null;
  }
}
