#!/usr/bin/env python3
"""Validate Dyad's actor and place dictionaries against docs/dictionaries.md and print counts.

    python3 scripts/check_dictionaries.py [DIR] [--reference DIR]

DIR defaults to Sources/CDyadAssets/data/dictionaries (a user's `--dictionary DIR` can be
checked the same way). CAMEO tables are read from Sources/CDyadAssets/data/reference (the
embedded copies). Every problem is printed as `file:line: message`; the exit status is 1 if
there was any. Files missing from DIR are skipped.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DICT_DEFAULT = os.path.join(ROOT, "Sources", "CDyadAssets", "data", "dictionaries")
REF_DEFAULT = os.path.join(ROOT, "Sources", "CDyadAssets", "data", "reference")

COUNTRY_KINDS = ("name", "adjective", "demonym", "capital", "seat")
PLACE_KINDS = {"country", "admin1", "city", "capital", "sea", "ocean", "strait", "gulf", "bay",
               "region", "territory", "river", "lake", "island", "peninsula", "mountain",
               "desert", "canal", "border", "zone", "feature"}
PLACES_HEADER = ["name", "kind", "country", "lat", "lon", "population", "alternates"]
INTL_PREFIXES = {"IGO", "NGO", "IMG", "NGM", "MNC", "INT", "UIS"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Checker:
    def __init__(self, ref):
        def tsv(name):
            with open(os.path.join(ref, name), encoding="utf-8", newline="") as f:
                return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        self.countries = {r["cameo_code"] for r in tsv("cameo-countries.tsv")}
        self.agents = {r["code"] for r in tsv("cameo-actor-types.tsv")}
        self.groups = {r["code"] for r in tsv("cameo-known-groups.tsv")}
        self.errors = 0
        self.warnings = 0
        self.names_by_file = {}   # file label -> {lower name: (code, path, line)}

    def err(self, path, line, msg):
        self.errors += 1
        print(f"{path}:{line}: {msg}")

    # An actor code: a country or international prefix, then 3-letter agents / groups.
    def actor_code_problem(self, code):
        if not re.fullmatch(r"(?:[A-Z]{3})+", code):
            return f"'{code}' is not a sequence of 3-letter upper-case codes"
        parts = [code[i:i + 3] for i in range(0, len(code), 3)]
        first = parts[0]
        if first not in self.countries and first not in INTL_PREFIXES and first not in self.agents:
            return f"'{code}' does not start with a CAMEO country code or IGO/NGO/IMG/... prefix"
        for p in parts[1:]:
            if p not in self.agents and p not in self.groups and p not in self.countries:
                return f"'{code}': '{p}' is not an actor type, known group or country code"
        return None

    @staticmethod
    def lines(path):
        with open(path, encoding="utf-8") as f:
            for i, raw in enumerate(f, 1):
                raw = raw.rstrip("\n")
                j = raw.find("#")
                body = raw if j < 0 else raw[:j]
                yield i, raw, body

    @staticmethod
    def names(text):
        return [w.strip() for w in text.split(";")]

    def check_countries(self, path):
        owner = {}
        n_lines = n_names = 0
        codes = set()
        for i, raw, body in self.lines(path):
            if not body.strip():
                continue
            parts = body.split(None, 2)
            if len(parts) < 3:
                self.err(path, i, "expected CODE KIND NAMES")
                continue
            code, kind, text = parts
            if kind not in COUNTRY_KINDS:
                self.err(path, i, f"unknown kind '{kind}' (expected {', '.join(COUNTRY_KINDS)})")
                continue
            if kind == "seat":
                prob = self.actor_code_problem(code)
                if prob or code[:3] not in self.countries:
                    self.err(path, i, prob or f"'{code[:3]}' is not a CAMEO country code")
                    continue
            elif code not in self.countries:
                self.err(path, i, f"'{code}' is not a CAMEO country or region code")
                continue
            codes.add(code[:3])
            n_lines += 1
            space = "adj" if kind in ("adjective", "demonym") else "noun"
            for n in self.names(text):
                if not n:
                    self.err(path, i, "empty name in list")
                    continue
                if space == "noun":
                    self.names_by_file.setdefault("countries.txt", {}).setdefault(n.lower(), (code, path, i))
                key = (space, n.lower())
                if key in owner and owner[key][0] != code:
                    self.err(path, i, f"'{n}' also given to {owner[key][0]} (line {owner[key][1]})")
                owner.setdefault(key, (code, i))
                n_names += 1
        missing = sorted(self.countries - codes)
        print(f"countries.txt: {len(codes)} codes, {n_lines} lines, {n_names} names"
              + (f"; codes without names: {' '.join(missing)}" if missing else ""))

    def check_code_words(self, path, label, code_ok, lowercase):
        owner = {}
        per_code = defaultdict(int)
        for i, raw, body in self.lines(path):
            if not body.strip():
                continue
            parts = body.split(None, 1)
            if len(parts) < 2:
                self.err(path, i, "expected CODE WORDS")
                continue
            code, text = parts
            prob = code_ok(code)
            if prob:
                self.err(path, i, prob)
                continue
            for w in self.names(text):
                if not w:
                    self.err(path, i, "empty entry in list")
                    continue
                if lowercase and w != w.lower():
                    self.err(path, i, f"'{w}' is not lower case (agents are lemmas)")
                key = w.lower() if lowercase else w
                self.names_by_file.setdefault(label, {}).setdefault(w.lower(), (code, path, i))
                if key in owner and owner[key][0] != code:
                    self.err(path, i, f"'{w}' also given to {owner[key][0]} (line {owner[key][1]})")
                owner.setdefault(key, (code, i))
                per_code[code] += 1
        print(f"{label}: {len(owner)} entries, {len(per_code)} codes")
        return per_code

    def check_agents(self, path):
        def ok(code):
            return None if code in self.agents else f"'{code}' is not a CAMEO actor type"
        self.check_code_words(path, "agents.txt", ok, lowercase=True)

    def check_organizations(self, path):
        per = self.check_code_words(path, "organizations.txt", self.actor_code_problem, lowercase=False)
        by_prefix = defaultdict(int)
        for c, n in per.items():
            by_prefix[c[:3] if c[:3] in INTL_PREFIXES else "country"] += 1
        print(f"  codes by prefix: {dict(sorted(by_prefix.items()))}")

    @staticmethod
    def date_key(d, end):
        parts = d.split("-")
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        dd = int(parts[2]) if len(parts) > 2 else (31 if end else 1)
        return (y, m, dd)

    def valid_date(self, d):
        if not DATE_RE.match(d):
            return False
        parts = [int(x) for x in d.split("-")]
        if len(parts) > 1 and not 1 <= parts[1] <= 12:
            return False
        if len(parts) > 2:
            import calendar
            if not 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]:
                return False
        return True

    def check_people(self, path):
        person = None
        person_line = 0
        people = roles = 0
        owner = {}
        has_role = True
        for i, raw, body in self.lines(path):
            if not body.strip():
                continue
            if body[0] in " \t":
                if person is None:
                    self.err(path, i, "role line before any person")
                    continue
                parts = body.split(None, 1)
                if len(parts) < 2:
                    self.err(path, i, "expected CODE FROM .. UNTIL DESCRIPTION")
                    continue
                code, rest = parts
                prob = self.actor_code_problem(code)
                if prob:
                    self.err(path, i, prob)
                # `FROM .. UNTIL DESCRIPTION`; either date may be left out, so the word after
                # `..` is UNTIL only when it starts with a digit.
                m = re.match(r"^(\d\S*)?\s*\.\.(?:\s+(\d\S*))?(?:\s+(.*))?\s*$", rest)
                if not m:
                    self.err(path, i, "expected FROM .. UNTIL after the code")
                    continue
                frm, until, desc = m.group(1) or "", m.group(2) or "", (m.group(3) or "").strip()
                if frm and not self.valid_date(frm):
                    self.err(path, i, f"bad FROM date '{frm}'")
                    continue
                if until and not self.valid_date(until):
                    self.err(path, i, f"bad UNTIL date '{until}'")
                    continue
                if frm and until and self.date_key(frm, False) > self.date_key(until, True):
                    self.err(path, i, f"FROM {frm} is after UNTIL {until}")
                roles += 1
                has_role = True
            else:
                if not has_role:
                    self.err(path, person_line, f"'{person}' has no role lines")
                head = body.strip()
                canon, _, alias_text = head.partition("=")
                canon = canon.strip()
                if not canon:
                    self.err(path, i, "empty person name")
                    continue
                aliases = [a for a in self.names(alias_text)] if alias_text.strip() else []
                if any(not a for a in aliases):
                    self.err(path, i, "empty alias in list")
                for n in [canon] + [a for a in aliases if a]:
                    key = n.lower()
                    self.names_by_file.setdefault("people.txt", {}).setdefault(key, ("person", path, i))
                    if key in owner and owner[key][0] != canon:
                        self.err(path, i, f"'{n}' also names {owner[key][0]} (line {owner[key][1]})")
                    owner.setdefault(key, (canon, i))
                person, person_line = canon, i
                people += 1
                has_role = False
        if person is not None and not has_role:
            self.err(path, person_line, f"'{person}' has no role lines")
        print(f"people.txt: {people} people, {roles} roles, {len(owner)} names and aliases")

    def check_places(self, path):
        kinds = defaultdict(int)
        seen = {}
        with open(path, encoding="utf-8", newline="") as f:
            for i, raw in enumerate(f, 1):
                raw = raw.rstrip("\n")
                cols = raw.split("\t")
                if i == 1:
                    if cols != PLACES_HEADER:
                        self.err(path, 1, f"header must be {' '.join(PLACES_HEADER)}")
                    continue
                if not raw.strip() or raw.startswith("#"):
                    continue
                if len(cols) != 7:
                    self.err(path, i, f"expected 7 tab-separated columns, found {len(cols)}")
                    continue
                name, kind, country, lat, lon, pop, alts = cols
                if not name.strip():
                    self.err(path, i, "empty name")
                if kind not in PLACE_KINDS:
                    self.err(path, i, f"unknown kind '{kind}'")
                if country and country not in self.countries:
                    self.err(path, i, f"'{country}' is not a CAMEO country code")
                try:
                    la, lo = float(lat), float(lon)
                    if not (-90 <= la <= 90 and -180 <= lo <= 180):
                        raise ValueError
                except ValueError:
                    self.err(path, i, f"bad coordinates '{lat}', '{lon}'")
                if pop and not pop.isdigit():
                    self.err(path, i, f"bad population '{pop}'")
                if alts and any(not a.strip() for a in alts.split(";")):
                    self.err(path, i, "empty alternate name")
                key = (name, kind, country)
                if key in seen:
                    self.err(path, i, f"duplicate of line {seen[key]}")
                seen[key] = i
                kinds[kind] += 1
        print(f"places.tsv: {sum(kinds.values())} places {dict(sorted(kinds.items(), key=lambda x: -x[1]))}")


    def cross_check(self):
        """Warn (not fail) when a name means different things in two files."""
        files = self.names_by_file
        pairs = (("organizations.txt", "countries.txt"), ("people.txt", "organizations.txt"),
                 ("people.txt", "countries.txt"))
        for a, b in pairs:
            if a not in files or b not in files:
                continue
            for name, (code, path, line) in sorted(files[a].items(), key=lambda x: x[1][2]):
                other = files[b].get(name)
                if other and other[0] != code:
                    self.warnings += 1
                    print(f"{path}:{line}: warning: '{name}' is {code} here and {other[0]} in {b} "
                          f"(line {other[2]})")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", nargs="?", default=DICT_DEFAULT)
    ap.add_argument("--reference", default=REF_DEFAULT)
    args = ap.parse_args(argv)
    c = Checker(args.reference)
    for name, fn in (("countries.txt", c.check_countries), ("agents.txt", c.check_agents),
                     ("organizations.txt", c.check_organizations), ("people.txt", c.check_people),
                     ("places.tsv", c.check_places)):
        path = os.path.join(args.dir, name)
        if os.path.exists(path):
            fn(path)
        else:
            print(f"{name}: not present, skipped")
    c.cross_check()
    if c.warnings:
        print(f"{c.warnings} warning(s)")
    if c.errors:
        print(f"{c.errors} problem(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
