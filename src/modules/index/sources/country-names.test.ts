import { describe, expect, it } from 'vitest';
import { createCountryMapper, resolveCountryName } from './country-names.js';

describe('country names → ISO3', () => {
  it.each([
    ['Iran, Islamic Republic of', 'IRN'], ['Iran (Islamic Republic of)', 'IRN'], ['Korea (the Republic of)', 'KOR'],
    ["Democratic People's Republic of Korea", 'PRK'], ['DemocraticRepublicCongo', 'COD'], ['Congo', 'COG'], ['SriLanka', 'LKA'],
    ['Syria ', 'SYR'], ['Swaziland', 'SWZ'], ['Eswatini', 'SWZ'], ['Cabo Verde', 'CPV'], ['Somaliland', 'SOM'], ['Viet Nam', 'VNM'],
    ['France', 'FRA'], ["Côte d'Ivoire", 'CIV'], ['USA', 'USA'],
  ])('maps %j to %s', (name, iso3) => expect(resolveCountryName(name)).toMatchObject({ kind: 'country', iso3 }));

  it.each(['Asia (region)', 'EU (institutions)', 'United Nations', 'Unknown', 'Not available', ''])('treats %j as not a country', (name) =>
    expect(resolveCountryName(name).kind).toBe('not_country'));

  it('when a name is unknown, it is reported with its count and where it was seen, never guessed', () => {
    const mapper = createCountryMapper();
    expect(mapper.toIso3('Atlantis', 'a.csv')).toBeNull();
    expect(mapper.toIso3('Atlantis', 'b.csv')).toBeNull();
    expect(mapper.toIso3('Global (region)', 'a.csv')).toBeNull();
    expect(mapper.report()).toEqual({
      unmapped: [{ name: 'Atlantis', count: 2, where: ['a.csv', 'b.csv'] }],
      notCountries: [{ name: 'Global (region)', count: 1, where: ['a.csv'], reason: 'region' }],
    });
  });
});
