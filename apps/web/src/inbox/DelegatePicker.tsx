import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tasksApi } from './tasks.api';
import type { Colleague, Task } from '@ticketflow/contract';

/** Pick a colleague (of the task's role, if it has one) to hand the task to. */
export function DelegatePicker({
  task,
  me,
  busy,
  onDelegate,
}: {
  task: Task;
  me?: string;
  busy: boolean;
  onDelegate: (username: string) => void;
}) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<Colleague[] | null>(null);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    let live = true;
    tasksApi.colleagues(task.role).then(
      (list) => live && setPeople(list.filter((p) => p.username !== me)),
      () => live && setPeople([]),
    );
    return () => {
      live = false;
    };
  }, [task.role, me]);
  return (
    <div className="delegate-picker row wrap" data-testid="delegate-picker">
      <label className="grow">
        {t('inbox.actions.delegateTo')}
        <select
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          data-testid="task-delegate-user"
          disabled={people === null}
        >
          <option value="">{people === null ? t('common.loading') : t('inbox.actions.choosePerson')}</option>
          {(people ?? []).map((p) => (
            <option key={p.username} value={p.username}>
              {p.displayName} ({p.username})
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={!chosen || busy}
        onClick={() => onDelegate(chosen)}
        data-testid="task-delegate-submit"
      >
        {t('inbox.actions.delegate')}
      </button>
    </div>
  );
}
