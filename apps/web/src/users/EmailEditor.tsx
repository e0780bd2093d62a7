import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** One e-mail address with save and cancel; an empty box removes the address (`onSave(null)`). */
export function EmailEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: string | null;
  onSave: (email: string | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value.trim() === '' ? null : value.trim());
  };
  return (
    <form className="row wrap email-editor" onSubmit={submit} data-testid="email-editor">
      <input
        type="email"
        value={value}
        maxLength={254}
        autoComplete="off"
        aria-label={t('users.email')}
        placeholder="name@example.com"
        onChange={(e) => setValue(e.target.value)}
        data-testid="email-input"
      />
      <button type="submit" className="primary" data-testid="email-save">
        {t('users.saveEmail')}
      </button>
      <button type="button" onClick={onCancel} data-testid="email-cancel">
        {t('common.cancel')}
      </button>
    </form>
  );
}
