import { escaping, type Locale } from '../../../../app/i18n/i18n.js';
import { synthesisMessages } from '../synthesis.messages.js';
import type { ShownItem, ShownSection, ShownSynthesis, ShownText } from '../synthesis.presenters.js';

/** A note under a text: "English translation by …", or that there is no translation yet. */
function Note(props: { text: ShownText | null }): JSX.Element {
  return props.text?.note ? (
    <p class="meta translation-note" safe>
      {props.text.note}
    </p>
  ) : (
    ''
  );
}

function Practice(props: { item: ShownItem; locale: Locale; linkBase: string }): JSX.Element {
  const { item } = props;
  const safeT = escaping(synthesisMessages(props.locale));
  return (
    <li class="synthesis-practice" id={`practice-${item.id}`}>
      <p class="synthesis-practice-title">
        <strong lang={item.title.lang} safe>
          {item.title.text}
        </strong>
      </p>
      <div class="measure-text" lang={item.textLang}>
        {item.paragraphs.map((paragraph) => (
          <p safe>{paragraph}</p>
        ))}
      </div>
      {item.note ? (
        <p class="meta translation-note" safe>
          {item.note}
        </p>
      ) : (
        ''
      )}
      <p class="meta">
        {item.by.href ? (
          <a href={item.by.href} safe>
            {item.by.name}
          </a>
        ) : (
          <span safe>{item.by.name}</span>
        )}
        {item.facts ? <span safe>{` · ${item.facts}`}</span> : ''}
      </p>
      <p class="meta synthesis-source">
        <span safe>{item.source}</span>
        {' · '}
        <a href={`${props.linkBase}${item.href}`}>{safeT('synthesis.open')}</a>
      </p>
    </li>
  );
}

function Section(props: { section: ShownSection; locale: Locale; level: 'h3' | 'h4'; linkBase: string }): JSX.Element {
  const { section, locale } = props;
  const Heading = props.level;
  return (
    <section class="synthesis-section" id={section.id} data-section={section.id} aria-labelledby={`${section.id}-title`}>
      <Heading id={`${section.id}-title`} safe>
        {section.heading}
      </Heading>
      {section.text ? (
        <>
          <blockquote class="synthesis-norm-text" lang={section.text.lang}>
            <p safe>{section.text.text}</p>
          </blockquote>
          <p class="meta" safe>
            {section.textSource ?? ''}
          </p>
          <Note text={section.text} />
        </>
      ) : (
        ''
      )}
      {section.intro ? (
        <div class="synthesis-intro">
          <p class="meta" safe>
            {section.intro.from}
          </p>
          <p lang={section.intro.lang} safe>
            {section.intro.text}
          </p>
          <Note text={section.intro} />
        </div>
      ) : (
        ''
      )}
      {section.empty ? <p safe>{section.empty}</p> : ''}
      {section.items.length ? (
        <ol class="synthesis-practices">
          {section.items.map((item) => (
            <Practice item={item} locale={locale} linkBase={props.linkBase} />
          ))}
        </ol>
      ) : (
        ''
      )}
    </section>
  );
}

/**
 * The synthesis itself, the same on the web page and the print version: the source document's front matter when the
 * whole set comes from one document, the norms in order, then the principles and the rest. `top` is the heading level
 * of its parts (h2 on the print version, where the document is the page; h3 under the web page's "The synthesis").
 * `linkBase` makes the practices' links absolute on paper, where the print style writes each address out.
 */
export function SynthesisDocument(props: { shown: ShownSynthesis; locale: Locale; top: 'h2' | 'h3'; linkBase?: string }): JSX.Element {
  const { shown, locale, top } = props;
  const linkBase = props.linkBase ?? '';
  const sub = top === 'h2' ? 'h3' : 'h4';
  const Top = top;
  const safeT = escaping(synthesisMessages(locale));
  const front = shown.front;
  return (
    <div class="synthesis-document">
      {front ? (
        <section class="synthesis-front" aria-labelledby="synthesis-front-title">
          <Top id="synthesis-front-title">{safeT('synthesis.front')}</Top>
          {[front.title, front.subtitle, front.preamble].map((part) =>
            part ? (
              <>
                <p lang={part.lang} safe>
                  {part.text}
                </p>
                <Note text={part} />
              </>
            ) : (
              ''
            ),
          )}
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="synthesis-norms-title">
        <Top id="synthesis-norms-title">{safeT('synthesis.norms')}</Top>
        {shown.norms.map((section) => (
          <Section section={section} locale={locale} level={sub} linkBase={linkBase} />
        ))}
      </section>
      {shown.principles.length ? (
        <section aria-labelledby="synthesis-principles-title">
          <Top id="synthesis-principles-title">{safeT('synthesis.principles')}</Top>
          <p>{safeT('synthesis.principles.intro')}</p>
          {shown.principles.map((section) => (
            <Section section={section} locale={locale} level={sub} linkBase={linkBase} />
          ))}
        </section>
      ) : (
        ''
      )}
      {shown.other.length ? (
        <section aria-labelledby="synthesis-other-title">
          <Top id="synthesis-other-title">{safeT('synthesis.other')}</Top>
          <ol class="synthesis-practices">
            {shown.other.map((item) => (
              <Practice item={item} locale={locale} linkBase={linkBase} />
            ))}
          </ol>
        </section>
      ) : (
        ''
      )}
    </div>
  );
}
