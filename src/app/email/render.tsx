import type { Locale } from '../i18n/i18n.js';
import { emailMessages } from './email.messages.js';

export interface EmailContent {
  locale: Locale;
  /** Preview line shown by mail clients after the subject; hidden in the body. */
  preheader?: string;
  heading: string;
  /** Plain-text paragraphs; line breaks inside one are kept. */
  paragraphs: string[];
  /** The one thing to do, as a button (and as a bare address in the text part). Must be an http(s) URL. */
  action?: { label: string; url: string };
  /** Label/value pairs shown as a table (what was submitted, a reference number). */
  details?: Array<[label: string, value: string]>;
  /** A last module-specific line (e.g. "ignore this message if you did not ask for it"). */
  footer?: string;
}

export interface RenderedEmail {
  html: string;
  text: string;
}

// Inline styles only: most mail clients drop <style> blocks and external sheets.
const font = 'font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Arial,sans-serif;';
const styles = {
  body: `margin:0;padding:0;background:#f4f5f7;${font}color:#1b1f24;`,
  card: 'max-width:600px;width:100%;background:#ffffff;border-radius:6px;',
  heading: `margin:0 0 16px;font-size:22px;line-height:1.3;color:#0b2545;${font}`,
  paragraph: `margin:0 0 16px;font-size:16px;line-height:1.5;white-space:pre-line;${font}`,
  // #0b2545 on white and white on #0b2545 are both well above WCAG AA contrast.
  button: `display:inline-block;padding:12px 20px;background:#0b2545;color:#ffffff;font-size:16px;font-weight:bold;text-decoration:none;border-radius:4px;${font}`,
  fallback: `margin:16px 0 0;font-size:14px;line-height:1.5;color:#4a5360;word-break:break-all;${font}`,
  cell: `padding:6px 8px;border-top:1px solid #dde1e6;font-size:15px;text-align:left;vertical-align:top;${font}`,
  footer: `margin:0 0 8px;font-size:13px;line-height:1.5;color:#4a5360;${font}`,
  preheader: 'display:none;max-height:0;overflow:hidden;mso-hide:all;',
};

/**
 * Renders an e-mail in both parts. Every input is plain text: in the HTML part it is escaped (an organisation called
 * `<script>` stays a name), so user-typed content in mails is inert. The frame's own lines come from the e-mail
 * catalog in the recipient's language.
 */
export function renderEmail(content: EmailContent): RenderedEmail {
  if (content.action && !/^https?:\/\//i.test(content.action.url)) {
    throw new Error('E-mail actions must be http(s) URLs');
  }
  return { html: renderHtml(content), text: renderText(content) };
}

function renderHtml(content: EmailContent): string {
  const t = emailMessages(content.locale);
  const { action, details } = content;
  return (
    '<!doctype html>' +
    (
      <html lang={content.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light" />
          <title safe>{content.heading}</title>
        </head>
        <body style={styles.body}>
          {content.preheader ? (
            <div style={styles.preheader} safe>
              {content.preheader}
            </div>
          ) : (
            ''
          )}
          <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={styles.body}>
            <tr>
              <td align="center" style="padding:24px 12px;">
                <table role="presentation" cellpadding="0" cellspacing="0" style={styles.card}>
                  <tr>
                    <td style="padding:32px 28px;">
                      <h1 style={styles.heading} safe>
                        {content.heading}
                      </h1>
                      {content.paragraphs.map((paragraph) => (
                        <p style={styles.paragraph} safe>
                          {paragraph}
                        </p>
                      ))}
                      {details && details.length > 0 ? (
                        <table cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;margin:0 0 16px;">
                          {details.map(([label, value]) => (
                            <tr>
                              <th scope="row" style={`${styles.cell}font-weight:bold;width:40%;`} safe>
                                {label}
                              </th>
                              <td style={styles.cell} safe>
                                {value}
                              </td>
                            </tr>
                          ))}
                        </table>
                      ) : (
                        ''
                      )}
                      {action ? (
                        <>
                          <p style="margin:8px 0 0;">
                            <a href={action.url} style={styles.button} safe>
                              {action.label}
                            </a>
                          </p>
                          <p style={styles.fallback}>
                            <span safe>{t('email.action.fallback')}</span>
                            <br />
                            <a href={action.url} style="color:#0b2545;" safe>
                              {action.url}
                            </a>
                          </p>
                        </>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                </table>
                <table role="presentation" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;">
                  <tr>
                    <td style="padding:16px 28px;">
                      {content.footer ? (
                        <p style={styles.footer} safe>
                          {content.footer}
                        </p>
                      ) : (
                        ''
                      )}
                      <p style={styles.footer} safe>
                        {t('email.footer.automated')}
                      </p>
                      <p style={styles.footer} safe>
                        {t('email.footer.site')}
                      </p>
                    </td>
                  </tr>
                </table>
              </td>
            </tr>
          </table>
        </body>
      </html>
    )
  );
}

function renderText(content: EmailContent): string {
  const t = emailMessages(content.locale);
  const blocks = [content.heading, ...content.paragraphs];
  if (content.details && content.details.length > 0) blocks.push(content.details.map(([label, value]) => `${label}: ${value}`).join('\n'));
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  const footer = [content.footer, '--', t('email.footer.automated'), t('email.footer.site')].filter((line): line is string => Boolean(line));
  blocks.push(footer.join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
