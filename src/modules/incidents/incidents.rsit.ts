/**
 * The ENISA / TF-CSIRT Reference Security Incident Taxonomy (RSIT): 11 classes and their types, as the MISP `rsit`
 * taxonomy v1003 (CC0) gives them (research brief §4.3), with the taxonomy's machine tags `rsit:<class>="<type>"`.
 * English labels follow the taxonomy; the French ones are the Paris Call Platform's.
 */
import type { Localized } from '../../shared/localized.js';

type L = Required<Localized>;
const t = (key: string, en: string, fr: string) => ({ key, label: { en, fr } as L });

export const rsitClasses = [
  { key: 'abusive-content', label: { en: 'Abusive content', fr: 'Contenu abusif' }, types: [t('spam', 'Spam', 'Spam'), t('harmful-speech', 'Harmful speech', 'Discours nuisible'), t('violence', 'Violence (including child sexual exploitation)', 'Violence (y compris exploitation sexuelle d’enfants)')] },
  { key: 'malicious-code', label: { en: 'Malicious code', fr: 'Code malveillant' }, types: [t('infected-system', 'Infected system', 'Système infecté'), t('c2-server', 'C2 server', 'Serveur de commande et contrôle'), t('malware-distribution', 'Malware distribution', 'Distribution de logiciels malveillants'), t('malware-configuration', 'Malware configuration', 'Configuration de logiciel malveillant')] },
  { key: 'information-gathering', label: { en: 'Information gathering', fr: 'Collecte d’informations' }, types: [t('scanner', 'Scanning', 'Balayage'), t('sniffing', 'Sniffing', 'Écoute du trafic'), t('social-engineering', 'Social engineering', 'Ingénierie sociale')] },
  { key: 'intrusion-attempts', label: { en: 'Intrusion attempts', fr: 'Tentatives d’intrusion' }, types: [t('ids-alert', 'Exploitation of known vulnerabilities', 'Exploitation de vulnérabilités connues'), t('brute-force', 'Login attempts', 'Tentatives de connexion'), t('exploit', 'New attack signature', 'Nouvelle signature d’attaque')] },
  { key: 'intrusions', label: { en: 'Intrusions', fr: 'Intrusions' }, types: [t('privileged-account-compromise', 'Privileged account compromise', 'Compromission d’un compte à privilèges'), t('unprivileged-account-compromise', 'Unprivileged account compromise', 'Compromission d’un compte sans privilèges'), t('application-compromise', 'Application compromise', 'Compromission d’une application'), t('system-compromise', 'System compromise', 'Compromission d’un système'), t('burglary', 'Burglary', 'Effraction')] },
  { key: 'availability', label: { en: 'Availability', fr: 'Disponibilité' }, types: [t('dos', 'Denial of service', 'Déni de service'), t('ddos', 'Distributed denial of service', 'Déni de service distribué'), t('misconfiguration', 'Misconfiguration', 'Erreur de configuration'), t('sabotage', 'Sabotage', 'Sabotage'), t('outage', 'Outage', 'Panne')] },
  { key: 'information-content-security', label: { en: 'Information content security', fr: 'Sécurité du contenu de l’information' }, types: [t('unauthorised-information-access', 'Unauthorised access to information', 'Accès non autorisé à l’information'), t('unauthorised-information-modification', 'Unauthorised modification of information (including ransomware encryption)', 'Modification non autorisée de l’information (y compris le chiffrement par rançongiciel)'), t('data-loss', 'Data loss', 'Perte de données'), t('data-leak', 'Leak of confidential information', 'Fuite d’informations confidentielles')] },
  { key: 'fraud', label: { en: 'Fraud', fr: 'Fraude' }, types: [t('unauthorised-use-of-resources', 'Unauthorised use of resources', 'Utilisation non autorisée de ressources'), t('copyright', 'Copyright', 'Droit d’auteur'), t('masquerade', 'Masquerade', 'Usurpation d’identité'), t('phishing', 'Phishing', 'Hameçonnage')] },
  { key: 'vulnerable', label: { en: 'Vulnerable', fr: 'Vulnérable' }, types: [t('weak-crypto', 'Weak cryptography', 'Cryptographie faible'), t('ddos-amplifier', 'DDoS amplifier', 'Amplificateur de DDoS'), t('potentially-unwanted-accessible', 'Potentially unwanted accessible services', 'Services accessibles potentiellement indésirables'), t('information-disclosure', 'Information disclosure', 'Divulgation d’informations'), t('vulnerable-system', 'Vulnerable system', 'Système vulnérable')] },
  { key: 'other', label: { en: 'Other', fr: 'Autre' }, types: [t('other', 'Uncategorised', 'Non catégorisé'), t('undetermined', 'Undetermined', 'Indéterminé')] },
  { key: 'test', label: { en: 'Test', fr: 'Test' }, types: [t('test', 'Meant for testing', 'Destiné aux tests')] },
] as const;

export type RsitClassKey = (typeof rsitClasses)[number]['key'];

/** Every type as `<class>:<type>` (types repeat across taxonomies, not within RSIT, but the class makes the key stable). */
export const rsitTypeKeys: readonly string[] = rsitClasses.flatMap((c) => c.types.map((type) => `${c.key}:${type.key}`));

/** The type's class index for each entry of `rsitTypeKeys`. */
export const rsitTypeClass: Uint8Array = Uint8Array.from(rsitClasses.flatMap((c, i) => c.types.map(() => i)));

/** The taxonomy's machine tag: `rsit:intrusions="system-compromise"`. */
export function rsitMachineTag(typeKey: string): string {
  const [cls, type] = typeKey.split(':');
  return `rsit:${cls}="${type}"`;
}

export function rsitLabels(typeKey: string): { class: Required<Localized>; type: Required<Localized> } | null {
  const [cls, type] = typeKey.split(':');
  const c = rsitClasses.find((x) => x.key === cls);
  const ty = c?.types.find((x) => x.key === type);
  return c && ty ? { class: c.label, type: ty.label } : null;
}
