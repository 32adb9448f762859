/**
 * The Working Group 5 framework (Paris Call WG5 report, 8 Nov 2021, "Building the index"): five categories from
 * the GCSC definition of stability, each split into the sub-dimensions its text names, with the candidate
 * indicators and sources it lists. `measure` links a candidate to pilot data where an open source genuinely
 * measures it; every other candidate stays listed with `measure: null`, never filled in.
 */

export interface Wg5Indicator {
  code: string;
  name: string;
  /** +1 higher is better, -1 lower is better. */
  direction: 1 | -1;
  /** `source:measure` of the pilot data, or null when no open data are imported yet. */
  measure: string | null;
  unit: string;
  /** What the report names as potential data, and why the mapping is (or is not) made. */
  rationale: string;
}

export interface Wg5SubDimension {
  code: string;
  name: string;
  indicators: Wg5Indicator[];
}

export interface Wg5Category {
  code: string;
  name: string;
  subDimensions: Wg5SubDimension[];
}

const none = (code: string, name: string, rationale: string): Wg5Indicator => ({ code, name, direction: 1, measure: null, unit: 'NA', rationale });

export const WG5_FRAMEWORK: Wg5Category[] = [
  {
    code: 'Confidence', name: 'Confidence in using cyberspace safely and securely',
    subDimensions: [
      { code: 'ConfEnv', name: 'Secure and reliable technological environment', indicators: [
        { code: 'GCI', name: 'National commitment to cybersecurity (ITU Global Cybersecurity Index score)', direction: 1, measure: 'itu-gci:gci_score', unit: 'score 0–100',
          rationale: 'A policy indicator (WG5 wanted few): the GCI measures states’ legal, technical, organisational, capacity and cooperation commitments, a precondition of a reliable environment, not confidence itself.' },
        none('RiskAssess', 'Risk assessments by Chief Risk / Information Security Officers', 'Named by WG5; no open data.'),
      ] },
      { code: 'ConfTrust', name: 'Perceived security and trust', indicators: [
        none('TrustSurvey', 'Surveys of public trust in digital technologies', 'Named by WG5; no open, comparable survey imported yet.'),
        none('ThreatReports', 'Annual cybersecurity threat reports', 'Named by WG5; reports, not country-year data.'),
      ] },
    ],
  },
  {
    code: 'Services', name: 'General availability and integrity of products and services',
    subDimensions: [
      { code: 'ServAvail', name: 'Availability of products and services', indicators: [
        { code: 'CIDisrupt', name: 'Disruptive cyber incidents against critical infrastructure (EuRepoC)', direction: -1, measure: 'eurepoc:ci_disruptive_incidents', unit: 'incidents per year',
          rationale: 'Incidents of type Disruption or Ransomware whose targets include critical infrastructure take services down; counts of publicly reported incidents, so reporting bias applies.' },
      ] },
      { code: 'ServInteg', name: 'Integrity of products and services', indicators: [
        none('BGP', 'Border Gateway Protocol incidents', 'Named by WG5 as needed; no open country-year series imported.'),
        none('DNS', 'Domain Name System issues', 'Named by WG5 as needed; no open data imported.'),
        none('Infection', 'Infection rates', 'Named by WG5 (provided by non-state actors); no open data imported.'),
      ] },
    ],
  },
  {
    code: 'Information', name: 'General availability and integrity of information',
    subDimensions: [
      { code: 'InfoAvail', name: 'Availability of information', indicators: [
        { code: 'Shutdowns', name: 'Internet shutdown events (Access Now #KeepItOn)', direction: -1, measure: 'keepiton:shutdown_events', unit: 'events active in the year',
          rationale: 'WG5 names Internet shutdowns as the most extreme threat to the availability of information.' },
        none('Censorship', 'Censorship and content-removal reports (e.g. Freedom House)', 'Named by WG5; not open data under a reusable licence here.'),
      ] },
      { code: 'InfoInteg', name: 'Integrity of information', indicators: [
        none('Manipulation', 'Data manipulation', 'WG5: open-source data on the integrity of information are largely lacking.'),
      ] },
    ],
  },
  {
    code: 'Change', name: 'Management of change in relative peace',
    subDimensions: [
      { code: 'ChangeStd', name: 'Open standards and multistakeholder processes', indicators: [
        none('StdBodies', 'Statements within standard-setting bodies and the IGF (DC on Internet Standards, Security and Safety)', 'Named by WG5; no data imported.'),
      ] },
      { code: 'ChangeCap', name: 'Capacity building', indicators: [
        none('CapBuild', 'Capacity-building programmes (GFCE Cybil portal, OECD ODA)', 'Named by WG5; no data imported.'),
      ] },
    ],
  },
  {
    code: 'Tension', name: 'Tension resolution in a non-escalatory manner',
    subDimensions: [
      { code: 'TensAgree', name: 'International agreements and norms', indicators: [
        none('Budapest', 'Signatories of international conventions against cybercrime (Budapest Convention)', 'Named by WG5; not imported yet.'),
      ] },
      { code: 'TensCoop', name: 'Cooperation structures', indicators: [
        none('CERT', 'Countries with a CERT or single point of contact (FIRST, INTERPOL)', 'Named by WG5; not imported yet.'),
      ] },
      { code: 'TensTransp', name: 'Transparency about cyber capabilities', indicators: [
        none('Transparency', 'State transparency about cyber capabilities (HCSS Cyber Arms Watch, UNIDIR portal)', 'Named by WG5; not imported yet.'),
      ] },
    ],
  },
];
