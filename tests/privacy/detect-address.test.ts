import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';

function found(text: string): string[] {
  return detectPhi(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

describe('towns and ZIP codes without a state', () => {
  it('takes a place WordNet knows, then a ZIP code, as town and ZIP', () => {
    expect(found('Ines Varga, Kalamazoo 49007 - is 99204 ok?')).toEqual(expect.arrayContaining(['address:Kalamazoo', 'zip:49007']));
  });

  it('takes a five-digit ZIP code next to its label without a colon, but not a code a label words away', () => {
    expect(found('zip on file 08021 was dropped by the clearinghouse')).toContain('zip:08021');
    expect(found('Gwendolyn Akers, 60614 zip, the payer says deceased')).toContain('zip:60614');
    expect(found('is the 9-digit zip required for 99214 claims?')).not.toContain('zip:99214');
  });

  it('takes a ZIP code right after a county', () => {
    expect(found('pt lives in Ottawa County, 49424 and needs 97110')).toEqual(expect.arrayContaining(['zip:49424']));
  });

  it('takes a town before a state code without a comma in a chart-like message', () => {
    expect(found('pt from Nome AK, dx J18.9, seen in ED')).toContain('address:Nome');
  });

  it('leaves a CPT code after an ordinary word alone', () => {
    expect(found('Billing 99213 twice is a denial risk')).toEqual([]);
  });

  it('finds rural route boxes, Hawaiian house numbers, a unit after a directional, and a ZIP after "lives in"', () => {
    expect(found('mail goes to Rural Route 2 Box 118 now')).toContain('address:Rural Route 2 Box 118');
    expect(found('addr 91-2044 Kaiali St, Ewa Beach')).toContain('address:91-2044 Kaiali St');
    expect(found('at 410 Harbor View Dr E #12 since May')).toContain('address:410 Harbor View Dr E #12');
    expect(found('pt lives in 60615 and wants telehealth')).toContain('zip:60615');
  });
});

describe('street addresses with a unit', () => {
  it('keeps any numbered unit designator of USPS Publication 28 with its street', () => {
    expect(found('pt moved to 1702 W Fulton St, Fl 2, Chicago, IL, is 99213 still ok?')).toContain('address:1702 W Fulton St, Fl 2, Chicago, IL');
    expect(found('mail goes to 40 Desert Palm Rd Lot 117 for the ER bill')).toContain('address:40 Desert Palm Rd Lot 117');
    expect(found('mail goes to 88 Harbor Dr Bldg C, Rm 214 for the ER bill')).toEqual(expect.arrayContaining([expect.stringMatching(/^address:88 Harbor Dr Bldg C/)]));
  });
});

describe('states and cities', () => {
  it('keeps a state, in one word or two, and takes a city that only starts like one', () => {
    expect(found('pt lives in North Carolina, is 99213 right?')).toEqual([]);
    expect(found('pt lives in Nebraska, is 99213 right?')).toEqual([]);
    expect(found('pt lives in New Orleans, is 99213 right?')).toContain('address:New Orleans');
  });
});

describe('streets whose type comes before the name', () => {
  it('takes "Calle", "Rue", "Via", "Chemin" streets with their unit and city, and a grid house number', () => {
    expect(found('pickup 1187 Avenida Palmas, Apt 3, Kissimmee FL 34741, A0427')).toContain('address:1187 Avenida Palmas, Apt 3, Kissimmee FL 34741');
    expect(found('Addr: 4418 Rue Bienville Unit 7, DOS 3/4/2024')).toContain('address:4418 Rue Bienville Unit 7');
    expect(found('found down at home at 7 Chemin du Lac, Lot 14, R40.20?')).toContain('address:7 Chemin du Lac, Lot 14');
    expect(found('DME order for Wilma Strand, N4471 County Rd K, E0260')).toContain('address:N4471 County Rd');
  });

  it('leaves a count before a Spanish or Italian word that names no street alone', () => {
    expect(found('I coded 3 via the encoder and 2 by hand, 99213 and 99214')).toEqual([]);
    expect(found('2 Calle codes? no, 2 CPT codes: 99213 and 20610')).toEqual([]);
  });
});

describe('postcodes outside the US', () => {
  it('takes a British or Canadian postcode, not a code with a dot or a number alone', () => {
    expect(found('pt lives at 9 Mill Lane, York YO1 7HH, travel claim')).toContain('zip:YO1 7HH');
    expect(found('mailing address 40 Elgin St, Ottawa ON K1P 5K7 for the pt')).toContain('zip:K1P 5K7');
    expect(found('M54.5 and G43.909 for low back pain with migraine, 99213')).toEqual([]);
  });
});

describe('towns WordNet knows, in a message about a case', () => {
  it('takes a city after "in" or "from" or set off by commas once the message holds patient data, not a country or an English word', () => {
    expect(found('Ines Duarte, visiting from Casablanca, self pay ED visit')).toContain('address:Casablanca');
    expect(found('Lorna McBride says the statement went to the wrong address in Sioux Falls.')).toContain('address:Sioux Falls');
    expect(found('Joaquin Barrios lives at Calle 5, Barranquilla, Colombia')).not.toContain('address:Colombia');
    expect(found('Ana Ruiz drove in from Mobile for the 99213')).not.toContain('address:Mobile');
  });

  it('leaves a city in a message about no case alone', () => {
    expect(found('are there remote coding jobs based in Leeds, or only in Casablanca?')).toEqual([]);
  });

  it('takes the town and ZIP after a street line, a rural route box and a labelled county', () => {
    expect(found('old address 18 Orchard Ln, Tolleson 85353, new one pending, corrected claim?')).toEqual(expect.arrayContaining(['address:Tolleson', 'zip:85353']));
    expect(found('OASIS visit, Rte 4 Box 77, claim needs the rural add-on?')).toContain('address:Rte 4 Box 77');
    expect(found('Addr: 9 Birch Rd\nCounty: Allegany\nmedicaid says wrong county')).toContain('address:Allegany');
  });

  it('takes five- and nine-digit numbers in a sentence about a ZIP code', () => {
    expect(found('zip on file is 07302 but the payer has 073021187, does +4 matter?')).toEqual(['zip:07302', 'zip:073021187']);
    expect(found('we have 44106 on file, the zip the payer has is 441061234')).toContain('zip:441061234');
    expect(found('zip codes for the exam centers are listed by state')).toEqual([]);
  });

  it("takes the ZIP of a found address again where it stands alone", () => {
    const spans = found('claim address: 415 S. Halsted St, Apt 2R, Chicago, IL 60607-1122 but the card says 60607 only');
    expect(spans).toContain('zip:60607');
  });
});
