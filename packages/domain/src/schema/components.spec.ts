import { acceptingReadOnly, liftNamedShapes, requestForm, stripReadOnly } from './components.js';
import { Closed, KindUnion, List, MapOf, Nullable, ReadOnly, Text, Type, Variant } from './kit.js';
import { problemsOf } from './validate.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const Document = Closed(
  { title: Text(), isWithheld: ReadOnly(Type.Boolean()) },
  { title: 'ItemDocument' },
);
const Person = Closed({ name: Text() }, { title: 'PersonRef' });
const Report = Variant(
  'report',
  { reportId: ReadOnly(Text()), documents: List(Document) },
  { title: 'ReportItem' },
);
const Note = Variant('note', { text: Text() }, { title: 'NoteItem' });
const AgendaItem = Closed(
  {
    id: ReadOnly(Text()),
    version: ReadOnly(Type.Integer()),
    heading: Text(),
    presenter: Nullable(Person),
    lead: Nullable(Closed({ name: Text(), seenAt: ReadOnly(Text()) }, { title: 'Lead' })),
    body: KindUnion([Report, Note], { title: 'ItemBody' }),
    documents: List(Document),
  },
  { title: 'AgendaItem' },
);

/** An agenda item as a GET answers it: every server field filled in. */
const asRead = (): Json => ({
  id: 'item-1',
  version: 3,
  heading: 'Budget',
  presenter: { name: 'Ann' },
  lead: { name: 'Bea', seenAt: 'yesterday' },
  body: { kind: 'report', reportId: 'r-1', documents: [{ title: 'Annex', isWithheld: true }] },
  documents: [
    { title: 'Report', isWithheld: false },
    { title: 'Annex', isWithheld: true },
  ],
});

describe(requestForm.name, () => {
  const form = requestForm(AgendaItem) as Json;

  it('drops readOnly fields from properties and required, all the way down', () => {
    expect(Object.keys(form.properties)).toEqual([
      'heading',
      'presenter',
      'lead',
      'body',
      'documents',
    ]);
    expect(form.required).toEqual(['heading', 'presenter', 'lead', 'body', 'documents']);
    expect(Object.keys(form.properties.documents.items.properties)).toEqual(['title']);
    expect(form.properties.documents.items.required).toEqual(['title']);
    expect(Object.keys(form.properties.body.oneOf[0].properties)).toEqual(['kind', 'documents']);
    expect(Object.keys(form.properties.lead.anyOf[0].properties)).toEqual(['name']);
  });

  it('renames every titled shape it changed <Title>Request and keeps the others', () => {
    expect(form.title).toBe('AgendaItemRequest');
    expect(form.properties.documents.items.title).toBe('ItemDocumentRequest');
    expect(form.properties.body.title).toBe('ItemBodyRequest');
    expect(form.properties.body.oneOf.map((branch: Json) => branch.title)).toEqual([
      'ReportItemRequest',
      'NoteItem',
    ]);
    expect(form.properties.lead.anyOf[0].title).toBe('LeadRequest');
    expect(form.properties.presenter.anyOf[0].title).toBe('PersonRef');
    expect(requestForm(Person)).toEqual(JSON.parse(JSON.stringify(Person)));
  });

  it('leaves the shape itself untouched', () => {
    expect(Object.keys(AgendaItem.properties)).toContain('id');
    expect(AgendaItem.title).toBe('AgendaItem');
  });
});

describe(`${acceptingReadOnly.name} and ${stripReadOnly.name}`, () => {
  const form = acceptingReadOnly(AgendaItem);

  it('accepts a body read with GET, sent back as it is', () => {
    expect(problemsOf(AgendaItem, asRead())).toEqual([]);
    expect(problemsOf(form, asRead())).toEqual([]);
  });

  it('does not require the server’s fields', () => {
    const { id: _id, version: _version, ...sent } = asRead();
    expect(problemsOf(AgendaItem, sent).map((p) => p.path)).toEqual(['$.id', '$.version']);
    expect(problemsOf(form, sent)).toEqual([]);
    expect((form as Json).required).toEqual(['heading', 'presenter', 'lead', 'body', 'documents']);
  });

  it('still refuses unknown fields and wrong values', () => {
    expect(problemsOf(form, { ...asRead(), colour: 'red' }).map((p) => p.path)).toEqual([
      '$.colour',
    ]);
  });

  it('removes the server’s fields through nullable and discriminated unions and lists', () => {
    const body = asRead();
    expect(stripReadOnly(form, body)).toBe(body);
    expect(body).toEqual({
      heading: 'Budget',
      presenter: { name: 'Ann' },
      lead: { name: 'Bea' },
      body: { kind: 'report', documents: [{ title: 'Annex' }] },
      documents: [{ title: 'Report' }, { title: 'Annex' }],
    });
  });

  it('removes them inside a nullable tagged union and inside a map’s values', () => {
    const Tagged = KindUnion([Report, Note], { title: 'ItemBody' });
    const Holder = acceptingReadOnly(
      Closed({ body: Nullable(Tagged), byId: MapOf(Document) }, { title: 'Holder' }),
    );
    const body: Json = {
      body: { kind: 'report', reportId: 'r-1', documents: [] },
      byId: { a: { title: 'Annex', isWithheld: true } },
    };
    expect(problemsOf(Holder, body)).toEqual([]);
    stripReadOnly(Holder, body);
    expect(body).toEqual({
      body: { kind: 'report', documents: [] },
      byId: { a: { title: 'Annex' } },
    });
  });

  it('leaves a null, a note branch and a body without server fields as they are', () => {
    const body = { ...asRead(), presenter: null, lead: null, body: { kind: 'note', text: 'x' } };
    stripReadOnly(form, body);
    expect(body).toMatchObject({ presenter: null, lead: null, body: { kind: 'note', text: 'x' } });
    const plain = { heading: 'x' };
    expect(stripReadOnly(form, plain)).toEqual({ heading: 'x' });
  });
});

describe(liftNamedShapes.name, () => {
  const ref = (name: string): string => `#/components/schemas/${name}`;

  it('lifts every titled shape into one component and refers to it', () => {
    const components: Record<string, Json> = {};
    const root = liftNamedShapes(AgendaItem, components, ref);
    expect(root).toEqual({ $ref: ref('AgendaItem') });
    expect(Object.keys(components).sort()).toEqual([
      'AgendaItem',
      'ItemBody',
      'ItemDocument',
      'Lead',
      'NoteItem',
      'PersonRef',
      'ReportItem',
    ]);
    expect(components.AgendaItem!.properties.documents.items).toEqual({
      $ref: ref('ItemDocument'),
    });
    expect(components.ReportItem!.properties.documents.items).toEqual({
      $ref: ref('ItemDocument'),
    });
    expect(components.AgendaItem!.properties.presenter.anyOf).toEqual([
      { $ref: ref('PersonRef') },
      { type: 'null' },
    ]);
  });

  it('adds the discriminator mapping from each branch’s kind to its component', () => {
    const components: Record<string, Json> = {};
    liftNamedShapes(AgendaItem, components, ref);
    expect(components.ItemBody!.discriminator).toEqual({
      propertyName: 'kind',
      mapping: { report: ref('ReportItem'), note: ref('NoteItem') },
    });
  });

  it('gives no mapping when a branch has no title (a client could not name it)', () => {
    const components: Record<string, Json> = {};
    const Untitled = KindUnion([Variant('a', {}), Variant('b', {}, { title: 'B' })], {
      title: 'AB',
    });
    liftNamedShapes(Untitled, components, ref);
    expect(components.AB!.discriminator).toEqual({ propertyName: 'kind' });
  });

  it('keeps the root inline with keepRoot, and readOnly beside a $ref', () => {
    const components: Record<string, Json> = {};
    const Holder = Closed({ who: ReadOnly(Person) }, { title: 'Holder' });
    const root = liftNamedShapes(Holder, components, ref, { keepRoot: true });
    expect(root.title).toBe('Holder');
    expect((root.properties as Json).who).toEqual({ $ref: ref('PersonRef'), readOnly: true });
    expect(components.PersonRef!.readOnly).toBeUndefined();
    expect(components.Holder).toBeUndefined();
  });

  it('throws on two different shapes with one title (a planted violation)', () => {
    const components: Record<string, Json> = {};
    liftNamedShapes(Person, components, ref);
    liftNamedShapes(Closed({ name: Text() }, { title: 'PersonRef' }), components, ref);
    const Impostor = Closed({ name: Text(), ward: Text() }, { title: 'PersonRef' });
    expect(() => liftNamedShapes(Impostor, components, ref)).toThrow(
      'Two different shapes are both titled PersonRef',
    );
  });

  it('throws when a request form would clash with a shape already titled <Title>Request', () => {
    const components: Record<string, Json> = {};
    liftNamedShapes(Closed({ other: Text() }, { title: 'ItemDocumentRequest' }), components, ref);
    expect(() => liftNamedShapes(requestForm(Document), components, ref)).toThrow(
      'Two different shapes are both titled ItemDocumentRequest',
    );
  });
});
