/** Cases room: a case the reader may not see looks exactly like one that does not exist (404);
 * the page offers break-glass to whoever has a seat in the case's body (the server decides). */
import { Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../shared/PageHeading';
import { BreakGlassDialog } from './BreakGlassDialog';

export function CaseMissing({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const opener = useRef<HTMLButtonElement>(null);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(caseId);
  return (
    <div className="stack" data-testid="missing">
      <PageHeading>{t('notFound.recordTitle')}</PageHeading>
      <Paragraph>{t('notFound.recordBody')}</Paragraph>
      {uuid ? (
        <>
          <Paragraph>{t('cases.breakGlass.notVisible')}</Paragraph>
          <div>
            <Button
              ref={opener}
              variant="secondary"
              data-color="danger"
              onClick={() => setOpen(true)}
            >
              {t('cases.breakGlass.open')}
            </Button>
          </div>
        </>
      ) : null}
      <DsLink asChild>
        <Link to="/saker">{t('cases.back')}</Link>
      </DsLink>
      {open ? (
        <BreakGlassDialog
          caseId={caseId}
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
          onOpened={() => void navigate(`/saker/${caseId}`)}
        />
      ) : null}
    </div>
  );
}
