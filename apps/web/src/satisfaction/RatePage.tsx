import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../http/api-error';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { satisfactionApi, type Survey } from './satisfaction.api';
import { StarRating } from './StarRating';
import './satisfaction.css';

type Phase = 'loading' | 'ready' | 'invalid' | 'failed';

/**
 * /rate?token=…&rating=N — where a one-click link of the resolved e-mail
 * lands (no sign-in: the signed token names the survey). The rating in the
 * link is recorded on arrival; the page then offers the comment, once.
 */
export function RatePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const clicked = Number(params.get('rating'));
  const [survey, setSurvey] = useState<Survey>();
  const [phase, setPhase] = useState<Phase>('loading');
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const record = async () => {
      const current = await satisfactionApi.byToken(token);
      if (current.state === 'asked' && clicked >= 1 && clicked <= 5 && Number.isInteger(clicked))
        return satisfactionApi.answerByToken(token, { rating: clicked });
      return current;
    };
    record().then(
      (loaded) => {
        setSurvey(loaded);
        setPhase('ready');
      },
      (e: unknown) =>
        setPhase(isApiError(e) && (e.status === 404 || e.status === 400) ? 'invalid' : 'failed'),
    );
  }, [token, clicked]);

  const rate = async (rating: number) => {
    try {
      setSurvey(await satisfactionApi.answerByToken(token, { rating }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const sendComment = async () => {
    try {
      setSurvey(await satisfactionApi.answerByToken(token, { comment }));
      setSent(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main className="rate-page" data-testid="rate-page" data-phase={phase}>
      <div className="rate-page__lang">
        <strong>{t('app.name')}</strong>
        <LanguageSwitch />
      </div>
      <section className="card rate-card">
        <h1>{t('satisfaction.rateTitle')}</h1>
        {phase === 'loading' && <p className="muted">{t('common.loading')}</p>}
        {phase === 'invalid' && <p role="alert">{t('satisfaction.invalidLink')}</p>}
        {phase === 'failed' && <p role="alert">{t('satisfaction.failed')}</p>}
        {phase === 'ready' && survey && (
          <>
            {survey.ticket && (
              <p className="muted" data-testid="rate-ticket">
                #{survey.ticket.number} {survey.ticket.title}
              </p>
            )}
            <StarRating
              value={survey.rating}
              onChange={survey.state === 'asked' ? (r) => void rate(r) : undefined}
            />
            {survey.state === 'answered' && <p data-testid="rate-recorded">{t('satisfaction.recorded')}</p>}
            {survey.state === 'answered' && !survey.comment && !sent && (
              <label className="satisfaction-card__label">
                {t('satisfaction.commentLabel')}
                <textarea
                  value={comment}
                  maxLength={2000}
                  rows={3}
                  onChange={(e) => setComment(e.target.value)}
                  data-testid="rate-comment"
                />
                <button
                  type="button"
                  className="primary"
                  disabled={comment.trim() === ''}
                  onClick={() => void sendComment()}
                  data-testid="rate-send-comment"
                >
                  {t('satisfaction.sendComment')}
                </button>
              </label>
            )}
            {survey.comment && <p className="satisfaction-card__comment">“{survey.comment}”</p>}
            {error && (
              <p className="error" role="alert">
                {error}
              </p>
            )}
          </>
        )}
      </section>
    </main>
  );
}
