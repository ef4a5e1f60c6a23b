// Makes the shipped register of councils (public/data/register.json) from the reference data in
// reference/: mySociety's register of UK local authorities and the GOV.UK register's Welsh names
// of the Welsh councils. Re-run it when the register changes; `--check` fails if the shipped
// file is not what the reference data makes (the test command runs that).
// Usage: node scripts/build-register.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public/data/register.json');

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

const TYPES = {
  CTY: 'county', NMD: 'district', UA: 'unitary', MD: 'metropolitanBorough', LBO: 'londonBorough',
  CC: 'cityCorporation', COMB: 'combinedAuthority', SRA: 'strategicAuthority',
  WPA: 'welshPrincipal', SCO: 'scottishUnitary', NID: 'northernIrelandDistrict',
};
const NATIONS = { England: 'england', Wales: 'wales', Scotland: 'scotland', 'Northern Ireland': 'northernIreland' };
const REGIONS = {
  'North East': 'northEast', 'North West': 'northWest', 'Yorkshire and The Humber': 'yorkshireAndTheHumber',
  'East Midlands': 'eastMidlands', 'West Midlands': 'westMidlands', 'East of England': 'eastOfEngland',
  London: 'london', 'South East': 'southEast', 'South West': 'southWest',
};

export function build() {
  const rows = parseCsv(readFileSync(join(root, 'reference/uk-local-authorities.csv'), 'utf8'));
  const welsh = Object.fromEntries(readFileSync(join(root, 'reference/welsh-principal-councils.tsv'), 'utf8')
    .split('\n').slice(1).filter(Boolean).map((l) => l.split('\t')).map(([code, , nameCy, , officialCy]) => [code, { nameCy, officialCy }]));
  const councils = rows.map((r) => {
    const code = r['local-authority-code'];
    const type = TYPES[r['local-authority-type']];
    const nation = NATIONS[r.nation];
    if (!type || !nation) throw new Error(`${code}: unknown type ${r['local-authority-type']} or nation ${r.nation}`);
    const names = new Set([r['official-name'], r['nice-name']].map((n) => n.toLowerCase()));
    // Words of the Welsh names with their accented letters lost, as this column mis-encodes them
    // ("Môn" became "mn"): a spelling with one of those is dropped.
    const mangled = new Set(Object.values(welsh[code] ?? {}).flatMap((n) => n.toLowerCase().split(/\s+/))
      .filter((w) => /[^\x00-\x7f]/.test(w)).map((w) => w.replace(/[^\x00-\x7f]/g, '')));
    // Other spellings, less the names themselves and the Welsh ones this column mis-encodes.
    const seen = new Set(names);
    const alt = r['alt-names'].split(',').map((a) => a.trim()).filter((a) => {
      const key = a.toLowerCase();
      if (!a || /[\ufffd]|ï¿|ï¾|Ã/.test(a) || seen.has(key) || key.split(/\s+/).some((w) => mangled.has(w))) return false;
      seen.add(key);
      return true;
    });
    const entry = { code, gss: r['gss-code'], name: r['official-name'], short: r['nice-name'], type, nation };
    if (nation === 'england' && REGIONS[r.region]) entry.region = REGIONS[r.region];
    if (welsh[code]) { entry.nameCy = welsh[code].officialCy; entry.shortCy = welsh[code].nameCy; }
    if (r['start-date']) entry.start = r['start-date'];
    if (r['end-date']) entry.end = r['end-date'];
    if (r['replaced-by']) entry.replacedBy = r['replaced-by'].split(',').map((c) => c.trim());
    if (r['former-gss-codes']) entry.formerGss = r['former-gss-codes'].split(',').map((c) => c.trim()).filter(Boolean);
    if (alt.length) entry.alt = alt;
    return entry;
  }).sort((a, b) => a.code.localeCompare(b.code));
  const register = {
    format: 'cm-maturity-register',
    formatVersion: 1,
    source: 'mySociety, UK Local Authority Names and Codes (uk_la_past_current 1.6.1, July 2025); Welsh names from the GOV.UK local authority register',
    date: '2025-07',
    licence: 'CC BY 4.0 (mySociety); Welsh names under the Open Government Licence',
    attribution: "Contains data from mySociety's UK Local Authority Names and Codes (CC BY 4.0), which itself contains Ordnance Survey and ONS data (Open Government Licence).",
    councils,
  };
  return `${JSON.stringify(register, null, 1)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const made = build();
  if (process.argv.includes('--check')) {
    if (readFileSync(out, 'utf8') !== made) {
      console.error('public/data/register.json is not what reference/ makes: run node scripts/build-register.mjs');
      process.exit(1);
    }
    console.log('register.json matches the reference data');
  } else {
    writeFileSync(out, made);
    console.log(`wrote ${out}`);
  }
}
