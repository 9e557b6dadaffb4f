#!/usr/bin/env python3
"""Builds data/export/countries.tsv: the country codes and names the exports need (ACLED country, iso, region; GDELT FIPS 10-4).

Usage: python3 tools/build-country-table.py ../shared/data/geonames/countryInfo.txt WORLD_COUNTRIES_JSON > data/export/countries.tsv
(WORLD_COUNTRIES_JSON: the npm package world-countries' countries.json, which `dragoman gazetteer install` keeps as
$DRAGOMAN_HOME/gazetteer/sources/world-countries.json).

- iso2, iso3, iso_numeric, fips: GeoNames countryInfo.txt (ISO 3166 codes and the FIPS 10-4 code GDELT uses).
- name: world-countries' common English name (ACLED writes 'Syria', 'Iran', 'Palestine', not GeoNames' 'Palestinian Territory').
- acled_region: ACLED's region names, from the UN subregion world-countries gives, with ACLED's own groupings:
  Western Asia is 'Middle East' but for the Caucasus (AM, AZ, GE), which ACLED joins to Central Asia as
  'Caucasus and Central Asia'; Iran is 'Middle East' (UN: Southern Asia); Mexico is 'Central America'
  (UN: North America); every European subregion is 'Europe'.
"""
import json
import sys

REGION = {
    "Western Africa": "Western Africa", "Middle Africa": "Middle Africa", "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa", "Northern Africa": "Northern Africa",
    "Western Asia": "Middle East", "Central Asia": "Caucasus and Central Asia", "Southern Asia": "South Asia",
    "South-Eastern Asia": "Southeast Asia", "Eastern Asia": "East Asia",
    "Caribbean": "Caribbean", "Central America": "Central America", "South America": "South America", "North America": "North America",
    "Australia and New Zealand": "Oceania", "Melanesia": "Oceania", "Micronesia": "Oceania", "Polynesia": "Oceania",
}
OVERRIDE = {"AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia", "GE": "Caucasus and Central Asia",
            "IR": "Middle East", "MX": "Central America"}


def region(c):
    if c["cca2"] in OVERRIDE:
        return OVERRIDE[c["cca2"]]
    if c["region"] == "Europe":
        return "Europe"
    if c["region"] == "Antarctic":
        return "Antarctica"
    return REGION.get(c["subregion"], "")


def main(country_info, world_countries):
    world = {c["cca2"]: c for c in json.load(open(world_countries, encoding="utf-8"))}
    print("iso2\tiso3\tiso_numeric\tfips\tname\tacled_region")
    for line in open(country_info, encoding="utf-8"):
        if line.startswith("#") or line.startswith("ISO\t") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        iso2, iso3, numeric, fips, geonames_name = f[0], f[1], f[2], f[3], f[4]
        w = world.get(iso2)
        name = w["name"]["common"] if w else geonames_name
        print("\t".join([iso2, iso3, str(int(numeric)), fips, name, region(w) if w else ""]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
