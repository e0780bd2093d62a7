import { AttachmentsService } from '../../src/attachments/attachments.service.js';
import { reviewTicket } from './matrix-fixtures.js';
import { all, type RouteExpectation } from './matrix.types.js';

/** Tickets, their comments and files, cancelling. */
export const TICKET_ROUTES: RouteExpectation[] = [
  {
    route: 'POST /api/tickets',
    setup: async () => ({
      path: '/api/tickets',
      body: { workflowKey: 'refund-approval', title: 'Matrix', fields: { refundAmount: 10 } },
    }),
    expect: all(201),
  },
  { route: 'GET /api/tickets', setup: async () => ({ path: '/api/tickets' }), expect: all(200) },
  {
    route: 'GET /api/tickets/{id}',
    setup: async (t) => ({ path: `/api/tickets/${(await reviewTicket(t)).id}` }),
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'GET /api/tickets/{id}/transitions',
    setup: async (t) => ({ path: `/api/tickets/${(await reviewTicket(t)).id}/transitions` }),
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'GET /api/tickets/{id}/comments',
    setup: async (t) => ({ path: `/api/tickets/${(await reviewTicket(t)).id}/comments` }),
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'POST /api/tickets/{id}/comments',
    setup: async (t) => ({
      path: `/api/tickets/${(await reviewTicket(t)).id}/comments`,
      body: { text: 'Any news?' },
    }),
    expect: all(404, { requester: 201, agent: 201, admin: 201 }),
  },
  // Issue 21: files follow the ticket's authorization; an upload is refused before its body is read.
  {
    route: 'POST /api/tickets/{id}/attachments',
    setup: async (t) => ({
      path: `/api/tickets/${(await reviewTicket(t)).id}/attachments`,
      body: { file: 'not multipart' },
    }),
    expect: all(404, { requester: 400, agent: 400, admin: 400 }),
  },
  {
    route: 'GET /api/tickets/{id}/attachments',
    setup: async (t) => ({ path: `/api/tickets/${(await reviewTicket(t)).id}/attachments` }),
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'GET /api/attachments/{id}/content',
    setup: async (t) => {
      const ticket = await reviewTicket(t);
      const file = await t.app.get(AttachmentsService).store(ticket.id, {
        name: 'receipt.txt',
        bytes: Buffer.from('receipt'),
        visibility: 'public',
        actor: null,
      });
      return { path: `/api/attachments/${file.id}/content` };
    },
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'POST /api/tickets/{id}/cancel',
    setup: async (t) => ({
      path: `/api/tickets/${(await reviewTicket(t)).id}/cancel`,
      body: { reason: 'matrix' },
    }),
    expect: all(404, { requester: 200, agent: 403, admin: 200 }),
  },
];
