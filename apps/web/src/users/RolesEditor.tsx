import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleOption } from '@ticketflow/contract';

/** Checkboxes for every role, with save and cancel; calls `onSave` with the chosen names. */
export function RolesEditor({
  options,
  initial,
  onSave,
  onCancel,
}: {
  options: RoleOption[];
  initial: string[];
  onSave: (roles: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(initial));
  const toggle = (name: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  return (
    <fieldset className="roles-editor" data-testid="roles-editor">
      <legend className="small muted">{t('users.roles')}</legend>
      {options.map((role) => (
        <label key={role.name} className="roles-option">
          <input
            type="checkbox"
            data-testid={`role-${role.name}`}
            checked={chosen.has(role.name)}
            onChange={() => toggle(role.name)}
          />
          {role.label || role.name}
        </label>
      ))}
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="roles-save"
          onClick={() => onSave([...chosen].sort())}
        >
          {t('users.save')}
        </button>
        <button type="button" data-testid="roles-cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </fieldset>
  );
}
