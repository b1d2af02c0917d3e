import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A report, appendix or supporting paper of an agenda item; written with its item. */
@Entity({ name: 'item_documents' })
export class ItemDocumentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ name: 'agenda_item_id', type: 'varchar', length: 36 })
  agendaItemId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  role: string;

  @Column({ name: 'exempt_paragraph', type: 'integer', nullable: true })
  exemptParagraph: number | null;

  /** ItemDocument['content'] as JSON. */
  @Column({ type: 'simple-json' })
  content: object | null;
}
