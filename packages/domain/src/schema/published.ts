/**
 * The document shapes published as standalone JSON Schemas (draft 2020-12), for anyone who
 * validates a meeting document or a data set outside Scrutineer: the same schemas the API and
 * the parsers use, with every named shape under `$defs`.
 */
import { CouncilDataset, MeetingDocument } from '../model/document.js';
import { liftNamedShapes } from './components.js';
import type { TSchema } from './kit.js';

const SCHEMA_BASE = 'https://scrutineer.dev/schemas/v1';

const published = (schema: TSchema, file: string) => {
  const $defs: Record<string, Record<string, unknown>> = {};
  // A titled root is lifted too, so the schema is a `$ref` to its own definition.
  const root = liftNamedShapes(schema, $defs, (name) => `#/$defs/${name}`, {
    discriminatorMapping: false,
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE}/${file}`,
    title: String(schema.title),
    description: String(schema.description),
    $ref: String(root['$ref']),
    $defs,
  };
};

/** JSON Schema for `MeetingDocument` (POST /api/v1/imports/meetings, `scrutineer-pack --input`). */
export const MEETING_DOCUMENT_SCHEMA = published(MeetingDocument, 'meeting-document.json');

/** JSON Schema for `CouncilDataset` (the sample council, whole-data-set imports). */
export const COUNCIL_DATASET_SCHEMA = published(CouncilDataset, 'council-dataset.json');
