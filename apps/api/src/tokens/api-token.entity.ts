import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A bearer token. Only the sha256 of the token is stored; the token itself is shown once by the CLI. */
@Entity({ name: 'api_tokens' })
export class ApiTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: string;

  @Column({ name: 'portfolio_codes', type: 'simple-json' })
  portfolioCodes: string[];

  @Index({ unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** ISO 8601 instant (UTC); instants are stored as text so both databases sort them alike. */
  @Column({ name: 'created_at', type: 'varchar', length: 35 })
  createdAt: string;

  @Column({ name: 'revoked_at', type: 'varchar', length: 35, nullable: true })
  revokedAt: string | null;
}
