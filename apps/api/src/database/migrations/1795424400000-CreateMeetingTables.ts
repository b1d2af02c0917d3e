import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';

const id = (length = 36): TableColumnOptions => ({
  name: 'id',
  type: 'varchar',
  length: String(length),
  isPrimary: true,
});
const version: TableColumnOptions = { name: 'version', type: 'integer', default: 1 };
const ref = (name: string, length = 200, isNullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable,
});
const cascade = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

/**
 * The meetings side: authorities, members, committees and their seats, meetings, agenda items
 * and their documents, declarations, minutes with motions, actions and resolutions.
 * Structured values the API never filters on (a style, a vote, minute paragraphs) are JSON text.
 */
export class CreateMeetingTables1795424400000 implements MigrationInterface {
  name = 'CreateMeetingTables1795424400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'authorities',
        columns: [
          id(200),
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'short_name', type: 'varchar', length: '100' },
          { name: 'region', type: 'varchar', length: '10' },
          { name: 'style', type: 'text' },
          { name: 'closure_days', type: 'text' },
          { name: 'website', type: 'varchar', length: '500', isNullable: true },
          version,
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'members',
        columns: [
          id(200),
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'party', type: 'varchar', length: '100', isNullable: true },
          { name: 'ward', type: 'varchar', length: '200', isNullable: true },
          version,
        ],
        indices: [
          { name: 'IDX_members_name', columnNames: ['name'] },
          { name: 'IDX_members_party', columnNames: ['party'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'committees',
        columns: [
          id(200),
          ref('authority_id'),
          { name: 'name', type: 'varchar', length: '300' },
          { name: 'clerk', type: 'text', isNullable: true },
          { name: 'portfolio_codes', type: 'text' },
          version,
        ],
        foreignKeys: [
          {
            columnNames: ['authority_id'],
            referencedTableName: 'authorities',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ name: 'IDX_committees_authority_id', columnNames: ['authority_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'committee_memberships',
        columns: [
          id(),
          ref('committee_id'),
          { name: 'position', type: 'integer' },
          { name: 'member_name', type: 'varchar', length: '200' },
          ref('member_id', 200, true),
          { name: 'role', type: 'varchar', length: '20' },
        ],
        foreignKeys: [
          cascade('committee_id', 'committees'),
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          },
        ],
        indices: [
          { name: 'IDX_committee_memberships_committee_id', columnNames: ['committee_id'] },
          { name: 'IDX_committee_memberships_member_id', columnNames: ['member_id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'meetings',
        columns: [
          id(200),
          ref('committee_id'),
          { name: 'date', type: 'date' },
          { name: 'start_time', type: 'varchar', length: '5', isNullable: true },
          { name: 'venue', type: 'varchar', length: '300', isNullable: true },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'agenda_published_at', type: 'varchar', length: '35', isNullable: true },
          { name: 'attendance', type: 'text' },
          { name: 'declarations_kind', type: 'varchar', length: '20' },
          { name: 'minutes_status', type: 'varchar', length: '10', isNullable: true },
          { name: 'minutes_approved_on', type: 'date', isNullable: true },
          { name: 'minutes_closed_at', type: 'varchar', length: '5', isNullable: true },
          version,
        ],
        foreignKeys: [
          {
            columnNames: ['committee_id'],
            referencedTableName: 'committees',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'IDX_meetings_committee_id_date', columnNames: ['committee_id', 'date'] },
          { name: 'IDX_meetings_date', columnNames: ['date'] },
          { name: 'IDX_meetings_status', columnNames: ['status'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agenda_items',
        columns: [
          id(),
          ref('meeting_id'),
          { name: 'position', type: 'integer' },
          { name: 'number', type: 'varchar', length: '10' },
          { name: 'kind', type: 'varchar', length: '30' },
          { name: 'title', type: 'varchar', length: '500' },
          { name: 'summary', type: 'text', isNullable: true },
          { name: 'recommendations', type: 'text', isNullable: true },
          { name: 'report_of', type: 'text' },
          { name: 'contacts', type: 'text' },
          { name: 'exempt_paragraph', type: 'integer', isNullable: true },
          version,
        ],
        foreignKeys: [cascade('meeting_id', 'meetings')],
        indices: [
          { name: 'IDX_agenda_items_meeting_id_position', columnNames: ['meeting_id', 'position'] },
          {
            name: 'IDX_agenda_items_meeting_id_number',
            columnNames: ['meeting_id', 'number'],
            isUnique: true,
          },
          { name: 'IDX_agenda_items_kind', columnNames: ['kind'] },
          { name: 'IDX_agenda_items_exempt_paragraph', columnNames: ['exempt_paragraph'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'item_documents',
        columns: [
          id(),
          ref('agenda_item_id', 36),
          { name: 'position', type: 'integer' },
          { name: 'title', type: 'varchar', length: '500' },
          { name: 'role', type: 'varchar', length: '20' },
          { name: 'exempt_paragraph', type: 'integer', isNullable: true },
          { name: 'content', type: 'text' },
        ],
        foreignKeys: [cascade('agenda_item_id', 'agenda_items')],
        indices: [{ name: 'IDX_item_documents_agenda_item_id', columnNames: ['agenda_item_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'declarations',
        columns: [
          id(),
          ref('meeting_id'),
          { name: 'position', type: 'integer' },
          { name: 'member_name', type: 'varchar', length: '200' },
          ref('member_id', 200, true),
          { name: 'about', type: 'text' },
          { name: 'interest', type: 'varchar', length: '30' },
          { name: 'nature', type: 'text' },
          { name: 'withdrew', type: 'text' },
          version,
        ],
        foreignKeys: [cascade('meeting_id', 'meetings')],
        indices: [
          { name: 'IDX_declarations_meeting_id', columnNames: ['meeting_id'] },
          { name: 'IDX_declarations_member_id', columnNames: ['member_id'] },
          { name: 'IDX_declarations_interest', columnNames: ['interest'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'minutes',
        columns: [
          id(),
          ref('meeting_id'),
          { name: 'position', type: 'integer' },
          { name: 'ref_text', type: 'varchar', length: '30' },
          { name: 'ref_sequence', type: 'integer' },
          { name: 'agenda_item_number', type: 'varchar', length: '10', isNullable: true },
          { name: 'taken_order', type: 'integer' },
          { name: 'title', type: 'varchar', length: '500' },
          { name: 'blocks', type: 'text' },
          { name: 'elections', type: 'text' },
          { name: 'previous_minutes', type: 'text', isNullable: true },
          { name: 'exempt_paragraph', type: 'integer', isNullable: true },
          version,
        ],
        foreignKeys: [cascade('meeting_id', 'meetings')],
        indices: [
          {
            name: 'IDX_minutes_meeting_id_taken_order',
            columnNames: ['meeting_id', 'taken_order'],
          },
          { name: 'IDX_minutes_ref_text', columnNames: ['ref_text'] },
          { name: 'IDX_minutes_exempt_paragraph', columnNames: ['exempt_paragraph'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'motions',
        columns: [
          id(),
          ref('minute_id', 36),
          { name: 'position', type: 'integer' },
          { name: 'text', type: 'text' },
          { name: 'proposer', type: 'text', isNullable: true },
          { name: 'seconder', type: 'text', isNullable: true },
          { name: 'vote', type: 'text', isNullable: true },
          { name: 'outcome', type: 'varchar', length: '20' },
        ],
        foreignKeys: [cascade('minute_id', 'minutes')],
        indices: [{ name: 'IDX_motions_minute_id', columnNames: ['minute_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'actions',
        columns: [
          id(),
          ref('minute_id', 36),
          ref('meeting_id'),
          { name: 'position', type: 'integer' },
          { name: 'text', type: 'text' },
          { name: 'owner', type: 'varchar', length: '300', isNullable: true },
          { name: 'due', type: 'date', isNullable: true },
          { name: 'status', type: 'varchar', length: '20' },
          { name: 'is_exempt', type: 'boolean' },
          version,
        ],
        foreignKeys: [cascade('minute_id', 'minutes'), cascade('meeting_id', 'meetings')],
        indices: [
          { name: 'IDX_actions_minute_id', columnNames: ['minute_id'] },
          { name: 'IDX_actions_meeting_id', columnNames: ['meeting_id'] },
          { name: 'IDX_actions_owner', columnNames: ['owner'] },
          { name: 'IDX_actions_due', columnNames: ['due'] },
          { name: 'IDX_actions_status', columnNames: ['status'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'resolutions',
        columns: [
          id(),
          ref('minute_id', 36),
          ref('meeting_id'),
          { name: 'body', type: 'text' },
          { name: 'is_exempt', type: 'boolean' },
        ],
        foreignKeys: [cascade('minute_id', 'minutes'), cascade('meeting_id', 'meetings')],
        indices: [
          { name: 'IDX_resolutions_minute_id', columnNames: ['minute_id'], isUnique: true },
          { name: 'IDX_resolutions_meeting_id', columnNames: ['meeting_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'resolutions',
      'actions',
      'motions',
      'minutes',
      'declarations',
      'item_documents',
      'agenda_items',
      'meetings',
      'committee_memberships',
      'committees',
      'members',
      'authorities',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
