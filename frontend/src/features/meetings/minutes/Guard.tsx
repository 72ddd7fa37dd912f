/** Meetings: the free-text guard's answer — the findings highlighted in the text as sent, and the
 * choice to fix the text or save anyway with a reason (recorded by the server). */
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { highlight } from '../lib/spans';
import { ApiError, problemCode, type Problem } from '../../../api/problem';

type Finding = NonNullable<Problem['findings']>[number];

export interface Blocked {
  findings: Finding[];
  rule: string | null;
  /** The texts as they were sent, per field: the spans point into these. */
  texts: Record<string, string>;
}

/** Whether ``err`` is the guard's 422; the texts that were sent go with it. */
export function guardBlock(err: unknown, texts: Record<string, string>): Blocked | null {
  if (!(err instanceof ApiError) || problemCode(err.problem) !== 'personal-data-found') return null;
  return {
    findings: err.problem.findings ?? [],
    rule: err.problem.rule?.code ?? null,
    texts,
  };
}

/** A form's guard state: what was blocked, and the override to send with the next save. */
export function useGuard() {
  const [blocked, setBlocked] = useState<Blocked | null>(null);
  return {
    blocked,
    clear: () => setBlocked(null),
    /** Runs a save; a guard block is kept (and rethrown, so the form shows it beside the field). */
    run: async (texts: Record<string, string>, save: () => Promise<void>) => {
      try {
        await save();
        setBlocked(null);
      } catch (err) {
        const b = guardBlock(err, texts);
        if (b) setBlocked(b);
        throw err;
      }
    },
  };
}

function Highlighted({ text, findings }: { text: string; findings: Finding[] }) {
  const { t } = useTranslation();
  return (
    <p className="guard-text" data-testid="guard-text">
      {highlight(text, findings).map((piece, i) =>
        piece.kinds.length > 0 ? (
          <mark
            key={i}
            title={piece.kinds.map((k) => t(`guard.kinds.${k}`, { defaultValue: k })).join(', ')}
          >
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </p>
  );
}

export function GuardPanel({
  id,
  blocked,
  labels,
  onFix,
  onOverride,
  busy,
}: {
  id: string;
  blocked: Blocked;
  labels: Record<string, string>;
  onFix: (field: string) => void;
  onOverride: (reason: string) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const fields = [...new Set(blocked.findings.map((f) => f.field))];
  const first = fields[0] ?? Object.keys(blocked.texts)[0] ?? '';
  const error = tried && !reason.trim() ? t('guard.reasonRequired') : undefined;
  const override = () => {
    setTried(true);
    if (reason.trim()) onOverride(reason.trim());
  };
  return (
    <Alert data-color="warning" data-testid="guard" id={id}>
      <Heading level={3} data-size="2xs">
        {t('guard.title')}
      </Heading>
      <Paragraph>{t('guard.intro')}</Paragraph>
      {blocked.rule ? <Paragraph>{t('guard.rule')}</Paragraph> : null}
      {fields.map((field) => {
        const findings = blocked.findings.filter((f) => f.field === field);
        const kinds = [...new Set(findings.map((f) => t(`guard.kinds.${f.kind}`)))].join(', ');
        return (
          <div key={field} className="stack">
            <Paragraph data-size="sm">
              {t('guard.field', { field: labels[field] ?? field })} {t('guard.found', { kinds })}
            </Paragraph>
            <Highlighted text={blocked.texts[field] ?? ''} findings={findings} />
          </div>
        );
      })}
      <div className="row">
        <Button variant="primary" data-size="sm" type="button" onClick={() => onFix(first)}>
          {t('guard.fixText')}
        </Button>
      </div>
      <Textfield
        id={`${id}-reason`}
        label={t('guard.overrideReason')}
        description={t('guard.overrideHelp')}
        value={reason}
        error={error}
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={(e) => {
          // Enter here means "save anyway", not the surrounding form's plain save.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          override();
        }}
      />
      <div className="row">
        <Button variant="secondary" data-size="sm" type="button" disabled={busy} onClick={override}>
          {t('guard.override')}
        </Button>
      </div>
    </Alert>
  );
}
