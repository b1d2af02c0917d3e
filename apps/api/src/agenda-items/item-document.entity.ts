import type { LatePaper } from '@scrutineer/domain';
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

  /** The public interest test's outcome as the proper officer recorded it; null when none was. */
  @Column({ name: 'exempt_public_interest_test', type: 'text', nullable: true })
  exemptPublicInterestTest: string | null;

  /** The attached file's SHA-256 when the content is a file (`stored_files`); null otherwise. */
  @Index()
  @Column({ name: 'file_sha256', type: 'varchar', length: 64, nullable: true })
  fileSha256: string | null;

  /** The domain's LatePaper as JSON for a document added after the agenda was published; null otherwise. */
  @Column({ type: 'simple-json', nullable: true })
  late: LatePaper | null;

  /** ItemDocument['content'] as JSON. */
  @Column({ type: 'simple-json' })
  content: object | null;
}
