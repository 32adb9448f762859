/**
 * What the platform adds to the G7 synthesis of 2019, measure by measure: a short title in both languages (the
 * synthesis has none: its measures are list items), the kind of measure, and the English translation of the French
 * text, written for the platform and always shown as a translation. `starts` is the beginning of the French text the
 * entry was written for: the importer refuses a synthesis whose measures no longer start so, rather than attach a
 * translation to another text.
 */
import type { PracticeKind } from '../practices/practices.constants.js';

export interface G7MeasureTranslation {
  starts: string;
  kind: PracticeKind;
  title: { en: string; fr: string };
  en: string;
}

/** By `<norm code>/<position in the section>`. */
export const g7Measures: Record<string, G7MeasureTranslation> = {
  '13a/1': {
    starts: "la promotion au niveau international d'un cadre de stabilité",
    kind: 'diplomatic-action',
    title: { en: 'Promoting an international stability framework based on international law and the voluntary norms', fr: 'Promotion d’un cadre international de stabilité fondé sur le droit international et les normes volontaires' },
    en: 'promoting, at the international level, a stability framework based in particular on the application of existing international law and on the voluntary norms of responsible State behaviour, which this initiative aims to strengthen;',
  },
  '13a/2': {
    starts: 'la mise en place de mesures de confiance',
    kind: 'diplomatic-action',
    title: { en: 'Confidence-building measures and strategic dialogues on cyberspace', fr: 'Mesures de confiance et dialogues stratégiques sur le cyberespace' },
    en: 'establishing confidence-building measures (notably at the OSCE, the OAS and the ARF) and strategic dialogues on cyberspace issues with several partners at the bilateral, trilateral or multilateral level, in order to strengthen trust, capacities and cooperation mechanisms, which will also consolidate the above-mentioned stability framework;',
  },
  '13a/3': {
    starts: 'le développement de capacités cyber aux niveaux national et international',
    kind: 'strategy',
    title: { en: 'Building cyber capacities at home and abroad, with national cybersecurity strategies', fr: 'Développement des capacités cyber nationales et internationales, dont des stratégies nationales de cybersécurité' },
    en: 'developing cyber capacities at the national and international levels, to raise the overall level of resilience, protection and security of information systems and networks. In particular, the G7 countries have all published comprehensive interministerial cybersecurity strategies, whose drafting and effective implementation are considered an essential and useful step to enable the coordination of efforts and the strengthening of security;',
  },
  '13a/4': {
    starts: "l'élaboration constante de normes sectorielles",
    kind: 'standard-or-guidance',
    title: { en: 'Developing sector-specific technology security standards', fr: 'Élaboration de normes sectorielles de sécurité des technologies' },
    en: 'the continuous development of sector-specific standards on the security of technologies, to strengthen cyber resilience worldwide and to achieve harmonisation at the international level.',
  },
  '13b/1': {
    starts: 'Ces procédures comprennent en général un partage régulier',
    kind: 'institution',
    title: { en: 'Information sharing and cooperation between government bodies in crisis management', fr: 'Partage d’informations et coopération entre administrations dans la gestion de crise' },
    en: 'These procedures generally include regular information sharing and enhanced cooperation between the competent government departments and agencies, which may take different forms;',
  },
  '13b/2': {
    starts: "après la détection d'une attaque",
    kind: 'institution',
    title: { en: 'Technical assessment of an incident before any interministerial response', fr: 'Évaluation technique de l’incident avant toute réponse interministérielle' },
    en: 'once an attack has been detected, it falls to the technical agencies to present an assessment of the nature of the incident, which then paves the way for an interministerial response, if necessary;',
  },
  '13b/3': {
    starts: "les pays du G7 considèrent que l'attribution d'une attaque",
    kind: 'strategy',
    title: { en: 'Attribution as a sovereign political decision, taken case by case', fr: 'L’attribution, décision politique souveraine prise au cas par cas' },
    en: 'the G7 countries consider that attributing an attack is a sovereign political decision, taken on a case-by-case basis with due regard to all relevant information;',
  },
  '13b/4': {
    starts: 'certains pays du G7 ont jugé utile de mettre en place un cadre de classification',
    kind: 'standard-or-guidance',
    title: { en: 'Incident classification frameworks', fr: 'Cadres de classification des incidents' },
    en: 'some G7 countries have found it useful to set up an incident classification framework, to help officials and decision-makers in their analysis and action.',
  },
  '13c/1': {
    starts: 'ont augmenté les ressources et les capacités',
    kind: 'institution',
    title: { en: 'More resources and capabilities for the national cybersecurity agencies', fr: 'Plus de ressources et de capacités pour les agences nationales de cybersécurité' },
    en: 'have increased the resources and capabilities of their national cybersecurity agencies;',
  },
  '13c/2': {
    starts: 'ont renforcé la coopération avec le secteur privé',
    kind: 'partnership',
    title: { en: 'Cooperation with the private sector on standards, threat information and awareness', fr: 'Coopération avec le secteur privé sur les normes, l’information sur les menaces et la sensibilisation' },
    en: 'have strengthened cooperation with the private sector, to promote effective cybersecurity standards, frameworks and procedures, in particular regarding incident notification and the security of Internet of Things devices, but also to improve the sharing of threat information and to run cybersecurity awareness campaigns;',
  },
  '13c/3': {
    starts: 'ont pris des mesures concrètes pour empêcher et dissuader les cybercriminels',
    kind: 'law-or-regulation',
    title: { en: 'Making unlawful acts committed using ICTs criminal offences', fr: 'Qualification pénale des actes illicites commis à l’aide des TIC' },
    en: 'have taken concrete measures to prevent and deter cybercriminals from operating on their territory or by using their digital infrastructure, in particular by making unlawful acts committed using ICTs, such as unauthorised intrusions into third parties’ information security systems, criminal offences.',
  },
  '13c/4': {
    starts: 'Certains pays du G7 ont pris des mesures pour encourager une notification responsable',
    kind: 'programme',
    title: { en: 'Responsible vulnerability disclosure, national competence centres and other ways to reduce harm', fr: 'Notification responsable des vulnérabilités, centres de compétences nationaux et autres moyens de limiter les dommages' },
    en: 'Some G7 countries have taken measures to encourage responsible vulnerability disclosure and the establishment of national competence centres. Some countries have also chosen other approaches to reduce the damage caused by common attacks.',
  },
  '13d/1': {
    starts: 'la ratification de la Convention sur la cybercriminalité',
    kind: 'law-or-regulation',
    title: { en: 'Ratifying the Budapest Convention on Cybercrime', fr: 'Ratification de la Convention de Budapest sur la cybercriminalité' },
    en: 'the ratification of the Council of Europe Convention on Cybercrime of 2001 (the Budapest Convention), which provides effective, flexible and modern means of international cooperation in the fight against cybercrime;',
  },
  '13d/2': {
    starts: 'la mise en place de partenariats forts',
    kind: 'partnership',
    title: { en: 'Strong public and private partnerships, including between CERTs and law enforcement', fr: 'Partenariats publics et privés forts, y compris entre CERT et forces de l’ordre' },
    en: 'the building of strong partnerships with public and private partners, including at the technical and operational level, through exchanges between response teams (CERTs) and other law enforcement officers;',
  },
  '13d/3': {
    starts: 'un soutien apporté aux autres pays',
    kind: 'capacity-building',
    title: { en: 'Helping other countries build their capacity against cybercrime', fr: 'Soutien aux autres pays pour développer leurs capacités de lutte contre la cybercriminalité' },
    en: 'support given to other countries so that they develop their own capacities to fight cybercrime, bilaterally or by acting within or alongside European and international organisations.',
  },
  '13d/4': {
    starts: "Certains pays du G7 ont également alloué d'importantes ressources",
    kind: 'partnership',
    title: { en: 'Working with the private sector and civil society against terrorist use of the Internet', fr: 'Coopération avec le secteur privé et la société civile contre l’utilisation d’internet à des fins terroristes' },
    en: 'Some G7 countries have also allocated significant resources to cooperation with the private sector and civil society to prevent the use of the Internet for terrorist purposes and to remove terrorist content from it.',
  },
  '13e/1': {
    starts: 'en veillant à ce que la législation nationale en vigueur',
    kind: 'law-or-regulation',
    title: { en: 'National legislation protecting privacy, freedom of expression and personal data', fr: 'Législation nationale protégeant la vie privée, la liberté d’expression et les données personnelles' },
    en: 'by ensuring that the national legislation in force protects in particular the right to privacy, freedom of expression and personal data, and prevents online harms;',
  },
  '13e/2': {
    starts: 'en soutenant les initiatives internationales',
    kind: 'diplomatic-action',
    title: { en: 'Supporting international and European initiatives on human rights online', fr: 'Soutien aux initiatives internationales et européennes sur les droits de l’Homme en ligne' },
    en: 'by supporting international and, where appropriate, European initiatives on the protection of human rights on the Internet (such as the Council of Europe’s Guide to human rights for Internet users, the relevant resolutions of the Human Rights Council, the European Union’s General Data Protection Regulation, etc.).',
  },
  '13f/1': {
    starts: "Les pays du G7, en tant qu'États responsables, ont réaffirmé leur soutien",
    kind: 'diplomatic-action',
    title: { en: 'Support for the norm, and offensive cyber capabilities bound by international law', fr: 'Soutien à la norme, et capacités cyber offensives soumises au droit international' },
    en: 'The G7 countries, as responsible States, have reaffirmed their support for this norm and have defended it at the international level. Several of them have made clear that the use of national offensive cyber capabilities must be governed by respect for international law, including humanitarian law.',
  },
  '13g/1': {
    starts: 'mis en place des cadres réglementaires efficaces',
    kind: 'law-or-regulation',
    title: { en: 'Regulatory frameworks for the protection of critical operators', fr: 'Cadres réglementaires de protection des opérateurs essentiels' },
    en: 'put in place effective regulatory frameworks requiring companies to raise their level of protection, to be sufficiently resilient to ICT threats and to notify ICT incidents, which has significantly strengthened cooperation between the public and private sectors, in particular with the operators and systems deemed essential or critical;',
  },
  '13g/2': {
    starts: 'encouragé la coopération régionale et internationale',
    kind: 'partnership',
    title: { en: 'Regional and international cooperation on critical infrastructure protection', fr: 'Coopération régionale et internationale sur la protection des infrastructures essentielles' },
    en: 'encouraged regional and international cooperation on this issue, in particular through the sharing of good practices and of information on specific threats and incidents, and through the development of confidence-building measures between States;',
  },
  '13g/3': {
    starts: 'élaboré des programmes et des activités',
    kind: 'capacity-building',
    title: { en: 'Education, training and cooperation programmes for critical infrastructure protection', fr: 'Programmes d’éducation, de formation et de coopération pour la protection des infrastructures essentielles' },
    en: 'developed education, training and cooperation programmes and activities to strengthen their capacities and resources in this field.',
  },
  '13h/1': {
    starts: "Pour faciliter la réponse aux demandes d'assistance appropriées",
    kind: 'institution',
    title: { en: 'Permanent points of contact for requests for assistance', fr: 'Points de contact permanents pour les demandes d’assistance' },
    en: 'To facilitate the response to appropriate requests for assistance, the G7 countries have set up specific and operational permanent points of contact, which are generally located within computer emergency response teams (CERTs) or computer security incident response teams (CSIRTs) and can be reached at all times. These points of contact are generally shared with the other members of the relevant regional and international organisations, such as the OSCE, the EU CSIRTs Network or the parties to the Budapest Convention.',
  },
  '13i/1': {
    starts: "l'élaboration et la promotion de cadres, de recommandations",
    kind: 'standard-or-guidance',
    title: { en: 'Frameworks, guidance, standards and certification for supply chain security', fr: 'Cadres, recommandations, normes et certification pour la sécurité de la chaîne d’approvisionnement' },
    en: 'the development and promotion of frameworks, recommendations, codes of conduct, standards and rules for companies, to raise awareness of supply chain security and to help companies put in place effective control and monitoring of their supply chain; these may also include labelling, evaluation and certification schemes;',
  },
  '13i/2': {
    starts: 'la mise en place de procédures pour faire en sorte que les passations de marchés publics',
    kind: 'law-or-regulation',
    title: { en: 'Public ICT procurement that improves security and resilience', fr: 'Des marchés publics de TIC au service de la sécurité et de la résilience' },
    en: 'the establishment of procedures to ensure that public procurement in the ICT field contributes to improving security and resilience;',
  },
  '13i/3': {
    starts: 'la promotion du recours à des régimes de contrôle des exportations',
    kind: 'diplomatic-action',
    title: { en: 'Export control regimes against the proliferation of malicious ICT tools', fr: 'Régimes de contrôle des exportations contre la prolifération des outils informatiques malveillants' },
    en: 'the promotion of appropriate and effective export control regimes to prevent the proliferation of malicious ICT tools and techniques.',
  },
  '13j/1': {
    starts: 'Les pays du G7 ont mis en place des procédures, des mécanismes et parfois des cadres juridiques',
    kind: 'programme',
    title: { en: 'Responsible reporting of vulnerabilities by and to the national cybersecurity agencies', fr: 'Communication responsable des vulnérabilités par et aux agences nationales de cybersécurité' },
    en: 'The G7 countries have put in place procedures, mechanisms and sometimes legal frameworks that facilitate and encourage the responsible reporting of vulnerabilities by and to their national cybersecurity agencies. They have strengthened their cooperation with public and private partners to improve the sharing of information on vulnerabilities and on mitigation and recovery measures, as well as programmes designed to help partners put in place vulnerability disclosure procedures.',
  },
  '13k/1': {
    starts: "En tant qu'États responsables, tous les pays du G7 ont réaffirmé fermement",
    kind: 'diplomatic-action',
    title: { en: 'No harm to other States’ CERTs, and no misuse of one’s own', fr: 'Ne pas porter atteinte aux CERT d’autres États ni détourner les siennes' },
    en: 'As responsible States, all the G7 countries have firmly reaffirmed the principle that they would not knowingly conduct or support activities intended to harm the CERTs of another State and would not use their own CERTs to engage in malicious international activity.',
  },
};

/** The English of the sections' lead-ins, by norm code (norms 6, 8, 10 and 11 have none: their section is one paragraph). */
export const g7Intros: Record<string, { starts: string; en: string }> = {
  '13a': {
    starts: 'Les pays du G7 ont pris plusieurs mesures pour renforcer la stabilité',
    en: 'The G7 countries have taken several measures to strengthen stability and security in the use of ICTs and to prevent the most harmful practices in this field. These measures include:',
  },
  '13b': {
    starts: 'Les États du G7 ont élaboré des procédures de gestion de crise',
    en: 'The G7 States have developed crisis management procedures to respond to ICT incidents at the national level.',
  },
  '13c': { starts: 'Pour ce faire, les pays du G7', en: 'To this end, the G7 countries:' },
  '13d': {
    starts: 'Les pays du G7 ont élaboré une série de mesures pour renforcer la coopération',
    en: 'The G7 countries have developed a series of measures to strengthen cooperation with their partners in order to prevent and punish terrorist and criminal uses of ICTs, including:',
  },
  '13e': {
    starts: 'Tous les pays du G7 partagent un même attachement',
    en: 'All the G7 countries share the same commitment to a free, open and secure Internet, in which everyone’s rights are protected online as they are offline. They play an active role in defending and promoting this approach, in particular:',
  },
  '13g': {
    starts: 'Pour protéger leurs infrastructures essentielles des menaces informatiques',
    en: 'To protect their critical infrastructure from ICT threats, the G7 countries have:',
  },
  '13i': {
    starts: "Les pays du G7 ont pris une série de mesures pour garantir l'intégrité",
    en: 'The G7 countries have taken a series of measures to ensure the integrity of the supply chain and to prevent the proliferation of malicious ICT tools and techniques and the use of harmful hidden functions, such as:',
  },
};

/** The English of the document's title, subtitle and preamble. */
export const g7Front = {
  title: { starts: 'Initiative pour des normes dans le cyberspace', en: 'Cyber Norm Initiative' },
  subtitle: { starts: 'Synthèse des enseignements tirés', en: 'Synthesis of lessons learned and good practices' },
  preamble: {
    starts: 'Le 6 avril 2019, les ministres des Affaires étrangères du G7',
    en: 'On 6 April 2019, the G7 Foreign Ministers met in Dinard (France) to launch an initiative on the norms applicable to cyberspace, devoted to sharing the good practices drawn from their experience in implementing the voluntary and non-binding norms of responsible State behaviour. The norms set out in this document stem mainly from the work of the United Nations Group of Governmental Experts (GGE) and form a subset of the international framework for stability in cyberspace. The G7 countries are determined to pursue this work and to coordinate their positions on a whole range of important recommendations highlighted in the reports of this group of experts.',
  },
} as const;
