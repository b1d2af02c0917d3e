/** The authorities resource: `/api/v1/authorities`. */
import { Authority } from '../model/people.js';
import { type Shape } from '../schema/kit.js';
import { IdParam, ListQuery, Page, Resource } from './common.js';

export const AuthorityResource = Resource(
  'AuthorityResource',
  Authority.properties,
  'A council as stored: the domain’s Authority and the server’s version and timestamps. Send it back as is to replace it.',
);
export type AuthorityResource = Shape<typeof AuthorityResource>;

export const AuthorityPage = Page(AuthorityResource);
export type AuthorityPage = Shape<typeof AuthorityPage>;

export const AuthorityQuery = ListQuery(['name'] as const, {});
export type AuthorityQuery = Shape<typeof AuthorityQuery>;

export const AuthorityParams = IdParam('id', 'The council’s id, e.g. `stockport`.');
export { Authority as AuthorityInput };
