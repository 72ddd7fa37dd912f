import { Heading } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

/** The path whose heading last took focus: focus moves once per navigation to a new path. */
let focusedPath: string | null = null;

/**
 * The page's h1: sets the document title and, after a client-side navigation, takes focus so
 * that keyboard and screen-reader users start at the new content. The first page load
 * (location key "default") leaves focus where the browser put it.
 */
export function PageHeading({ children }: { children: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: children });
  }, [children, t]);
  const { key, pathname } = location;
  useEffect(() => {
    if (key === 'default') {
      focusedPath = pathname;
      return;
    }
    // Search-parameter changes (filters) keep the path: focus stays in the filter.
    if (focusedPath === pathname || !ref.current) return;
    focusedPath = pathname;
    ref.current.focus();
  }, [key, pathname]);
  return (
    <Heading level={1} data-size="lg" ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
