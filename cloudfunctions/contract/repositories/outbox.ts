import type { SubscribeTemplateKey } from '@shared/wx/subscribe-templates';
import { enqueueMany } from '../../_data/outbox.repo';
import type { Database } from '../../_lib/db';

/**
 * Notifications are enqueued, not sent (DESIGN.md "Messages"): the scheduler delivers them. The
 * dedupe key is the document id, so a retried transition never queues the same message twice.
 * Writes the outbox schema (shared/db/schemas/outbox.ts) through the messaging repository.
 */
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  async enqueue(msg: {
    dedupeKey: string;
    template: SubscribeTemplateKey;
    residentId: string;
    /** Template field values (name1 …); the template's mapping also accepts them by field name. */
    data: Record<string, string>;
    page: string;
    now: Date;
    kind?: string;
    title?: string;
    body?: string;
  }): Promise<void> {
    const rejected = msg.dedupeKey.startsWith('contract-rejected');
    await enqueueMany(
      this.db,
      [
        {
          _id: msg.dedupeKey,
          kind: msg.kind ?? (rejected ? 'contract.rejected' : 'contract.confirmed'),
          template: msg.template,
          to: { residentId: msg.residentId },
          title: msg.title ?? (rejected ? '签约申请未通过' : '家庭医生签约已生效'),
          body: msg.body ?? (msg.data.thing4 || ''),
          data: msg.data,
          page: msg.page,
          ref: { kind: 'contract', id: msg.dedupeKey.replace(/^contract-(confirmed|rejected)-/, '') },
        },
      ],
      msg.now,
    );
  }
}
