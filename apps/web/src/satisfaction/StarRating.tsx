import { useTranslation } from 'react-i18next';

/** Five stars as a radio group: pick 1–5 (read-only when `onChange` is absent). */
export function StarRating({
  value,
  onChange,
  testId = 'star-rating',
}: {
  value: number | undefined;
  onChange?: (rating: number) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="star-rating"
      role="radiogroup"
      aria-label={t('satisfaction.ratingLabel')}
      data-testid={testId}
    >
      {[1, 2, 3, 4, 5].map((rating) => {
        const on = value !== undefined && rating <= value;
        return (
          <button
            key={rating}
            type="button"
            role="radio"
            aria-checked={value === rating}
            aria-label={t(`satisfaction.stars.${rating}`)}
            title={t(`satisfaction.stars.${rating}`)}
            className={`star-rating__star${on ? ' star-rating__star--on' : ''}`}
            disabled={!onChange}
            onClick={() => onChange?.(rating)}
            data-testid={`${testId}-${rating}`}
          >
            {on ? '★' : '☆'}
          </button>
        );
      })}
    </div>
  );
}
