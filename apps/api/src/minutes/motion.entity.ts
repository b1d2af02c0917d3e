import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A motion and its vote, written with its minute. */
@Entity({ name: 'motions' })
export class MotionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ name: 'minute_id', type: 'varchar', length: 36 })
  minuteId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'simple-json', nullable: true })
  proposer: object | null;

  @Column({ type: 'simple-json', nullable: true })
  seconder: object | null;

  @Column({ type: 'simple-json', nullable: true })
  vote: object | null;

  @Column({ type: 'varchar', length: 20 })
  outcome: string;
}
