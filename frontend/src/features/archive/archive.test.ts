import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { downloadUrl, recordPath } from './api';
import { validateSettings, type SettingsValues } from './SettingsForm';

const t = createI18n('nb').t;
const blank: SettingsValues = {
  enabled: true,
  classificationSystem: '',
  classId: '',
  archivePart: '',
  administrativeUnit: '',
  caseOfficer: '',
};

describe('archive', () => {
  it('links each message to its record page (an evaluation has none of its own)', () => {
    expect(recordPath('minutes', 'm1')).toBe('/moter/m1');
    expect(recordPath('action_plan', 'p1')).toBe('/handlingsplaner/p1');
    expect(recordPath('agreement', 'a1')).toBe('/avtaler/a1');
    expect(recordPath('measure', 'x1')).toBe('/tiltak/x1');
    expect(recordPath('evaluation', 'e1')).toBeNull();
    expect(downloadUrl('a/b')).toBe('/api/archive/extracts/a%2Fb/download');
  });

  it('checks the settings against the contract: blanks are fine, long codes are not', () => {
    expect(validateSettings(blank, t)).toEqual({});
    const long = validateSettings({ ...blank, classId: 'x'.repeat(101) }, t);
    expect(Object.keys(long)).toEqual(['classId']);
  });
});
