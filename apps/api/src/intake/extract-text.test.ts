import { describe, expect, it } from 'vitest';
import { checkExtractor, extractFromText } from './extract-text.js';

const wechat = '你好，我要退货。订单号：SO-20261124-0042，快递单号 SF1234567890，商品破损。';
const email =
  'Hello,\nmy order #A1042 arrived broken. Tracking no: 1Z999AA10123456784.\nRefund amount: ¥6,200.50\nName: Li Wei\nReply to li.wei@example.edu.';

describe('extractFromText', () => {
  it('finds order and tracking numbers in a Chinese WeChat message', () => {
    expect(extractFromText('order-number', wechat)).toBe('SO-20261124-0042');
    expect(extractFromText('tracking-number', wechat)).toBe('SF1234567890');
  });

  it('finds them in an English e-mail, skipping labels not followed by a code', () => {
    expect(extractFromText('order-number', email)).toBe('A1042');
    expect(extractFromText('tracking-number', email)).toBe('1Z999AA10123456784');
    expect(extractFromText('order-number', 'Your order has shipped; order number: 55012')).toBe('55012');
  });

  it('reads numbers, codes and lines after a label, and e-mail addresses', () => {
    expect(extractFromText('number-after:refund amount', email)).toBe(6200.5);
    expect(extractFromText('number-after:退款金额', '退款金额：6200元')).toBe(6200);
    expect(extractFromText('text-after:name', email)).toBe('Li Wei');
    expect(extractFromText('word-after:工单', '关联工单 MO-2026-0815')).toBe('MO-2026-0815');
    expect(extractFromText('email', email)).toBe('li.wei@example.edu');
  });

  it('returns undefined when nothing is there', () => {
    expect(extractFromText('order-number', 'no numbers here')).toBeUndefined();
    expect(extractFromText('number-after:amount', 'amount: unknown')).toBeUndefined();
    expect(extractFromText('email', 'write to me @ home')).toBeUndefined();
  });

  it('stays linear on hostile input', () => {
    const hostile = 'order '.repeat(50_000) + 'order: X'.repeat(1000);
    const started = performance.now();
    expect(extractFromText('order-number', hostile)).toBeUndefined();
    extractFromText('number-after:order', hostile);
    extractFromText('email', '@'.repeat(20_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('checkExtractor', () => {
  it('accepts the fixed names and labelled forms, and refuses anything else', () => {
    expect(checkExtractor('order-number')).toBeUndefined();
    expect(checkExtractor('number-after:退款金额')).toBeUndefined();
    expect(checkExtractor('number-after:')).toContain('needs a label');
    expect(checkExtractor('regex:(a+)+$')).toContain('is not an extractor');
  });
});
