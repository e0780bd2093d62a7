import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, keepScreenshot, launchBrowser, newContext, signIn } from './browser.js';
import { apiClient } from './inbox-api.js';
import { freePort, startServer, type RunningServer } from './server.js';

/**
 * Issue 21 in Chromium: the requester rates a resolved ticket on its page
 * (once); the one-click page of the resolution e-mail records the clicked
 * rating and takes a comment; managers read team performance and
 * satisfaction; admins configure an inbound address and see what arrived.
 * Screenshots in English and Chinese, 1440 px and phone.
 */
describe.runIf(hasChromium || process.env.CI)(
  'satisfaction, team reports and inbound e-mail in Chromium',
  () => {
    let server: RunningServer;
    let browser: Browser;
    let api: ReturnType<typeof apiClient>;
    let mailPort: number;
    const contexts: BrowserContext[] = [];

    async function pageAs(
      username: string | null,
      viewport: 'desktop' | 'phone' = 'desktop',
      language: 'en' | 'zh' = 'en',
    ): Promise<Page> {
      const context = await newContext(browser, server.baseUrl, viewport);
      contexts.push(context);
      const page = await context.newPage();
      if (username) await signIn(page, username);
      else await page.goto('/login');
      if (language === 'zh') await page.getByTestId('language-switch').selectOption('zh-CN');
      return page;
    }

    async function resolvedRefund(title: string, amount: number): Promise<string> {
      const ticket = await api.createTicket('requester', {
        workflowKey: 'refund-approval',
        title,
        fields: { refundAmount: amount },
      });
      await api.attachReceipt(ticket.id, 'agent');
      await api.completeReview(ticket.id);
      const approval = (await api.inbox('manager')).find(
        (task) => task.ticketId === ticket.id && task.nodeId === 'manager',
      );
      await api.call('manager', 'POST', `/tasks/${approval!.id}/approve`, {});
      return ticket.id;
    }

    beforeAll(async () => {
      mailPort = await freePort();
      server = await startServer({
        MAIL_INBOUND_PORT: String(mailPort),
        MAIL_FROM: 'Acme support <support@acme.test>',
      });
      browser = await launchBrowser();
      api = apiClient(server.baseUrl);
    });
    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await server?.stop();
    });

    it('the requester rates the resolved ticket from its page, once', async () => {
      const id = await resolvedRefund('Refund the cracked phone case', 25);
      const page = await pageAs('requester');
      await page.goto(`/tickets/${id}`);
      const card = page.getByTestId('satisfaction-card');
      await card.waitFor();
      expect(await card.getAttribute('data-state')).toBe('asked');
      expect(await card.getByTestId('satisfaction-send').isDisabled()).toBe(true);
      await card.getByTestId('star-rating-4').click();
      await card.getByTestId('satisfaction-comment').fill('Fast and friendly.');
      await keepScreenshot(page, 'satisfaction-ticket-en');
      await card.getByTestId('satisfaction-send').click();
      await expect.poll(() => card.getAttribute('data-state')).toBe('answered');
      expect(await card.textContent()).toContain('Fast and friendly.');
      const survey = await api.call<{ state: string; rating: number }>(
        'requester',
        'GET',
        `/tickets/${id}/satisfaction`,
      );
      expect(survey).toMatchObject({ state: 'answered', rating: 4 });
      await api.call('requester', 'POST', `/tickets/${id}/satisfaction`, { rating: 1 }, [409]);

      const second = await resolvedRefund('Refund the late parcel', 30);
      for (const [viewport, language] of [
        ['phone', 'en'],
        ['desktop', 'zh'],
        ['phone', 'zh'],
      ] as const) {
        const other = await pageAs('requester', viewport, language);
        await other.goto(`/tickets/${second}`);
        await other.getByTestId('satisfaction-card').waitFor();
        await keepScreenshot(other, `satisfaction-ticket-${viewport === 'phone' ? 'phone-' : ''}${language}`);
      }
    });

    it('the one-click page records the rating of the link and then takes a comment (API stubbed for the page)', async () => {
      for (const [viewport, language] of [
        ['desktop', 'en'],
        ['phone', 'en'],
        ['desktop', 'zh'],
        ['phone', 'zh'],
      ] as const) {
        const page = await pageAs(null, viewport, language);
        const answers: unknown[] = [];
        let state: Record<string, unknown> = {
          state: 'asked',
          ticket: { number: 42, title: 'Refund the broken kettle' },
          comment: null,
        };
        await page.route('**/api/satisfaction/**', async (route) => {
          if (route.request().method() === 'POST') {
            const body = route.request().postDataJSON() as { rating?: number; comment?: string };
            answers.push(body);
            state = {
              ...state,
              state: 'answered',
              rating: state.rating ?? body.rating,
              comment: body.comment ?? state.comment ?? null,
            };
          }
          await route.fulfill({ json: state });
        });
        await page.goto('/rate?token=stub.token-from-the-mail&rating=5');
        await expect.poll(() => page.getByTestId('rate-page').getAttribute('data-phase')).toBe('ready');
        await page.getByTestId('rate-recorded').waitFor();
        expect(answers[0]).toEqual({ token: 'stub.token-from-the-mail', rating: 5 });
        await page.getByTestId('rate-comment').fill(language === 'zh' ? '很快，谢谢！' : 'Quick, thanks!');
        await keepScreenshot(page, `satisfaction-rate-${viewport === 'phone' ? 'phone-' : ''}${language}`);
        await page.getByTestId('rate-send-comment').click();
        await expect.poll(() => answers.length).toBe(2);
        await expect.poll(() => page.getByTestId('rate-comment').count()).toBe(0);
      }
      const invalid = await pageAs(null);
      await invalid.goto('/rate?token=0b5e7a58-6f7c-4d7e-9c51-3b1f8f4c2a10.forged&rating=5');
      await expect.poll(() => invalid.getByTestId('rate-page').getAttribute('data-phase')).toBe('invalid');
    });

    it('managers read team performance and satisfaction in Reports', async () => {
      for (const [viewport, language] of [
        ['desktop', 'en'],
        ['phone', 'en'],
        ['desktop', 'zh'],
        ['phone', 'zh'],
      ] as const) {
        const page = await pageAs('manager', viewport, language);
        await page.goto('/reports');
        const team = page.getByTestId('section-team');
        await team.waitFor();
        await expect
          .poll(() => page.getByTestId('table-team').locator('tbody tr').count(), { timeout: 15_000 })
          .toBeGreaterThan(0);
        expect(await page.getByTestId('table-team').textContent()).not.toContain('Fei Finance');
        await team.scrollIntoViewIfNeeded();
        await keepScreenshot(page, `team-report-${viewport === 'phone' ? 'phone-' : ''}${language}`);
        const satisfaction = page.getByTestId('section-satisfaction');
        await expect
          .poll(() => page.getByTestId('satisfaction-total').textContent(), { timeout: 15_000 })
          .toMatch(language === 'zh' ? /已评价 1 \/ 2/ : /1 of 2 answered/);
        await page.getByTestId('satisfaction-dimension-agent').click();
        await expect
          .poll(() => page.getByTestId('table-satisfaction').textContent(), { timeout: 15_000 })
          .toContain('Mia Manager');
        await satisfaction.scrollIntoViewIfNeeded();
        await keepScreenshot(page, `satisfaction-report-${viewport === 'phone' ? 'phone-' : ''}${language}`);
      }
    });

    it('an admin adds an inbound address; an e-mail to it becomes a ticket and is listed', async () => {
      await api.call('admin', 'POST', '/mail/channels', {
        address: 'support@acme.test',
        workflowKey: 'refund-approval',
        titleTemplate: '{{subject}}',
        fieldMappings: [{ field: 'refundAmount', from: 'body', extract: 'number-after:Amount' }],
        unknownSender: 'fallback',
        fallbackRequester: 'requester',
      });
      const transport = createTransport({
        host: '127.0.0.1',
        port: mailPort,
        secure: false,
        ignoreTLS: true,
      });
      await transport.sendMail({
        from: 'walk-in@customer.test',
        to: 'support@acme.test',
        subject: 'Refund for the broken kettle',
        text: 'Amount: 45',
      });
      await transport
        .sendMail({
          from: 'walk-in@customer.test',
          to: 'support@acme.test',
          subject: 'Out of office',
          text: 'Away',
          headers: { 'Auto-Submitted': 'auto-replied' },
        })
        .catch(() => undefined);
      transport.close();
      const tickets = await api.call<{ title: string; channel: string }[]>('requester', 'GET', '/tickets');
      expect(tickets.find((ticket) => ticket.title === 'Refund for the broken kettle')).toMatchObject({
        channel: 'email',
      });

      for (const [viewport, language] of [
        ['desktop', 'en'],
        ['phone', 'en'],
        ['desktop', 'zh'],
        ['phone', 'zh'],
      ] as const) {
        const page = await pageAs('admin', viewport, language);
        await page.goto('/rules');
        const section = page.getByTestId('mail-channels');
        await section.waitFor();
        await expect.poll(() => page.getByTestId('mail-messages').locator('li').count()).toBe(2);
        await page.getByTestId('mail-new').click();
        await section.scrollIntoViewIfNeeded();
        await keepScreenshot(page, `mail-channels-${viewport === 'phone' ? 'phone-' : ''}${language}`);
      }
    });
  },
);

if (!hasChromium && !process.env.CI) {
  console.warn(
    'e2e: /usr/bin/chromium not found — satisfaction and mail browser tests skipped (apt-get install -y chromium).',
  );
}
