import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One publication of a pack in one edition: its bytes are the stored file `sha256` names. */
@Entity({ name: 'pack_publications' })
@Index('IDX_pack_publications_meeting', ['meetingId', 'publishedAt'])
export class PackPublicationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'meeting_id', type: 'varchar', length: 200 })
  meetingId: string;

  /** `agenda` or `supplement`. */
  @Column({ type: 'varchar', length: 20 })
  pack: string;

  /** The supplementary agenda's number; null for the agenda pack. */
  @Column({ type: 'integer', nullable: true })
  supplement: number | null;

  /** `public` or `confidential`. */
  @Column({ type: 'varchar', length: 20 })
  edition: string;

  @Column({ name: 'published_at', type: 'varchar', length: 30 })
  publishedAt: string;

  /** The PDF's SHA-256: its bytes are in `stored_files`. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ name: 'byte_length', type: 'integer' })
  byteLength: number;

  @Column({ name: 'page_count', type: 'integer', nullable: true })
  pageCount: number | null;
}
