import { COLLECTIONS } from '@shared/constants/collections';
import { SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from '@shared/wx/subscribe-templates';
import type { Database } from '../../_lib/db';
import { isDuplicateWrite } from '../../_lib/errors';

/**
 * Notifications are enqueued, not sent (DESIGN.md "Messages"): the scheduler delivers them. The
 * dedupe key is the document id, so a retried transition never queues the same message twice.
 */
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  async enqueue(msg: {
    dedupeKey: string;
    template: SubscribeTemplateKey;
    residentId: string;
    data: Record<string, string>;
    page: string;
    now: Date;
  }): Promise<void> {
    const t = SUBSCRIBE_TEMPLATES[msg.template];
    try {
      await this.db.collection(COLLECTIONS.outbox).add({
        _id: msg.dedupeKey,
        channel: 'subscribe',
        templateId: t.id,
        residentId: msg.residentId,
        data: Object.fromEntries(t.fields.map((f) => [f, { value: msg.data[f] ?? '' }])),
        page: msg.page,
        status: 'queued',
        attempts: 0,
        createdAt: msg.now,
      });
    } catch (e) {
      if (!isDuplicateWrite(e)) throw e;
    }
  }
}
