import { describe, expect, it } from 'vitest'
import { lookupUnit, UNITS } from '../src/units.js'

describe('units', () => {
  it('knows Rec 20 codes and their unambiguous UCUM spellings as the same unit', () => {
    expect(lookupUnit('KWH')?.code).toBe('KWH')
    expect(lookupUnit('kW.h')?.code).toBe('KWH')
    expect(lookupUnit('kg')?.code).toBe('KGM')
    expect(lookupUnit('t.km')?.code).toBe('TKM')
    expect(lookupUnit('H87')?.dimension).toBe('count')
  })

  it('refuses ambiguous or informal spellings', () => {
    for (const code of ['kWh', 'kwh', 'tkm', 'kgs', 'KG', 'pcs', '', undefined]) {
      expect(lookupUnit(code)).toBeUndefined()
    }
  })

  it('has no alias that names two units', () => {
    const seen = new Map<string, string>()
    for (const unit of UNITS) {
      for (const name of [unit.code, ...unit.ucum]) {
        expect(seen.get(name) ?? unit.code).toBe(unit.code)
        seen.set(name, unit.code)
      }
    }
  })
})
