/**
 * The principles' case studies as practices: one per `###` section, English and French paired by their place in the
 * file, linked to the file's principle, attributed as case-studies.attribution.ts says. English is the original (the
 * official site writes them in English and publishes the French as its translation). A case study without an entry
 * there, or whose heading no longer matches it, is left out and reported: the importer never guesses who did what.
 */
import type { PracticeLink } from '../practices/practices.tables.js';
import type { CaseStudy, CaseStudyFiles } from '../io/case-studies.source.js';
import { caseStudyAttributions } from './case-studies.attribution.js';
import type { ImportedPractice } from './imports.models.js';

export const caseStudiesDocument = 'case-studies';

export interface SkippedCaseStudy {
  file: string;
  line: number;
  heading: string;
  reason: string;
}

/** The short name before the heading's colon ("Charter of Trust"), for the locator. */
const shortName = (heading: string) => heading.split(':')[0]!.trim();

/** The closing links of both languages: the English ones labelled in both languages where the French has the same place. */
function mergeLinks(en: CaseStudy | undefined, fr: CaseStudy | undefined): PracticeLink[] {
  const links: PracticeLink[] = [];
  const enLinks = en?.links ?? [];
  enLinks.forEach((link, index) => {
    const french = fr?.links[index];
    links.push({ url: link.url, label: french?.url === link.url ? { en: link.label, fr: french.label } : { en: link.label } });
  });
  for (const link of fr?.links ?? []) {
    if (!links.some((l) => l.url === link.url)) links.push({ url: link.url, label: { fr: link.label } });
  }
  return links;
}

export function caseStudyPractices(files: CaseStudyFiles): { practices: ImportedPractice[]; skipped: SkippedCaseStudy[]; warnings: string[] } {
  const practices: ImportedPractice[] = [];
  const skipped: SkippedCaseStudy[] = [];
  const warnings: string[] = [];
  for (const { principle, en, fr, files: names } of files.principles) {
    // Paired by place only when both files hold as many case studies; otherwise the French is left out, and said so.
    const paired = en.length === fr.length;
    if (!paired) warnings.push(`${names.fr}: ${fr.length} case studies, ${names.en}: ${en.length}; imported in English only`);
    for (const [index, english] of en.entries()) {
      const key = `principle-${principle}/${english.position}`;
      const entry = caseStudyAttributions[key];
      const skip = (reason: string) => skipped.push({ file: names.en, line: english.line, heading: english.heading, reason });
      if (!entry) {
        skip(`no entry "${key}" in case-studies.attribution.ts: who did it is not known`);
        continue;
      }
      if (!english.heading.startsWith(entry.starts)) {
        skip(`the entry "${key}" in case-studies.attribution.ts was written for a heading starting "${entry.starts}"`);
        continue;
      }
      const french = paired ? fr[index] : undefined;
      practices.push({
        sourceKey: `case-study/${key}`,
        origin: 'case-study',
        sourceRef: { document: caseStudiesDocument, locator: `principle-${principle}.md, case study ${english.position} of ${en.length}: "${shortName(english.heading)}"` },
        attribution: { ...entry.attribution },
        registryName: entry.registryName,
        category: entry.category,
        content: {
          title: french ? { en: english.heading, fr: french.heading } : { en: english.heading },
          description: french ? { en: english.paragraphs.join('\n\n'), fr: french.paragraphs.join('\n\n') } : { en: english.paragraphs.join('\n\n') },
          original: 'en',
          kind: entry.kind,
          implementationStatus: 'reported',
          startedOn: null,
          endedOn: null,
          year: entry.year,
          principles: [principle],
          norms: [],
          sectors: [],
          countries: [...entry.countries],
          links: mergeLinks(english, french),
          attachments: [],
        },
      });
    }
  }
  return { practices, skipped, warnings };
}
