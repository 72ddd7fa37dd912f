import { Button, Field, Label, Paragraph, Search, Select } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatNumber } from '../../i18n/format';
import { useAnnounce } from './Announcer';
import { Empty, ErrorState, Loading } from './States';

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

export interface CursorPages {
  cursor: string | undefined;
  page: number;
  next: (cursor: string) => void;
  previous: () => void;
}

/** Cursor paging (the API gives nextCursor only): a stack of cursors, reset when the filter changes. */
export function useCursorPages(filterKey: string): CursorPages {
  const [state, setState] = useState<{ key: string; stack: string[] }>({
    key: filterKey,
    stack: [],
  });
  const stack = state.key === filterKey ? state.stack : [];
  const next = (cursor: string) => setState({ key: filterKey, stack: [...stack, cursor] });
  const previous = () => setState({ key: filterKey, stack: stack.slice(0, -1) });
  return { cursor: stack[stack.length - 1], page: stack.length + 1, next, previous };
}

export function Pager({ pages, nextCursor }: { pages: CursorPages; nextCursor: string | null }) {
  const { t } = useTranslation();
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <nav aria-label={t('list.pagination')} className="row">
      <Button
        variant="secondary"
        data-size="sm"
        disabled={pages.page === 1}
        onClick={pages.previous}
      >
        {t('list.previous')}
      </Button>
      <span>{t('list.page', { page: pages.page })}</span>
      <Button
        variant="secondary"
        data-size="sm"
        disabled={!nextCursor}
        onClick={() => nextCursor && pages.next(nextCursor)}
      >
        {t('list.next')}
      </Button>
    </nav>
  );
}

export function FilterSelect({
  id,
  label,
  value,
  allLabel,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  allLabel: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <Select.Option value="">{allLabel}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/** A registry's list state in the URL: the search text (debounced, kept in ?q=), one filter
 * parameter, and cursor pages that start over whenever either changes. */
export function useListParams(filterParam: string) {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const filter = params.get(filterParam) ?? '';
  const debouncedQ = useDebounced(q.trim(), 300);
  const pages = useCursorPages(`${debouncedQ}|${filter}`);

  useEffect(() => {
    const next = new URLSearchParams(params);
    if (debouncedQ) next.set('q', debouncedQ);
    else next.delete('q');
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [debouncedQ, params, setParams]);

  const setFilter = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(filterParam, value);
    else next.delete(filterParam);
    setParams(next, { replace: true });
  };
  return { q, setQ, debouncedQ, filter, setFilter, pages };
}

export function SearchBox({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="search-field">
      <Label htmlFor={id}>{label}</Label>
      <Search>
        <Search.Input id={id} value={value} onChange={(e) => onChange(e.target.value)} />
        <Search.Clear aria-label={t('list.clearSearch')} onClick={() => onChange('')} />
      </Search>
    </div>
  );
}

interface PageData<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** Everything around a registry table: loading, error with retry, the result count (also
 * announced to screen readers), the empty state and the pager. */
export function ListResults<T>({
  list,
  pages,
  empty,
  children,
}: {
  list: UseQueryResult<PageData<T>, unknown>;
  pages: CursorPages;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const total = list.data?.total;
  useEffect(() => {
    if (total !== undefined)
      announce(t('list.results', { count: total, formatted: formatNumber(total, i18n.language) }));
  }, [total, announce, t, i18n.language]);

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  return (
    <>
      <Paragraph data-size="sm" className="muted">
        {t('list.results', {
          count: data.total,
          formatted: formatNumber(data.total, i18n.language),
        })}
      </Paragraph>
      {data.items.length === 0 ? <Empty>{empty}</Empty> : children(data.items)}
      <Pager pages={pages} nextCursor={data.nextCursor} />
    </>
  );
}
