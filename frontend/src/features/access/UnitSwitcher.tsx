import { Button, Label, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSwitchUnit } from './api';
import type { Me } from '../../api/types';
import { useAnnounce } from '../shared/Announcer';
import './unit-switch.css';

/** For people with access to several units (an inter-municipal coordinator): choose, then switch.
 * A button, not a change on select: moving to another unit must never happen by accident. */
export function UnitSwitcher({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const switchUnit = useSwitchUnit();
  const [unitId, setUnitId] = useState(me.unit.id);
  const units = me.units ?? [];
  if (units.length < 2) return null;
  return (
    <form
      className="unit-switch"
      onSubmit={(e) => {
        e.preventDefault();
        if (unitId === me.unit.id) return;
        switchUnit.mutate(
          { body: { unitId } },
          {
            onSuccess: (now) => {
              announce(t('unitSwitch.switched', { unit: now.unit.name }));
              void navigate('/');
            },
          },
        );
      }}
    >
      <Label htmlFor="unit-switch" data-size="sm">
        {t('unitSwitch.label')}
      </Label>
      <Select
        id="unit-switch"
        data-size="sm"
        value={unitId}
        onChange={(e) => setUnitId(e.target.value)}
      >
        {units.map((u) => (
          <Select.Option key={u.id} value={u.id}>
            {u.name}
          </Select.Option>
        ))}
      </Select>
      <Button type="submit" variant="secondary" data-size="sm" disabled={switchUnit.isPending}>
        {t('unitSwitch.submit')}
      </Button>
    </form>
  );
}
