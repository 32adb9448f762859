import { describe, expect, it } from 'vitest';
import { renderEmail } from './render.js';

const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes"';

describe('renderEmail', () => {
  it('escapes every piece of text in the HTML part, so user content in mails is inert', () => {
    const { html } = renderEmail({
      locale: 'en',
      preheader: hostile,
      heading: hostile,
      paragraphs: [hostile],
      action: { label: hostile, url: 'https://example.org/confirm?token=a&b="c"' },
      details: [[hostile, hostile]],
      footer: hostile,
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('<h1 style="margin:0 0 16px;');
    expect(html).toContain('>&lt;script>alert(&#34;x&#34;)&lt;/script>&lt;img src=x onerror=alert(1)> &amp; &#34;quotes&#34;</h1>');
    // A quote cannot end the attribute early.
    expect(html).toContain('href="https://example.org/confirm?token=a&b=&#34;c&#34;"');
  });

  it('writes the same content as plain text, with the action as a bare address and the localized footer', () => {
    const { text } = renderEmail({
      locale: 'fr',
      heading: 'Confirmez votre adhésion',
      paragraphs: ['Bonjour,', 'Ligne 1\nLigne 2'],
      action: { label: 'Confirmer', url: 'https://pariscall.example/fr/join/confirm?token=abc' },
      details: [['Organisation', 'Société Générale de Fiction']],
    });
    expect(text).toBe(
      [
        'Confirmez votre adhésion',
        'Bonjour,',
        'Ligne 1\nLigne 2',
        'Organisation: Société Générale de Fiction',
        'Confirmer:\nhttps://pariscall.example/fr/join/confirm?token=abc',
        '--\nCe message a été envoyé automatiquement par la plateforme de l’Appel de Paris ; les réponses ne sont pas lues.\n' +
          'Appel de Paris pour la confiance et la sécurité dans le cyberespace',
      ].join('\n\n') + '\n',
    );
  });

  it('declares the language and the encoding, and titles the document with the heading', () => {
    const { html } = renderEmail({ locale: 'fr', heading: 'Adhésion reçue', paragraphs: ['Merci.'] });
    expect(html.startsWith('<!doctype html><html lang="fr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8"');
    expect(html).toContain('<title>Adhésion reçue</title>');
    expect(html).toContain('Appel de Paris pour la confiance et la sécurité dans le cyberespace');
    expect(html).not.toContain('<table cellpadding'); // no details table when there are no details
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', '/relative'])('refuses the action URL %s', (url) => {
    expect(() => renderEmail({ locale: 'en', heading: 'h', paragraphs: [], action: { label: 'Go', url } })).toThrow('http(s)');
  });
});
