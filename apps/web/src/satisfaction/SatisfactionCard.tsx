import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { satisfactionApi, type Survey } from './satisfaction.api';
import { StarRating } from './StarRating';
import './satisfaction.css';

/**
 * On the requester's page of a resolved ticket: "How did we do?" with five
 * stars and a comment, sent once; afterwards their answer. Nothing while the
 * ticket has no survey (not resolved, or resolved before surveys existed).
 */
export function SatisfactionCard({ ticketId, refreshKey }: { ticketId: string; refreshKey?: string }) {
  const { t } = useTranslation();
  const [survey, setSurvey] = useState<Survey>();
  const [rating, setRating] = useState<number>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    satisfactionApi.ofTicket(ticketId).then(
      (loaded) => live && setSurvey(loaded),
      () => live && setSurvey({ state: 'none' }),
    );
    return () => {
      live = false;
    };
  }, [ticketId, refreshKey]);

  if (!survey || survey.state === 'none') return null;
  if (survey.state === 'answered') {
    return (
      <section className="card satisfaction-card" data-testid="satisfaction-card" data-state="answered">
        <h2>{t('satisfaction.thanksTitle')}</h2>
        <StarRating value={survey.rating} testId="satisfaction-given" />
        {survey.comment && <p className="satisfaction-card__comment">“{survey.comment}”</p>}
      </section>
    );
  }

  const send = async () => {
    if (rating === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      setSurvey(await satisfactionApi.rate(ticketId, rating, comment));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card satisfaction-card" data-testid="satisfaction-card" data-state="asked">
      <h2>{t('satisfaction.askTitle')}</h2>
      <p className="muted small">{t('satisfaction.askHint')}</p>
      <StarRating value={rating} onChange={setRating} />
      <label className="satisfaction-card__label">
        {t('satisfaction.commentLabel')}
        <textarea
          value={comment}
          maxLength={2000}
          rows={3}
          onChange={(e) => setComment(e.target.value)}
          data-testid="satisfaction-comment"
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={rating === undefined || busy}
        onClick={() => void send()}
        data-testid="satisfaction-send"
      >
        {t('satisfaction.send')}
      </button>
    </section>
  );
}
