/**
 * The whole contract at once: every shape every contract module exports, lifted into one
 * components map as the API's OpenAPI document lifts them. Two different shapes under one title
 * would make one component lie about the other, so lifting them together must throw; and the
 * conventions every resource, page and request form follows are checked for all of them, so a
 * new resource that forgets one fails here rather than in a client generator.
 */
import { Kind, type TSchema } from '@sinclair/typebox';
import { liftNamedShapes, requestForm } from '../schema/components.js';
import { Closed, Text } from '../schema/kit.js';
import * as action from './action.js';
import * as agendaItem from './agenda-item.js';
import * as agreement from './agreement.js';
import * as auditEvent from './audit-event.js';
import * as authority from './authority.js';
import * as committee from './committee.js';
import * as common from './common.js';
import * as declaration from './declaration.js';
import * as health from './health.js';
import * as meetingImport from './import.js';
import * as measure from './measure.js';
import * as meetingDocument from './meeting-document.js';
import * as meeting from './meeting.js';
import * as member from './member.js';
import * as minute from './minute.js';
import * as officerContact from './officer-contact.js';
import * as performanceReport from './performance-report.js';
import * as portfolio from './portfolio.js';
import * as resolution from './resolution.js';
import * as result from './result.js';

type Json = Record<string, unknown>;

const MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  action,
  'agenda-item': agendaItem,
  agreement,
  'audit-event': auditEvent,
  authority,
  committee,
  common,
  declaration,
  health,
  import: meetingImport,
  measure,
  'meeting-document': meetingDocument,
  meeting,
  member,
  minute,
  'officer-contact': officerContact,
  'performance-report': performanceReport,
  portfolio,
  resolution,
  result,
};

const isSchema = (value: unknown): value is TSchema =>
  value !== null && typeof value === 'object' && Kind in value;

/** Every exported schema, as `module.export`. */
const SHAPES: ReadonlyArray<readonly [string, TSchema]> = Object.entries(MODULES).flatMap(
  ([module, exports]) =>
    Object.entries(exports)
      .filter((entry): entry is [string, TSchema] => isSchema(entry[1]))
      .map(([name, schema]) => [`${module}.${name}`, schema] as const),
);

const titled = (suffix: string): ReadonlyArray<readonly [string, TSchema & Json]> =>
  SHAPES.filter(([, schema]) => String(schema.title ?? '').endsWith(suffix)) as never;

/** Lifts the shapes and their request forms into one map, as the OpenAPI document does. */
const liftAll = (shapes: ReadonlyArray<readonly [string, TSchema]>): Record<string, Json> => {
  const components: Record<string, Json> = {};
  const refTo = (name: string) => `#/components/schemas/${name}`;
  for (const [, schema] of shapes) {
    liftNamedShapes(schema, components, refTo);
    liftNamedShapes(requestForm(schema), components, refTo);
  }
  return components;
};

/** Every object node of a schema, with its path. */
const nodesOf = (node: unknown, path = '$'): Array<readonly [string, Json]> => {
  if (Array.isArray(node)) return node.flatMap((child, i) => nodesOf(child, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  return [
    [path, node as Json],
    ...Object.entries(node).flatMap(([key, child]) => nodesOf(child, `${path}.${key}`)),
  ];
};

/** A shape titled `…Resource` that is a part of one, not stored on its own (no version). */
const PARTS = ['FinancialMonitoringResource'];

describe('the API contract, all modules together', () => {
  it('exports shapes from every contract module', () => {
    const modules = new Set(SHAPES.map(([name]) => name.split('.')[0]));
    expect([...modules].sort()).toEqual(Object.keys(MODULES).sort());
    expect(SHAPES.length).toBeGreaterThan(100);
  });

  it('lifts every shape and its request form into one components map: no title names two shapes', () => {
    const components = liftAll(SHAPES);
    expect(Object.keys(components)).toEqual(
      expect.arrayContaining([
        'Problem',
        'FieldProblem',
        'MeetingDocument',
        'CouncilDataset',
        'PortfolioResource',
        'PortfolioPage',
        'MemberInput',
        'MeasureResultResource',
      ]),
    );
    // The request form of a resource is its own component, without the server's fields.
    expect(Object.keys(components['PortfolioResourceRequest']?.['properties'] as Json)).toEqual(
      expect.not.arrayContaining(['version', 'createdAt', 'updatedAt']),
    );
  });

  it('fails on a planted clash: a different shape reusing a title', () => {
    const member = common.Resource('MemberResource', {
      id: Text(),
      name: Text(),
      nickname: Text(),
    });
    expect(() => liftAll([...SHAPES, ['planted.MemberResource', member]])).toThrow(
      'Two different shapes are both titled MemberResource',
    );
    // Nested too: a shape inside another, reusing the title of a model shape.
    const nested = Closed({ party: Closed({ name: Text() }, { title: 'Portfolio' }) });
    expect(() => liftAll([...SHAPES, ['planted.nested', nested]])).toThrow(
      'Two different shapes are both titled Portfolio',
    );
    // The same shape exported under two names is one component, not a clash.
    expect(() =>
      liftAll([...SHAPES, ['again.PortfolioResource', portfolio.PortfolioResource]]),
    ).not.toThrow();
  });

  it('gives every resource readOnly version, createdAt and updatedAt', () => {
    const resources = titled('Resource').filter(([, schema]) => !PARTS.includes(schema.title!));
    expect(resources.length).toBeGreaterThanOrEqual(18);
    for (const [name, schema] of resources) {
      const properties = schema['properties'] as Record<string, Json>;
      const server = Object.fromEntries(
        ['version', 'createdAt', 'updatedAt'].map((field) => [
          field,
          {
            readOnly: properties[field]?.['readOnly'],
            type: properties[field]?.['type'],
            format: properties[field]?.['format'],
          },
        ]),
      );
      expect({ name, server, required: schema['required'] }).toEqual({
        name,
        server: {
          version: { readOnly: true, type: 'integer', format: undefined },
          createdAt: { readOnly: true, type: 'string', format: 'date-time' },
          updatedAt: { readOnly: true, type: 'string', format: 'date-time' },
        },
        required: expect.arrayContaining(['version', 'createdAt', 'updatedAt']),
      });
      expect({ name, additionalProperties: schema['additionalProperties'] }).toEqual({
        name,
        additionalProperties: false,
      });
    }
  });

  it('gives every page the { items, total, limit, offset } envelope', () => {
    const pages = titled('Page');
    expect(pages.length).toBeGreaterThanOrEqual(18);
    for (const [name, schema] of pages) {
      const properties = schema['properties'] as Record<string, Json>;
      const items = properties['items'] as Json;
      const item = items['items'] as Json;
      expect({
        name,
        fields: Object.keys(properties).sort(),
        required: [...(schema['required'] as string[])].sort(),
        additionalProperties: schema['additionalProperties'],
        items: { type: items['type'], maxItems: items['maxItems'] },
        total: properties['total'],
        limit: properties['limit'],
        offset: properties['offset'],
        title: schema.title,
      }).toEqual({
        name,
        fields: ['items', 'limit', 'offset', 'total'],
        required: ['items', 'limit', 'offset', 'total'],
        additionalProperties: false,
        items: { type: 'array', maxItems: common.MAX_LIMIT },
        total: expect.objectContaining({ type: 'integer', minimum: 0 }),
        limit: expect.objectContaining({ type: 'integer', minimum: 1, maximum: common.MAX_LIMIT }),
        offset: expect.objectContaining({ type: 'integer', minimum: 0 }),
        // Named after what it lists.
        title: `${String(item['title']).replace(/Resource$/, '')}Page`,
      });
    }
  });

  it('drops every readOnly field from every request form, and says so in its title', () => {
    const readOnlyFields = (shape: unknown): string[] =>
      nodesOf(shape)
        .filter(([, node]) => typeof node['properties'] === 'object')
        .flatMap(([path, node]) => {
          const properties = node['properties'] as Record<string, Json>;
          const required = (node['required'] as string[] | undefined) ?? [];
          return [
            ...Object.entries(properties)
              .filter(([, property]) => property['readOnly'] === true)
              .map(([field]) => `${path}.${field} is readOnly`),
            ...required
              .filter((field) => !(field in properties))
              .map((field) => `${path} requires ${field}, which it does not have`),
          ];
        });
    // Not vacuous: the shapes as published do mark the server's fields, at every depth.
    const published = SHAPES.flatMap(([, schema]) => readOnlyFields(schema));
    expect(published.length).toBeGreaterThan(60);
    expect(published).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\.properties\.[a-z]+\.[a-zA-Z.[\]0-9]*isWithheld is readOnly$/),
      ]),
    );
    let changed = 0;
    for (const [name, schema] of SHAPES) {
      const form = requestForm(schema);
      expect({ name, readOnly: readOnlyFields(form) }).toEqual({ name, readOnly: [] });
      if (JSON.stringify(form) !== JSON.stringify(schema) && typeof schema.title === 'string') {
        changed += 1;
        expect({ name, title: form['title'] }).toEqual({ name, title: `${schema.title}Request` });
      }
    }
    expect(changed).toBeGreaterThanOrEqual(18);
    // A resource's request form keeps exactly its caller's fields.
    const form = requestForm(portfolio.PortfolioResource);
    expect(Object.keys(form['properties'] as Json).sort()).toEqual(
      Object.keys(portfolio.PortfolioInput.properties).sort(),
    );
  });

  it('takes limit, offset, sort and updatedSince on every list query', () => {
    const queries = SHAPES.filter(
      ([name]) => name.endsWith('Query') && !['meeting.EditionQuery'].includes(name),
    );
    expect(queries.length).toBeGreaterThanOrEqual(18);
    for (const [name, schema] of queries) {
      const properties = (schema as Json)['properties'] as Record<string, Json>;
      const paging = ['limit', 'offset', 'updatedSince'].filter((field) => field in properties);
      expect({ name, paging }).toEqual({ name, paging: ['limit', 'offset', 'updatedSince'] });
      // A minute's motions keep the order they were put in: the one list without a sort.
      if (name === 'minute.MotionQuery') expect(properties['sort']).toBeUndefined();
      else
        expect({ name, sort: properties['sort']?.['pattern'] }).toEqual({
          name,
          sort: expect.stringMatching(/^\^-\?\(/),
        });
    }
  });
});

describe('the common builders', () => {
  it('keep a resource’s description, name a path id `id`, and name a page of untitled items', () => {
    const described = common.Resource('ThingResource', { id: Text() }, 'A thing.');
    expect(described).toMatchObject({ title: 'ThingResource', description: 'A thing.' });
    expect(common.Resource('ThingResource', { id: Text() })).not.toHaveProperty('description');
    expect(Object.keys(common.IdParam().properties)).toEqual(['id']);
    expect(common.IdParam().properties['id']).toMatchObject({ description: 'The resource’s id.' });
    expect(common.Page(Closed({ id: Text() })).title).toBe('ItemPage');
  });
});
