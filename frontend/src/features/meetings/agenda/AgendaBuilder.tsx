/** Meetings: the agenda builder — add, edit, remove items; reorder by buttons or Alt + arrow keys. */
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AgendaItemForm } from './AgendaItemForm';
import { useAgenda, useRemoveAgendaItem, useReorderAgenda } from '../api';
import { moved } from '../lib/order';
import { usePersonNames } from '../people';
import type { AgendaItem } from '../types';
import { ifMatch } from '../../../api/etag';
import { ApiError, problemText } from '../../../api/problem';
import { useAnnounce } from '../../shared/Announcer';
import { FormError } from '../../shared/form/fields';
import { Empty, ErrorState, Loading } from '../../shared/States';

type Open = 'add' | `edit:${string}` | `remove:${string}`;

function RemoveConfirm({ item, onDone }: { item: AgendaItem; onDone: (removed: boolean) => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const remove = useRemoveAgendaItem();
  const [error, setError] = useState<string>();
  return (
    <div className="stack" role="group" aria-label={t('agenda.removeItem', item)}>
      <Paragraph>{t('agenda.confirmRemove', { title: item.title })}</Paragraph>
      <FormError message={error} />
      <div className="row">
        <Button
          data-color="danger"
          data-size="sm"
          disabled={remove.isPending}
          onClick={() => {
            remove
              .mutateAsync({ params: { path: { id: item.id }, header: ifMatch(item.version) } })
              .then(() => {
                announce(t('agenda.removed', { title: item.title }));
                onDone(true);
              })
              .catch((err: unknown) =>
                setError(err instanceof ApiError ? problemText(err.problem, t) : String(err)),
              );
          }}
        >
          {t('agenda.remove')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => onDone(false)}>
          {t('form.cancel')}
        </Button>
      </div>
    </div>
  );
}

export function AgendaBuilder({
  meetingId,
  editable,
  level,
}: {
  meetingId: string;
  editable: boolean;
  level?: string;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const agenda = useAgenda(meetingId);
  const reorder = useReorderAgenda();
  const nameOf = usePersonNames();
  const [open, setOpen] = useState<Open | null>(null);
  const [error, setError] = useState<string>();
  const focusAfter = useRef<string | null>(null);
  const items = agenda.data ?? [];

  // After a move the item keeps focus at its new place (the list re-renders from the answer).
  useEffect(() => {
    const id = focusAfter.current;
    if (!id) return;
    const el = document.getElementById(`agenda-${id}`);
    if (el) {
      el.focus();
      focusAfter.current = null;
    }
  });

  const move = (index: number, by: -1 | 1, keepFocusOnItem: boolean) => {
    const item = items[index];
    const target = index + by;
    if (!item || target < 0 || target >= items.length || reorder.isPending) return;
    setError(undefined);
    const order = moved(
      items.map((i) => i.id),
      index,
      by,
    );
    reorder
      .mutateAsync({ params: { path: { id: meetingId } }, body: { order } })
      .then(() => {
        if (keepFocusOnItem) focusAfter.current = item.id;
        announce(
          t('agenda.moved', { title: item.title, position: target + 1, count: items.length }),
        );
      })
      .catch((err: unknown) =>
        setError(err instanceof ApiError ? problemText(err.problem, t) : String(err)),
      );
  };

  const onKey = (e: KeyboardEvent, index: number) => {
    if (!editable || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(index, e.key === 'ArrowUp' ? -1 : 1, true);
  };

  return (
    <section aria-labelledby="agenda-heading" className="stack" data-testid="agenda">
      <div className="page-head">
        <Heading level={2} data-size="sm" id="agenda-heading" tabIndex={-1}>
          {t('agenda.title')}
        </Heading>
        {editable && open !== 'add' ? (
          <Button id="open-agenda-add" onClick={() => setOpen('add')}>
            {t('agenda.add')}
          </Button>
        ) : null}
      </div>
      {editable && items.length > 1 ? (
        <Paragraph data-size="sm" className="muted" id="agenda-help">
          {t('agenda.reorderHelp')}
        </Paragraph>
      ) : null}
      <FormError message={error} />
      {agenda.isPending ? <Loading /> : null}
      {agenda.isError ? (
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
      ) : null}
      {agenda.data && items.length === 0 ? <Empty>{t('agenda.none')}</Empty> : null}
      {items.length > 0 ? (
        <ol className="agenda-list" aria-labelledby="agenda-heading">
          {items.map((item, index) => {
            const mode = open?.endsWith(`:${item.id}`) ? open.split(':')[0] : null;
            const vars = { position: item.position, title: item.title };
            return (
              // The rearrangeable-list pattern: the item itself takes focus and moves with
              // Alt + arrow keys (also from its buttons); the buttons do the same by pointer.
              // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
              <li
                key={item.id}
                id={`agenda-${item.id}`}
                className="agenda-item"
                data-testid="agenda-item"
                tabIndex={editable && !mode ? 0 : undefined}
                aria-keyshortcuts={editable ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
                aria-describedby={editable && items.length > 1 ? 'agenda-help' : undefined}
                onKeyDown={(e) => {
                  if (!mode) onKey(e, index);
                }}
              >
                {mode === 'edit' ? (
                  <AgendaItemForm
                    meetingId={meetingId}
                    item={item}
                    level={level}
                    onDone={() => setOpen(null)}
                  />
                ) : mode === 'remove' ? (
                  <RemoveConfirm item={item} onDone={() => setOpen(null)} />
                ) : (
                  <>
                    <div>
                      <span className="agenda-title">{t('agenda.itemLabel', vars)}</span>{' '}
                      <Tag data-size="sm" data-color="neutral">
                        {t(`agenda.kinds.${item.kind}`)}
                      </Tag>
                      {item.ownerPersonId ? (
                        <Paragraph data-size="sm" className="muted">
                          {`${t('agenda.owner')}: ${nameOf(item.ownerPersonId)}`}
                        </Paragraph>
                      ) : null}
                    </div>
                    {editable ? (
                      <div className="row">
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          aria-label={t('agenda.moveUpItem', vars)}
                          disabled={index === 0 || reorder.isPending}
                          onClick={() => move(index, -1, false)}
                        >
                          {t('agenda.moveUp')}
                        </Button>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          aria-label={t('agenda.moveDownItem', vars)}
                          disabled={index === items.length - 1 || reorder.isPending}
                          onClick={() => move(index, 1, false)}
                        >
                          {t('agenda.moveDown')}
                        </Button>
                        <Button
                          variant="secondary"
                          data-size="sm"
                          aria-label={t('agenda.editItem', vars)}
                          onClick={() => setOpen(`edit:${item.id}`)}
                        >
                          {t('agenda.edit')}
                        </Button>
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          aria-label={t('agenda.removeItem', vars)}
                          onClick={() => setOpen(`remove:${item.id}`)}
                        >
                          {t('agenda.remove')}
                        </Button>
                      </div>
                    ) : null}
                  </>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
      {open === 'add' ? (
        <AgendaItemForm meetingId={meetingId} level={level} onDone={() => setOpen(null)} />
      ) : null}
    </section>
  );
}
