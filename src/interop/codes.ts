/**
 * The finding codes of conversion: what `fromPact`, `toPact`, `fromUntpDpp`, `toUntpDpp`,
 * `fromBatteryPass`, `toBatteryPass`, `fromCatenaX` and `toCatenaX` report as the `losses` of a
 * conversion. Nothing is dropped or changed silently: every field that could not be carried across,
 * and every value that had to change, is one finding whose path points into the **source** document.
 */
import { defineCodes } from '../findings/define.js'

const ALL_CONVERTERS = [
  'fromPact',
  'toPact',
  'fromUntpDpp',
  'toUntpDpp',
  'fromBatteryPass',
  'toBatteryPass',
  'fromCatenaX',
  'toCatenaX',
] as const

/** The codes conversion reports. */
export const conversionCodes = defineCodes({
  SOURCE_UNREADABLE: {
    severity: 'error',
    tools: ALL_CONVERTERS,
    title:
      'The source is a document of the format and version converted from (JSON, within the input caps, of the expected type); nothing is converted otherwise.',
    message: '{detail}',
    source: 'the source format’s specification (docs/interop.md)',
  },
  SOURCE_FIELD_INVALID: {
    severity: 'error',
    tools: ALL_CONVERTERS,
    title:
      'A field the conversion needs is present and valid in the source (a required PACT field, a Decimal, a known enumeration value); without it the result would not be valid.',
    message: '{detail}',
    source: 'the source format’s specification (docs/interop.md)',
  },
  FIELD_NOT_CARRIED: {
    severity: 'warning',
    tools: ALL_CONVERTERS,
    title:
      'A field of the source has no place in the target format, so the result does not carry it.',
    message: '{detail}',
    source: 'the target format’s specification (docs/interop.md)',
  },
  VALUE_CHANGED: {
    severity: 'warning',
    tools: ALL_CONVERTERS,
    title:
      'A value had to change on the way (a unit or enumeration mapped to the nearest the target has, a per-unit value recomputed, an identifier rewritten).',
    message: '{detail}',
    source: 'the target format’s specification (docs/interop.md)',
  },
  TARGET_FIELD_DEFAULTED: {
    severity: 'warning',
    tools: ALL_CONVERTERS,
    title:
      'A field the target requires is not in the source and was filled with a stated default or derived value.',
    message: '{detail}',
    source: 'the target format’s specification (docs/interop.md)',
  },
  EXTENSION_CARRIED: {
    severity: 'info',
    tools: ALL_CONVERTERS,
    title:
      'A field the target has no term for was carried in an extension (PACT `extensions`, the carbon-passport UNTP extension context) instead of being lost.',
    message: '{detail}',
    source: 'the target format’s extension mechanism (docs/interop.md)',
  },
})
