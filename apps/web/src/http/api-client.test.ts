import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, configureApiClient } from './api-client';
import { ApiError } from './api-error';
import i18n from '../i18n/i18n';

function respond(status: number, body: unknown) {
  return vi.fn(
    async () =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the bearer token and JSON body', async () => {
    configureApiClient({ getToken: () => 'tok', onUnauthorized: () => {} });
    const fetchMock = respond(200, { ok: true });
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.put('/workflows/x/draft', { a: 1 })).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/workflows/x/draft');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(init.body).toBe('{"a":1}');
  });

  it('throws ApiError with code, details, the server text and a message translated by code', async () => {
    configureApiClient({ getToken: () => 'tok', onUnauthorized: () => {} });
    vi.stubGlobal(
      'fetch',
      respond(409, {
        statusCode: 409,
        code: 'draft-conflict',
        message: 'Someone saved',
        details: { revision: 4 },
      }),
    );
    const error = await api.get('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'draft-conflict',
      serverMessage: 'Someone saved',
      details: { revision: 4 },
    });
    expect((error as ApiError).message).toBe('Someone else saved this draft in the meantime.');
  });

  it('translates server errors into Chinese with their parameters', async () => {
    await i18n.changeLanguage('zh-CN');
    try {
      vi.stubGlobal(
        'fetch',
        respond(429, {
          statusCode: 429,
          code: 'too-many-login-attempts',
          message: 'Too many',
          details: { retryAfterSeconds: 30 },
        }),
      );
      await expect(api.post('/auth/login', {})).rejects.toMatchObject({
        message: '登录失败次数过多，请 30 秒后再试。',
      });
      vi.stubGlobal(
        'fetch',
        respond(400, {
          statusCode: 400,
          code: 'invalid-input',
          message: 'title must be…',
          details: [
            {
              field: 'title',
              code: 'max-length',
              params: { max: 200 },
              message: 'title must be shorter than or equal to 200 characters',
            },
          ],
        }),
      );
      await expect(api.post('/tickets', {})).rejects.toMatchObject({
        message: '请检查以下字段：标题：最多 200 个字符。',
      });
      vi.stubGlobal(
        'fetch',
        respond(400, {
          statusCode: 400,
          code: 'invalid-rule',
          message: 'The rule is not valid: …',
          details: [
            { field: 'actions[1].priority', code: 'one-of', params: { values: 'low, high' }, message: '…' },
            {
              field: 'condition.operator',
              code: 'operator-unsupported',
              params: { value: 'matches' },
              message: '…',
            },
          ],
        }),
      );
      await expect(api.post('/rules', {})).rejects.toMatchObject({
        message: '规则无效：优先级：须为以下之一：low, high；比较方式：不支持比较方式“matches”。',
      });
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('keeps the server text, with its code, for a code the web does not know yet', async () => {
    vi.stubGlobal('fetch', respond(418, { statusCode: 418, code: 'brand-new-code', message: 'Teapot' }));
    await expect(api.get('/x')).rejects.toMatchObject({
      message: 'The server refused the request (brand-new-code): Teapot',
    });
  });

  it('signs out on 401 when a token was sent', async () => {
    const onUnauthorized = vi.fn();
    configureApiClient({ getToken: () => 'expired', onUnauthorized });
    vi.stubGlobal('fetch', respond(401, { statusCode: 401, code: 'unauthorized', message: 'Token expired' }));
    await expect(api.get('/workflows')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });
});
