/**
 * The whole-document shapes as the API's routes name them: `GET /meetings/{id}/document` and
 * `POST /imports/meetings` use `MeetingDocument`; the dataset routes answer a `CouncilDataset`
 * slice. They are the model's own schemas (model/document.ts), not copies.
 */
export {
  CouncilDataset as CouncilDatasetSchema,
  MeetingDocument as MeetingDocumentSchema,
} from '../model/document.js';
