/** Cases room: the access controller's (unit admin's) review of break-glass grants — who, when,
 * which case reference, the reason and the expiry; never the case's content. */
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { useAnnounce } from '../shared/Announcer';
import { FormActions, FormError, FormNotices, TextInput } from '../shared/form/fields';
import { limitOf, textError } from '../shared/form/limits';
import { useForm } from '../shared/form/useForm';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, Loading } from '../shared/States';
import { useBreakGlassReviews, useReviewBreakGlass } from './api';
import { isAccessController } from './permissions';
import { useRefusal } from './problems';
import type { BreakGlassReview } from './types';
import './cases.css';

function ReviewForm({ review, n }: { review: BreakGlassReview; n: number }) {
  const { grant } = review;
  const { t } = useTranslation();
  const announce = useAnnounce();
  const save = useReviewBreakGlass();
  const refusal = useRefusal();
  const labels = { note: t('cases.reviews.note') };
  const form = useForm<{ note: string }>({
    formId: `review-${grant.id}`,
    persistDraft: false,
    initial: { note: '' },
    validate: (v) => ({
      note: textError(v.note, { ...limitOf('ReviewCreate', 'note'), required: true }, t),
    }),
  });
  return (
    <form
      className="form"
      noValidate
      aria-label={t('cases.reviews.reviewOf', { n })}
      onSubmit={form.handleSubmit((v) =>
        refusal.guard(async () => {
          await save.mutateAsync({
            params: { path: { id: grant.id } },
            body: { note: v.note.trim() },
          });
          announce(t('cases.reviews.done'));
        }),
      )}
    >
      <FormNotices form={form} labels={labels} />
      <FormError message={refusal.message} />
      <TextInput form={form} name="note" label={labels.note} multiline required />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('cases.reviews.review')}
        </Button>
      </FormActions>
    </form>
  );
}

function Review({ review, n }: { review: BreakGlassReview; n: number }) {
  const { t, i18n } = useTranslation();
  const { grant } = review;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <article className="stack case-review" data-testid="review" aria-labelledby={`review-${n}`}>
      <Heading level={2} data-size="xs" id={`review-${n}`}>
        {review.caseReference} · {review.personName ?? ''}
      </Heading>
      <dl className="facts">
        <dt>{t('cases.reviews.openedAt')}</dt>
        <dd>{when(grant.openedAt)}</dd>
        <dt>{t('cases.reviews.expiresAt')}</dt>
        <dd>{when(grant.expiresAt)}</dd>
        <dt>{t('cases.breakGlass.basis')}</dt>
        <dd>{t(`cases.access.basisName.${grant.basis}`, { defaultValue: grant.basis })}</dd>
        <dt>{t('cases.breakGlass.reason')}</dt>
        <dd>{grant.reason}</dd>
      </dl>
      {grant.reviewedAt ? (
        <Paragraph>
          <Tag data-color="success" data-size="sm">
            {t('cases.reviews.reviewed')}
          </Tag>{' '}
          {when(grant.reviewedAt)}
          {grant.reviewNote ? ` · ${grant.reviewNote}` : ''}
        </Paragraph>
      ) : (
        <>
          <Tag data-color="warning" data-size="sm">
            {t('cases.reviews.notReviewed')}
          </Tag>
          <ReviewForm review={review} n={n} />
        </>
      )}
    </article>
  );
}

export default function BreakGlassReviewsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = isAccessController(me);
  const reviews = useBreakGlassReviews(allowed);
  return (
    <div className="stack">
      <PageHeading>{t('cases.reviews.title')}</PageHeading>
      <Paragraph>{t('cases.reviews.intro')}</Paragraph>
      {!allowed ? <Paragraph>{t('state.errorForbidden')}</Paragraph> : null}
      {allowed && reviews.isPending ? <Loading /> : null}
      {reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : null}
      {reviews.data && reviews.data.length === 0 ? <Empty>{t('cases.reviews.empty')}</Empty> : null}
      {(reviews.data ?? []).map((r, i) => (
        <Review key={`${r.grant.id}-${r.grant.reviewedAt ?? ''}`} review={r} n={i + 1} />
      ))}
    </div>
  );
}
