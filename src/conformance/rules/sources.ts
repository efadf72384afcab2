/** Where the conformance rules come from: the names their code declarations cite. */

/** The JSON Schemas of layer 1. */
export const SCHEMA = 'schema (schemas/v1, JSON Schema 2020-12)'
/** The PACT data model (ProductFootprint, CarbonFootprint). */
export const PACT = 'PACT Technical Specifications v3.0'
/** The EU Battery Regulation. */
export const EU = 'Regulation (EU) 2023/1542'
/** Carbon footprint of industrial lithium-ion batteries. */
export const IEC63369 = 'IEC 63369-1:2026'
/** The digital product carbon footprint project, as we read its announcements. */
export const IEC63782 =
  'IEC 63782 (digital product carbon footprint, in development; our reading of the announced mandatory digital fields)'
