/** A reference to a domain shape published from the domain's JSON Schema (see openapi.ts). */
export const domainSchema = (name: string): { $ref: string } => ({
  $ref: `#/components/schemas/${name}`,
});
