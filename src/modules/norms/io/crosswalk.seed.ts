/**
 * The crosswalk's first links, as the project read them in the Paris Call Working Group 4 report ("Advancing
 * International Cyber Norms: Multistakeholder Recommendations", 10/11/2021): for each principle, the UN norms its
 * chapter's text and recommendations point to. The report never cites a norm's paragraph: a link is made only where a
 * sentence of the principle's chapter says what a norm says, and that sentence is kept verbatim as `excerpt`, so the
 * importer can find it in the report's text, within the principle's chapter, and take its page from there (page
 * numbers are never typed here). Rationales are the project's own words, in English and French; their facts are the
 * report's. Principle 7 (cyber hygiene) has no link: its recommendations name no commitment of the eleven norms.
 */
export interface CrosswalkSeedLink {
  principleNumber: number;
  /** `13a` … `13k`. */
  normCode: string;
  /** A sentence or phrase of the report, verbatim (white space aside), that appears once in the principle's chapter. */
  excerpt: string;
  rationale: { en: string; fr: string };
}

export const crosswalkSeed: readonly CrosswalkSeedLink[] = [
  {
    principleNumber: 1,
    normCode: '13d',
    excerpt: 'Law enforcement should be engaged. Cybersecurity incidents are crimes',
    rationale: {
      en: 'The report calls for engaging law enforcement, as cyber incidents are crimes; norm 13(d) asks States to cooperate against the criminal use of ICTs.',
      fr: 'Le rapport appelle à associer les services répressifs, les cyberincidents étant des infractions ; la norme 13 d) demande aux États de coopérer contre l’usage criminel des TIC.',
    },
  },
  {
    principleNumber: 1,
    normCode: '13f',
    excerpt: 'provide greater clarity in terms of which infrastructure should be off limits to cyberattacks',
    rationale: {
      en: 'The report asks for more clarity on which infrastructure must be off limits to cyberattacks; norm 13(f) is the commitment not to damage critical infrastructure.',
      fr: 'Le rapport demande de préciser quelles infrastructures doivent être à l’abri des cyberattaques ; la norme 13 f) est l’engagement de ne pas endommager les infrastructures critiques.',
    },
  },
  {
    principleNumber: 1,
    normCode: '13g',
    excerpt: 'Defining critical infrastructure is vital.',
    rationale: {
      en: 'Defining critical infrastructure and planning incident response are among the recommendations: the groundwork of the protection norm 13(g) asks of States.',
      fr: 'Définir les infrastructures critiques et planifier la réponse aux incidents figurent parmi les recommandations : le socle de la protection que la norme 13 g) demande aux États.',
    },
  },
  {
    principleNumber: 2,
    normCode: '13c',
    excerpt: 'it does not create new obligations as it relates to the due diligence principle',
    rationale: {
      en: 'Promoting the protection of the public core must make clear that it adds no new due diligence obligation, the subject of norm 13(c).',
      fr: 'Promouvoir la protection du noyau public suppose de préciser qu’elle n’ajoute aucune obligation nouvelle de diligence raisonnable, objet de la norme 13 c).',
    },
  },
  {
    principleNumber: 2,
    normCode: '13f',
    excerpt: 'The Open-Ended Working Group uses the term “critical infrastructure” instead of “public core”',
    rationale: {
      en: 'The report notes that UN texts say “critical infrastructure” where principle 2 says “public core”, and recommends keeping the latter: the two overlap without coinciding.',
      fr: 'Le rapport relève que les textes de l’ONU disent « infrastructures critiques » là où le principe 2 dit « noyau public », et recommande de garder ce dernier terme : les deux se recoupent sans se confondre.',
    },
  },
  {
    principleNumber: 3,
    normCode: '13a',
    excerpt: 'Fundamentally, international cooperation is key, as one country could learn from the experiences of another.',
    rationale: {
      en: 'The report puts international cooperation first, so that countries learn from one another, as norm 13(a) asks States to cooperate on measures for stability and security.',
      fr: 'Le rapport place la coopération internationale en premier, pour que les pays apprennent les uns des autres, comme la norme 13 a) demande aux États de coopérer à des mesures de stabilité et de sécurité.',
    },
  },
  {
    principleNumber: 3,
    normCode: '13g',
    excerpt: 'protecting election infrastructure',
    rationale: {
      en: 'Protecting election infrastructure is one of the report’s recommendations for defending electoral processes; norm 13(g) covers the protection of critical infrastructure.',
      fr: 'Protéger les infrastructures électorales fait partie des recommandations du rapport pour défendre les processus électoraux ; la norme 13 g) porte sur la protection des infrastructures critiques.',
    },
  },
  {
    principleNumber: 4,
    normCode: '13a',
    excerpt: 'this issue is also very closely linked to a more general discussion about responsible state behavior',
    rationale: {
      en: 'The report ties the theft of intellectual property to responsible State behaviour and warns of the escalation it may trigger: a harmful practice of the kind norm 13(a) asks States to prevent together.',
      fr: 'Le rapport rattache le vol de propriété intellectuelle au comportement responsable des États et met en garde contre l’escalade qu’il peut provoquer : une pratique nuisible du type que la norme 13 a) demande aux États de prévenir ensemble.',
    },
  },
  {
    principleNumber: 5,
    normCode: '13i',
    excerpt: 'States should seek to prevent the proliferation of malicious ICT tools and techniques and the use of harmful hidden functions.',
    rationale: {
      en: 'The report quotes the second sentence of norm 13(i), on preventing the proliferation of malicious ICT tools, as the UN’s statement of non-proliferation.',
      fr: 'Le rapport cite la seconde phrase de la norme 13 i), sur la prévention de la prolifération des outils informatiques malveillants, comme l’expression onusienne de la non-prolifération.',
    },
  },
  {
    principleNumber: 5,
    normCode: '13j',
    excerpt: 'Though CVD guidelines and tools exist, adoption is inadequate and needs to be encouraged.',
    rationale: {
      en: 'Coordinated vulnerability disclosure is a key aspect of non-proliferation whose wider adoption the report recommends; norm 13(j) asks for responsible reporting of vulnerabilities.',
      fr: 'La divulgation coordonnée des vulnérabilités est un aspect clé de la non-prolifération, dont le rapport recommande une plus large adoption ; la norme 13 j) demande un signalement responsable des vulnérabilités.',
    },
  },
  {
    principleNumber: 6,
    normCode: '13i',
    excerpt: 'While commitments at the international level for supply chain security exist, they are often limited in scope and lack clarity in terms of application.',
    rationale: {
      en: 'After supply-chain attacks such as the SolarWinds compromise, the report finds international commitments on supply-chain security limited and unclear; norm 13(i) is the UN’s commitment to supply-chain integrity.',
      fr: 'Après des attaques contre la chaîne d’approvisionnement comme celle de SolarWinds, le rapport juge les engagements internationaux en la matière limités et peu clairs ; la norme 13 i) est l’engagement de l’ONU pour l’intégrité de la chaîne d’approvisionnement.',
    },
  },
  {
    principleNumber: 6,
    normCode: '13j',
    excerpt: 'It may be helpful to develop a norm on vulnerability disclosures.',
    rationale: {
      en: 'The report suggests a norm on vulnerability disclosure, organisations acknowledging vulnerabilities and inviting coordinated disclosure; norm 13(j) encourages responsible reporting of vulnerabilities.',
      fr: 'Le rapport suggère une norme sur la divulgation des vulnérabilités, les organisations reconnaissant leurs failles et invitant à une divulgation coordonnée ; la norme 13 j) encourage leur signalement responsable.',
    },
  },
  {
    principleNumber: 8,
    normCode: '13c',
    excerpt: 'States should not use companies for hacking back.',
    rationale: {
      en: 'States should not use companies to hack back, even with government sanction; norm 13(c) asks States not to knowingly let their territory be used for internationally wrongful acts.',
      fr: 'Les États ne doivent pas recourir à des entreprises pour des contre-attaques, même autorisées par les pouvoirs publics ; la norme 13 c) leur demande de ne pas laisser sciemment utiliser leur territoire pour des actes internationalement illicites.',
    },
  },
  {
    principleNumber: 8,
    normCode: '13d',
    excerpt: 'any effort to take down botnets should be conducted in coordination with – and under the leadership of – government actors',
    rationale: {
      en: 'Botnet takedowns should be led by government actors such as law enforcement, not left to private hack back; norm 13(d) covers State cooperation against the criminal use of ICTs.',
      fr: 'Le démantèlement de réseaux de machines zombies doit être mené par les pouvoirs publics, tels les services répressifs, et non laissé à des contre-attaques privées ; la norme 13 d) porte sur la coopération des États contre l’usage criminel des TIC.',
    },
  },
  {
    principleNumber: 9,
    normCode: '13a',
    excerpt: 'continuous formal and informal dialogue among States and other key stakeholders – people sitting at one table – can help maintain cyber peace and stability.',
    rationale: {
      en: 'Continuous formal and informal dialogue among States and other stakeholders helps maintain stability, the report says; norm 13(a) asks States to cooperate on stability and security.',
      fr: 'Un dialogue formel et informel continu entre les États et les autres acteurs aide à maintenir la stabilité, selon le rapport ; la norme 13 a) demande aux États de coopérer pour la stabilité et la sécurité.',
    },
  },
  {
    principleNumber: 9,
    normCode: '13d',
    excerpt: 'States should share information regarding cyber threats and incidents not just with each other but also with other relevant stakeholders',
    rationale: {
      en: 'States should share information on threats and incidents with each other and with other stakeholders such as critical infrastructure operators: the exchange norm 13(d) asks for.',
      fr: 'Les États devraient partager les informations sur les menaces et les incidents entre eux et avec d’autres acteurs, tels les opérateurs d’infrastructures critiques : l’échange que demande la norme 13 d).',
    },
  },
];
