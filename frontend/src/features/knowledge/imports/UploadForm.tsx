/** Knowledge room: choose the kind, the source (its saved column mapping) and the file, and start
 * a preview job. A file whose headers do not match (422 import-columns) opens the mapping editor. */
import {
  Alert,
  Button,
  Field,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../../api/etag';
import { useAnnounce } from '../../shared/Announcer';
import { uploadImport, useMappings, useSaveMapping } from '../api';
import { importProblemCode, importProblemText } from '../problems';
import type { ImportJob, ImportKind, SavedMapping } from '../types';
import { KindColumns } from './KindColumns';
import { defaultMapping, missingRequired, sniffHeaders } from './mapping';
import { MappingEditor } from './MappingEditor';

export function UploadForm({
  kinds,
  onJob,
}: {
  kinds: readonly ImportKind[];
  onJob: (job: ImportJob) => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kindName, setKindName] = useState('');
  const [source, setSource] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<string[] | null>(null);
  const [mapping, setMapping] = useState<Record<string, string> | null>(null);
  const [errors, setErrors] = useState<{ kind?: string; file?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = kinds.find((k) => k.kind === kindName);
  const saved = useMappings(kind?.kind ?? '');
  const savedItems: SavedMapping[] = saved.data ?? [];
  const savedForSource = savedItems.find((m) => m.sourceName === source.trim());
  const saveMapping = useSaveMapping();

  const resetMapping = () => {
    setHeaders(null);
    setMapping(null);
    setProblem(null);
  };

  async function submit() {
    setNotice(null);
    const next = {
      kind: kind ? undefined : t('knowledge.imports.kindRequired'),
      file: file ? undefined : t('knowledge.imports.fileRequired'),
    };
    setErrors(next);
    if (!kind || !file) return;
    setBusy(true);
    setProblem(null);
    try {
      const job = await uploadImport({
        kind: kind.kind,
        file,
        source,
        mapping: mapping ?? savedForSource?.mapping ?? null,
      });
      announce(t('knowledge.imports.job.status.queued'));
      onJob(job);
    } catch (err) {
      setProblem(importProblemText(err, t));
      if (importProblemCode(err) === 'import-columns') {
        const found = await sniffHeaders(file);
        if (found) {
          setHeaders(found);
          setMapping(mapping ?? defaultMapping(kind, found));
        }
      }
    } finally {
      setBusy(false);
    }
  }

  async function remember() {
    if (!kind || !mapping) return;
    const name = source.trim();
    if (!name) {
      setNotice(t('knowledge.imports.mapping.needSource'));
      return;
    }
    try {
      await saveMapping.mutateAsync({
        params: {
          path: { kind: kind.kind, source: name },
          header: ifMatch(savedForSource?.version ?? 0),
        },
        body: { mapping },
      });
      setNotice(t('knowledge.imports.mapping.saved', { source: name }));
      announce(t('knowledge.imports.mapping.saved', { source: name }));
    } catch (err) {
      setNotice(importProblemText(err, t));
    }
  }

  const missing = kind && mapping ? missingRequired(kind, mapping) : [];
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="import-upload-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field>
        <Label htmlFor="import-kind">
          {t('knowledge.imports.kind')}
          <span className="required-mark">{t('form.requiredMark')}</span>
        </Label>
        <Select
          id="import-kind"
          value={kindName}
          aria-invalid={errors.kind ? true : undefined}
          onChange={(e) => {
            setKindName(e.target.value);
            resetMapping();
          }}
        >
          <Select.Option value="">{t('form.choose')}</Select.Option>
          {kinds.map((k) => (
            <Select.Option key={k.kind} value={k.kind}>
              {t(`knowledge.imports.kindLabel.${k.kind}`, { defaultValue: k.kind })}
            </Select.Option>
          ))}
        </Select>
        {errors.kind ? <ValidationMessage>{errors.kind}</ValidationMessage> : null}
      </Field>
      {kind ? <KindColumns kind={kind} /> : null}
      <Textfield
        id="import-source"
        label={t('knowledge.imports.source')}
        description={t('knowledge.imports.sourceHelp')}
        value={source}
        maxLength={200}
        onChange={(e) => setSource(e.target.value)}
      />
      {savedItems.length > 0 ? (
        <Field>
          <Label htmlFor="import-saved-source">{t('knowledge.imports.savedSources')}</Label>
          <Select
            id="import-saved-source"
            value={savedForSource?.sourceName ?? ''}
            onChange={(e) => {
              setSource(e.target.value);
              setMapping(null);
            }}
          >
            <Select.Option value="">{t('knowledge.imports.noSavedSource')}</Select.Option>
            {savedItems.map((m) => (
              <Select.Option key={m.sourceName} value={m.sourceName}>
                {m.sourceName}
              </Select.Option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field>
        <Label htmlFor="import-file">
          {t('knowledge.imports.file')}
          <span className="required-mark">{t('form.requiredMark')}</span>
        </Label>
        <Paragraph data-size="sm" id="import-file-help">
          {t('knowledge.imports.fileHelp')}
        </Paragraph>
        <input
          id="import-file"
          ref={fileInput}
          type="file"
          accept=".csv,.jsonl,.ndjson,.xlsx,text/csv,application/x-ndjson,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-help"
          aria-invalid={errors.file ? true : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            resetMapping();
          }}
        />
        {errors.file ? <ValidationMessage>{errors.file}</ValidationMessage> : null}
      </Field>
      {problem ? (
        <Alert data-color="danger" role="alert" data-testid="import-problem">
          <Paragraph>{problem}</Paragraph>
          {missing.length > 0 ? <Paragraph data-size="sm">{missing.join(', ')}</Paragraph> : null}
        </Alert>
      ) : null}
      {kind && headers && mapping ? (
        <>
          <MappingEditor kind={kind} headers={headers} mapping={mapping} onChange={setMapping} />
          <div className="form-actions">
            <Button type="button" variant="secondary" onClick={() => void remember()}>
              {t('knowledge.imports.mapping.save')}
            </Button>
          </div>
        </>
      ) : null}
      {notice ? (
        <Paragraph role="status" data-testid="mapping-notice">
          {notice}
        </Paragraph>
      ) : null}
      <div className="form-actions">
        <Button type="submit" disabled={busy}>
          {busy
            ? t('knowledge.imports.uploading')
            : mapping
              ? t('knowledge.imports.mapping.retry')
              : t('knowledge.imports.preview')}
        </Button>
      </div>
    </form>
  );
}
