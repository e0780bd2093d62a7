import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { randomUUID } from 'node:crypto';
import { signWebhook } from '../webhooks/webhook-signature.js';

const WECHAT_SECRET = 'wechat-secret-0123456789';
const EMAIL_SECRET = 'email-secret-0123456789';

/** A WeChat official-account text message, as its server forwards it. */
const wechatMessage = {
  ToUserName: 'gh_shop',
  FromUserName: 'oUser-8812',
  CreateTime: 1764000000,
  MsgType: 'text',
  Content: '你好，我要退货。订单号：SO-20261124-0042，快递单号 SF1234567890，商品破损。',
  MsgId: '24601',
};

/** An inbound e-mail, as a mail gateway posts it. */
const emailMessage = {
  from: 'li.wei@example.edu',
  subject: 'Refund request for the spring course',
  text: 'Dear school,\nplease refund my course fee.\nRefund amount: 6,200\nStudent: Li Wei',
};

describe('intake webhooks', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  const post = (channel: string, body: string, secret: string | null, id = `msg_${randomUUID()}`) => {
    const request = t.http.post(`/api/intake/${channel}`).set('Content-Type', 'application/json');
    if (secret) request.set(signWebhook(secret, id, body));
    return request.send(body);
  };
  const messages = async () =>
    (await t.http.get('/api/intake/messages').set(admin).expect(200)).body as {
      id: string;
      channel: string;
      status: string;
      statusCode: number;
      errorCode: string | null;
      payload: string;
      ticketId: string | null;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    admin = { Authorization: `Bearer ${await t.login('admin')}` };
    await t.http
      .put('/api/intake/channels/wechat')
      .set(admin)
      .send({
        workflowKey: 'ecommerce-return',
        titleTemplate: 'WeChat return {{fields.orderNumber}} from {{FromUserName}}',
        fieldMappings: [
          { field: 'orderNumber', from: 'Content', extract: 'order-number' },
          { field: 'trackingNumber', from: 'Content', extract: 'tracking-number' },
          { field: 'returnReason', value: 'damaged' },
        ],
        requester: 'requester',
        secret: WECHAT_SECRET,
      })
      .expect(200);
    // No workflow on the e-mail channel: a routing rule decides.
    await t.http
      .put('/api/intake/channels/email')
      .set(admin)
      .send({
        titleTemplate: '{{subject}} ({{from}})',
        fieldMappings: [{ field: 'refundAmount', from: 'text', extract: 'number-after:refund amount' }],
        secret: EMAIL_SECRET,
      })
      .expect(200);
    await t.http
      .post('/api/rules')
      .set(admin)
      .send({
        name: 'E-mailed refunds go to refund approval',
        trigger: 'ticket.created',
        position: 10,
        condition: {
          all: [
            { fact: 'ticket.channel', operator: 'equal', value: 'email' },
            { fact: 'refundAmount', operator: 'greaterThan', value: 0 },
          ],
        },
        actions: [
          { type: 'set-workflow', workflowKey: 'refund-approval' },
          { type: 'add-tag', tag: 'education' },
        ],
      })
      .expect(201);
  });
  afterAll(async () => t?.close());

  it('turns a WeChat-style message into an e-commerce return with the order and tracking numbers filled in', async () => {
    const response = await post('wechat', JSON.stringify(wechatMessage), WECHAT_SECRET).expect(201);
    expect(response.body).toMatchObject({
      workflowKey: 'ecommerce-return',
      fields: { orderNumber: 'SO-20261124-0042', trackingNumber: 'SF1234567890', returnReason: 'damaged' },
    });
    const ticket = (await t.http.get(`/api/tickets/${response.body.ticketId}`).set(admin).expect(200)).body;
    expect(ticket).toMatchObject({
      title: 'WeChat return SO-20261124-0042 from oUser-8812',
      channel: 'wechat',
      workflow: { key: 'ecommerce-return' },
      activeNodes: ['review'],
      requester: { username: 'requester' },
    });
    const kept = (await messages()).find((m) => m.id === response.body.messageId);
    expect(kept).toMatchObject({
      channel: 'wechat',
      status: 'accepted',
      statusCode: 201,
      ticketId: response.body.ticketId,
    });
  });

  it('routes an e-mail-style message by rule to refund approval, with the amount read from the text', async () => {
    const response = await post('email', JSON.stringify(emailMessage), EMAIL_SECRET).expect(201);
    expect(response.body).toMatchObject({ workflowKey: 'refund-approval', fields: { refundAmount: 6200 } });
    const ticket = (await t.http.get(`/api/tickets/${response.body.ticketId}`).set(admin).expect(200)).body;
    expect(ticket).toMatchObject({
      title: 'Refund request for the spring course (li.wei@example.edu)',
      channel: 'email',
      tags: ['education'],
      requester: { username: 'admin' },
    });
  });

  it('answers a repeated delivery with the ticket of the first one', async () => {
    const body = JSON.stringify({ ...wechatMessage, MsgId: '777' });
    const first = await post('wechat', body, WECHAT_SECRET, 'msg-777').expect(201);
    const again = await post('wechat', body, WECHAT_SECRET, 'msg-777').expect(201);
    expect(again.body).toMatchObject({ ticketId: first.body.ticketId, replayed: true });
  });

  it('refuses a signed delivery replayed to another channel that shares the secret (issue 17, finding 1)', async () => {
    const body = JSON.stringify({ ...wechatMessage, MsgId: '778' });
    const shared = 'shared-intake-secret-0123';
    await t.http
      .put('/api/intake/channels/app')
      .set(admin)
      .send({
        workflowKey: 'ecommerce-return',
        titleTemplate: 'App {{MsgId}}',
        fieldMappings: [
          { field: 'orderNumber', from: 'Content', extract: 'order-number' },
          { field: 'returnReason', value: 'damaged' },
        ],
        secret: shared,
      })
      .expect(200);
    await t.http
      .put('/api/intake/channels/other')
      .set(admin)
      .send({
        workflowKey: 'ecommerce-return',
        titleTemplate: 'Other {{MsgId}}',
        fieldMappings: [
          { field: 'orderNumber', from: 'Content', extract: 'order-number' },
          { field: 'returnReason', value: 'damaged' },
        ],
        secret: shared,
      })
      .expect(200);
    const headers = signWebhook(shared, 'msg-778', body);
    await t.http
      .post('/api/intake/app')
      .set('Content-Type', 'application/json')
      .set(headers)
      .send(body)
      .expect(201);
    const replay = await t.http
      .post('/api/intake/other')
      .set('Content-Type', 'application/json')
      .set(headers)
      .send(body);
    expect(replay.status).toBe(409);
    expect(replay.body.code).toBe('webhook-replayed');
    const stale = signWebhook(shared, 'msg-779', body, new Date(Date.now() - 10 * 60_000));
    const late = await t.http
      .post('/api/intake/app')
      .set('Content-Type', 'application/json')
      .set(stale)
      .send(body);
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('webhook-timestamp-outside-tolerance');
    const audited = (await t.db.dataSource.query(
      `SELECT action, details->>'code' AS code FROM audit_log WHERE object_type = 'intake-channel' AND details->>'webhookId' IN ('msg-778', 'msg-779') ORDER BY id`,
    )) as { action: string; code: string | null }[];
    expect(audited).toEqual([
      { action: 'webhook.accepted', code: null },
      { action: 'webhook.refused', code: 'webhook-replayed' },
      { action: 'webhook.refused', code: 'webhook-timestamp-outside-tolerance' },
    ]);
  });

  it('accepts the old and the new secret during a rotation, and only the new one after it ends', async () => {
    const body = JSON.stringify({ ...wechatMessage, MsgId: '780' });
    const config = {
      workflowKey: 'ecommerce-return',
      titleTemplate: 'Rotated {{MsgId}}',
      fieldMappings: [
        { field: 'orderNumber', from: 'Content', extract: 'order-number' },
        { field: 'returnReason', value: 'damaged' },
      ],
    };
    await t.http
      .put('/api/intake/channels/app')
      .set(admin)
      .send({ ...config, secret: 'rotation-new-secret-01' })
      .expect(200);
    await post('app', body, 'rotation-new-secret-01').expect(201);
    await post('app', body, 'shared-intake-secret-0123').expect(201);
    await t.http
      .put('/api/intake/channels/app')
      .set(admin)
      .send({ ...config, dropPreviousSecret: true })
      .expect(200);
    expect((await post('app', body, 'shared-intake-secret-0123').expect(401)).body.code).toBe(
      'invalid-signature',
    );
  });

  it('rejects a malformed payload with 400 and keeps it for inspection', async () => {
    const body = '{"Content": "订单号 SO-1", ';
    const response = await post('wechat', body, WECHAT_SECRET).expect(400);
    expect(response.body).toMatchObject({ code: 'malformed-payload' });
    expect((await messages())[0]).toMatchObject({
      channel: 'wechat',
      status: 'rejected',
      statusCode: 400,
      errorCode: 'malformed-payload',
      payload: body,
      ticketId: null,
    });
  });

  it('rejects a message without the fields the workflow requires with 400, and keeps it', async () => {
    const body = JSON.stringify({ ...wechatMessage, Content: '你好，东西坏了' });
    const response = await post('wechat', body, WECHAT_SECRET).expect(400);
    expect(response.body.message).toContain('orderNumber');
    expect((await messages())[0]).toMatchObject({
      status: 'rejected',
      statusCode: 400,
      errorCode: 'invalid-fields',
      payload: body,
    });
  });

  it('rejects a bad or missing signature with 401 and keeps the message', async () => {
    const body = JSON.stringify(wechatMessage);
    await post('wechat', body, 'not-the-wechat-secret-at-all').expect(401);
    expect((await messages())[0]).toMatchObject({
      status: 'rejected',
      statusCode: 401,
      errorCode: 'invalid-signature',
      payload: body,
    });
    await post('wechat', body, null).expect(401);
    expect((await messages())[0]).toMatchObject({
      status: 'rejected',
      statusCode: 401,
      errorCode: 'webhook-headers-missing',
    });
  });

  it('refuses channels that are unknown or have no secret, keeping the message', async () => {
    await post('fax', '{}', WECHAT_SECRET).expect(404);
    const response = await post('phone', '{"caller":"+86 10 5555"}', WECHAT_SECRET).expect(401);
    expect(response.body.code).toBe('intake-secret-missing');
    const kept = await messages();
    expect(kept.slice(0, 2).map((m) => [m.channel, m.statusCode])).toEqual([
      ['phone', 401],
      ['fax', 404],
    ]);
  });

  it('lets admins read channel configuration without the secret, and refuses bad mappings', async () => {
    const channel = (await t.http.get('/api/intake/channels/wechat').set(admin).expect(200)).body;
    expect(channel).toMatchObject({
      channel: 'wechat',
      configured: true,
      hasSecret: true,
      workflowKey: 'ecommerce-return',
      requester: 'requester',
    });
    expect(JSON.stringify(channel)).not.toContain(WECHAT_SECRET);
    const bad = await t.http
      .put('/api/intake/channels/app')
      .set(admin)
      .send({ titleTemplate: 'x', fieldMappings: [{ field: 'a', from: 'text', extract: 'regex:(a+)+$' }] })
      .expect(400);
    expect(bad.body.code).toBe('invalid-field-mappings');
  });
});
