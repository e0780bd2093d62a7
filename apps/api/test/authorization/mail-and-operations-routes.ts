import {
  calendarBody,
  openIncident,
  requesterNotification,
  slaPolicy,
  waitingTicket,
} from '../worker-fixtures.js';
import { resolvedTicket, surveyToken } from '../satisfaction-fixtures.js';
import { reviewTicket, mailChannelBody, matrixMailChannel } from './matrix-fixtures.js';
import { all, type RouteExpectation } from './matrix.types.js';

/** E-mail channels and satisfaction; inbound events, incidents, notifications, SLAs and settings. */
export const MAIL_AND_OPERATIONS_ROUTES: RouteExpectation[] = [
  // Issue 21: inbound e-mail channels (admins), satisfaction surveys (the requester; a signed link for anyone holding it).
  {
    route: 'GET /api/mail/channels',
    setup: async () => ({ path: '/api/mail/channels' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'POST /api/mail/channels',
    setup: async () => ({ path: '/api/mail/channels', body: mailChannelBody() }),
    expect: all(403, { admin: 201 }),
  },
  {
    route: 'PUT /api/mail/channels/{id}',
    setup: async (t) => ({
      path: `/api/mail/channels/${await matrixMailChannel(t)}`,
      body: mailChannelBody(),
    }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'DELETE /api/mail/channels/{id}',
    setup: async (t) => ({ path: `/api/mail/channels/${await matrixMailChannel(t)}` }),
    expect: all(403, { admin: 204 }),
  },
  {
    route: 'GET /api/mail/messages',
    setup: async () => ({ path: '/api/mail/messages' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'GET /api/tickets/{id}/satisfaction',
    setup: async (t) => ({ path: `/api/tickets/${await resolvedTicket(t)}/satisfaction` }),
    expect: all(404, { anonymous: 401, requester: 200 }),
  },
  {
    route: 'POST /api/tickets/{id}/satisfaction',
    setup: async (t) => ({
      path: `/api/tickets/${await resolvedTicket(t)}/satisfaction`,
      body: { rating: 4 },
    }),
    expect: all(404, { anonymous: 401, requester: 200 }),
  },
  {
    route: 'GET /api/satisfaction/survey',
    setup: async (t) => ({
      path: `/api/satisfaction/survey?token=${await surveyToken(t, await resolvedTicket(t))}`,
    }),
    expect: all(200, { anonymous: 200 }),
  },
  {
    route: 'POST /api/satisfaction/answer',
    setup: async (t) => ({
      path: '/api/satisfaction/answer',
      body: { token: await surveyToken(t, await resolvedTicket(t)), rating: 5 },
    }),
    expect: all(200, { anonymous: 200 }),
  },
  // Issue 5: inbound events, incidents, notifications, SLAs and worker settings.
  {
    route: 'POST /api/tickets/{id}/events/{message}',
    setup: async (t) => ({ path: `/api/tickets/${await waitingTicket(t)}/events/arrived`, body: {} }),
    expect: all(404, { requester: 200, admin: 200 }),
  },
  {
    route: 'GET /api/tickets/{id}/sla',
    setup: async (t) => ({ path: `/api/tickets/${(await reviewTicket(t)).id}/sla` }),
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'GET /api/incidents',
    setup: async () => ({ path: '/api/incidents' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'POST /api/incidents/{id}/retry',
    setup: async (t) => ({ path: `/api/incidents/${await openIncident(t)}/retry` }),
    expect: all(403, { admin: 200 }),
  },
  { route: 'GET /api/notifications', setup: async () => ({ path: '/api/notifications' }), expect: all(200) },
  {
    route: 'GET /api/notifications/unread-count',
    setup: async () => ({ path: '/api/notifications/unread-count' }),
    expect: all(200),
  },
  {
    route: 'POST /api/notifications/{id}/read',
    setup: async (t) => ({ path: `/api/notifications/${await requesterNotification(t)}/read` }),
    expect: all(404, { requester: 200 }),
  },
  {
    route: 'GET /api/sla/policies',
    setup: async () => ({ path: '/api/sla/policies' }),
    expect: all(403, { owner: 200, admin: 200 }),
  },
  {
    route: 'PUT /api/sla/policies',
    setup: async () => ({
      path: '/api/sla/policies',
      body: { workflowKey: 'matrix-sla', responseMinutes: 30 },
    }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'DELETE /api/sla/policies/{id}',
    setup: async (t) => ({ path: `/api/sla/policies/${await slaPolicy(t)}` }),
    expect: all(403, { admin: 204 }),
  },
  {
    route: 'GET /api/settings/business-calendar',
    setup: async () => ({ path: '/api/settings/business-calendar' }),
    expect: all(200),
  },
  {
    route: 'PUT /api/settings/business-calendar',
    setup: async () => ({ path: '/api/settings/business-calendar', body: calendarBody }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'GET /api/settings/organisation',
    setup: async () => ({ path: '/api/settings/organisation' }),
    expect: all(200),
  },
  {
    route: 'PUT /api/settings/organisation',
    setup: async () => ({ path: '/api/settings/organisation', body: { timeZone: 'UTC' } }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'GET /api/settings/http-actions',
    setup: async () => ({ path: '/api/settings/http-actions' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'PUT /api/settings/http-actions',
    setup: async () => ({
      path: '/api/settings/http-actions',
      body: { allowedHosts: ['api.partner.example'] },
    }),
    expect: all(403, { admin: 200 }),
  },
];
