import { Heading } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let focusOnNextHeading = false;

/** Called by the layout when the route changes: the next page heading takes focus. */
export function requestHeadingFocus(): void {
  focusOnNextHeading = true;
}

/** The page's h1: sets the document title and takes focus after client-side navigation. */
export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: children });
  }, [children, t]);
  useEffect(() => {
    if (focusOnNextHeading && ref.current) {
      focusOnNextHeading = false;
      ref.current.focus();
    }
  }, []);
  return (
    <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
