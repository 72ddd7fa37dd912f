/** Knowledge room: the columns an import kind takes (from /api/import-kinds), as a table. */
import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../types';
import { columnLabel } from './mapping';

export function KindColumns({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const kindName = t(`knowledge.imports.kindLabel.${kind.kind}`, { defaultValue: kind.kind });
  return (
    <details open className="kind-columns">
      <summary>{t('knowledge.imports.columnsOf', { kind: kindName })}</summary>
      <Table data-size="sm" data-testid="kind-columns">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('knowledge.imports.column')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.columnType')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.columnRequired')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.columnAliases')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.columnValues')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {kind.columns.map((c) => (
            <Table.Row key={c.name}>
              <Table.Cell>{columnLabel(t, c.name)}</Table.Cell>
              <Table.Cell>
                {t(`knowledge.imports.type.${c.type}`, { defaultValue: c.type })}
              </Table.Cell>
              <Table.Cell>
                {c.required ? t('knowledge.imports.yes') : t('knowledge.imports.no')}
              </Table.Cell>
              <Table.Cell>{c.aliases.join(', ')}</Table.Cell>
              <Table.Cell>{(c.vocabulary ?? []).join(', ')}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </details>
  );
}
