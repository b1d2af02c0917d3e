import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/** Tokens and the audit trail: what every other table's writes rely on. */
export class CreatePlatformTables1763888400000 implements MigrationInterface {
  name = 'CreatePlatformTables1763888400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'portfolio_codes', type: 'text' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '35' },
          { name: 'revoked_at', type: 'varchar', length: '35', isNullable: true },
        ],
        indices: [
          { name: 'IDX_api_tokens_token_hash', columnNames: ['token_hash'], isUnique: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'at', type: 'varchar', length: '35' },
          { name: 'actor_name', type: 'varchar', length: '200' },
          { name: 'actor_role', type: 'varchar', length: '20' },
          { name: 'entity', type: 'varchar', length: '60' },
          { name: 'entity_id', type: 'varchar', length: '200' },
          { name: 'action', type: 'varchar', length: '40' },
          { name: 'changes', type: 'text' },
          { name: 'request_id', type: 'varchar', length: '100', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndices('audit_events', [
      new TableIndex({ name: 'IDX_audit_events_entity', columnNames: ['entity', 'entity_id'] }),
      new TableIndex({ name: 'IDX_audit_events_at', columnNames: ['at'] }),
      new TableIndex({ name: 'IDX_audit_events_actor_name', columnNames: ['actor_name'] }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_events');
    await queryRunner.dropTable('api_tokens');
  }
}
