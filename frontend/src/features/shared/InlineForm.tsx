import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { setDirty } from '../../lib/unsaved';

/**
 * Which inline form of a page is open, and where focus goes when it closes: back to the button
 * that opened it or, when that button is gone (the row it sat in has ended), to `fallbackId`.
 */
export function useInlineForms<K extends string>(
  fallbackId: string,
  initial: () => K | null = () => null,
) {
  const [open, setOpen] = useState<K | null>(initial);
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (open !== null || returnTo.current === null) return;
    const id = returnTo.current;
    returnTo.current = null;
    (document.getElementById(id) ?? document.getElementById(fallbackId))?.focus();
  }, [open, fallbackId]);
  return {
    open,
    /** Open `key`; `triggerId` is the id of the button that opened it. */
    openForm: (key: K, triggerId: string) => {
      returnTo.current = triggerId;
      setOpen(key);
    },
    close: () => setOpen(null),
  };
}

function isOpenList(target: EventTarget): boolean {
  return target instanceof HTMLElement && target.getAttribute('aria-expanded') === 'true';
}

/** A form opened in place: focus moves to its first field, Escape cancels it, and while it holds
 * unsaved changes the page asks before the user leaves. */
export function InlineForm({
  id,
  dirty,
  onCancel,
  onSubmit,
  className = 'inline-form',
  labelledBy,
  children,
}: {
  id: string;
  dirty: boolean;
  onCancel: () => void;
  onSubmit: (e: FormEvent) => void;
  className?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current
      ?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea')
      ?.focus();
  }, []);
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  }, [onCancel]);
  useEffect(() => {
    const form = ref.current;
    const onKey = (e: KeyboardEvent) => {
      // An open suggestion list closes first; the next Escape closes the form.
      if (e.key !== 'Escape' || e.defaultPrevented || e.target === null || isOpenList(e.target))
        return;
      e.preventDefault();
      cancel.current();
    };
    form?.addEventListener('keydown', onKey);
    return () => form?.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    setDirty(id, dirty);
    return () => setDirty(id, false);
  }, [id, dirty]);
  return (
    <form
      ref={ref}
      id={id}
      className={className}
      noValidate
      aria-labelledby={labelledBy}
      onSubmit={onSubmit}
    >
      {children}
    </form>
  );
}
