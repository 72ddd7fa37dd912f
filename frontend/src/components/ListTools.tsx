import { Button, Field, Label, Select } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

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
