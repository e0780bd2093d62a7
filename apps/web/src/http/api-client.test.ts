import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, configureApiClient } from './api-client';
import { ApiError } from './api-error';

function respond(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
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

  it('throws ApiError with code, message and details', async () => {
    configureApiClient({ getToken: () => 'tok', onUnauthorized: () => {} });
    vi.stubGlobal('fetch', respond(409, { statusCode: 409, code: 'draft-conflict', message: 'Someone saved', details: { revision: 4 } }));
    const error = await api.get('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'draft-conflict', message: 'Someone saved', details: { revision: 4 } });
  });

  it('signs out on 401 when a token was sent', async () => {
    const onUnauthorized = vi.fn();
    configureApiClient({ getToken: () => 'expired', onUnauthorized });
    vi.stubGlobal('fetch', respond(401, { statusCode: 401, code: 'unauthorized', message: 'Token expired' }));
    await expect(api.get('/workflows')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });
});
