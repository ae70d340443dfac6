#!/usr/bin/env python3
"""Validate verbs.txt and frame-codes.tsv against docs/dictionaries.md and print coverage.

Usage (from the repository root):

    python3 scripts/check_verbs.py              # errors as file:line: message, then coverage
    python3 scripts/check_verbs.py --missing    # also list the codes without a pattern
    python3 scripts/check_verbs.py --by-code    # list every pattern under its code
    python3 scripts/check_verbs.py --frame-table  # every code as a governed event, per frame

Exit status 1 if there is any error. The CAMEO table is read from the embedded copy
(Sources/CDyadAssets/data/reference/cameo-event-codes.tsv), so the check runs without ../shared.
"""

from __future__ import annotations

import collections
import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Sources", "CDyadAssets", "data")
VERBS = os.path.join(DATA, "dictionaries", "verbs.txt")
FRAMES = os.path.join(DATA, "dictionaries", "frame-codes.tsv")
CODES = os.path.join(DATA, "reference", "cameo-event-codes.tsv")

FRAME_KINDS = ("appeal", "intent", "demand", "reject", "threaten")
CODE_RE = re.compile(r"^\d{2,4}$")
WORD_RE = re.compile(r"^[a-z0-9][a-z0-9.'/\-]*$")
# Words that may open a prepositional phrase `( ... )`.
PREPOSITIONS = set("""aboard about above across after against ahead along alongside amid amidst among
amongst around as at atop before behind below beneath beside besides between beyond by
concerning despite down during except for from in inside into like near of off on onto out
outside over past per regarding since than through throughout till to toward towards under
underneath unlike until up upon via with within without""".split())


def load_codes() -> dict[str, str]:
    with open(CODES, encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        return {row[0]: row[1] for row in rows if row}


class Checker:
    def __init__(self, codes: dict[str, str]) -> None:
        self.codes = codes
        self.errors: list[str] = []
        self.sets: dict[str, list[str]] = {}
        self.verb_lemmas: dict[str, int] = {}
        self.noun_lemmas: dict[str, int] = {}
        self.defaulted: dict[str, dict[str, int]] = {"verb": {}, "noun": {}}
        self.frame_lemmas: dict[str, dict[str, int]] = collections.defaultdict(dict)
        self.frames: dict[str, str | None] = {}
        self.groups = collections.Counter()       # verb / noun groups
        self.defaults: dict[str, list[str]] = collections.defaultdict(list)
        self.patterns: dict[str, list[str]] = collections.defaultdict(list)  # code -> pattern ids
        self.n_patterns = collections.Counter()
        self.pattern_ids: dict[str, int] = {}

    def error(self, path: str, no: int, msg: str) -> None:
        self.errors.append(f"{os.path.relpath(path, ROOT)}:{no}: {msg}")

    def check_code(self, path: str, no: int, code: str) -> bool:
        if not CODE_RE.match(code):
            self.error(path, no, f"`{code}` is not a CAMEO code")
            return False
        if code not in self.codes:
            self.error(path, no, f"code {code} is not in cameo-event-codes.tsv")
            return False
        return True

    def check_words(self, path: str, no: int, text: str, what: str) -> list[str]:
        items = [" ".join(x.split()) for x in text.split(";")]
        out = []
        for item in items:
            if not item:
                self.error(path, no, f"empty item in the {what} list")
                continue
            for w in item.split(" "):
                if not WORD_RE.match(w):
                    self.error(path, no, f"`{w}` in `{item}` is not a lowercase lemma")
            out.append(item)
        return out

    def check_pattern(self, path: str, no: int, text: str) -> bool:
        toks = re.findall(r"[()]|[^\s()]+", text)
        if toks.count("*") != 1:
            self.error(path, no, f"pattern `{text}` must have exactly one `*`")
            return False
        if toks.count("+") > 1 or toks.count("$") > 1:
            self.error(path, no, f"pattern `{text}` has more than one `+` or `$`")
            return False
        depth = 0
        for i, t in enumerate(toks):
            if t == "(":
                depth += 1
                if depth > 1:
                    self.error(path, no, f"pattern `{text}`: nested parentheses")
                    return False
                nxt = toks[i + 1] if i + 1 < len(toks) else ")"
                if nxt not in PREPOSITIONS:
                    self.error(path, no, f"pattern `{text}`: `(` must be followed by a preposition, not `{nxt}`")
                    return False
            elif t == ")":
                depth -= 1
                if depth < 0:
                    self.error(path, no, f"pattern `{text}`: unbalanced parentheses")
                    return False
            elif t == "*":
                if depth:
                    self.error(path, no, f"pattern `{text}`: `*` inside parentheses")
                    return False
            elif t in ("+", "$"):
                pass
            elif t.startswith("&"):
                if t[1:] not in self.sets:
                    self.error(path, no, f"pattern `{text}`: word set {t} is not defined before use")
                    return False
            elif not WORD_RE.match(t):
                self.error(path, no, f"pattern `{text}`: `{t}` is not a lowercase lemma")
                return False
        if depth != 0:
            self.error(path, no, f"pattern `{text}`: unbalanced parentheses")
            return False
        if all(t in ("*", "+", "$") for t in toks):
            self.error(path, no, f"pattern `{text}` has no words: it matches every use of the verb "
                       f"(`+` and `$` need no word), so it acts as a default code; write the default instead")
            return False
        return True

    def check_verbs(self, path: str) -> None:
        group = None  # (kind, lemmas)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        for no, raw in enumerate(lines, 1):
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if "\t" in line:
                self.error(path, no, "tab character (use spaces)")
            if line[0].isspace():
                if group is None or group[0] == "frame":
                    self.error(path, no, "pattern line outside a verb or noun group")
                    continue
                m = re.match(r"^\s+(\S+)\s+(.*)$", line)
                if not m:
                    self.error(path, no, "a pattern line is `CODE  PATTERN`")
                    continue
                code, text = m.group(1), " ".join(m.group(2).split())
                if not self.check_code(path, no, code):
                    continue
                if not self.check_pattern(path, no, text):
                    continue
                for lemma in group[1]:
                    pid = f"{group[0]} {lemma} {text}"
                    if pid in self.pattern_ids:
                        self.error(path, no, f"pattern `{pid}` repeats line {self.pattern_ids[pid]} (it can never fire)")
                    else:
                        self.pattern_ids[pid] = no
                self.patterns[code].append(f"{group[0]} {group[1][0]}: {text}")
                self.n_patterns[group[0]] += 1
                continue
            m = re.match(r"^&([A-Z][A-Z0-9_]*)\s*=\s*(.*)$", line)
            if m:
                name = m.group(1)
                if name in self.sets:
                    self.error(path, no, f"word set &{name} is defined twice")
                members = self.check_words(path, no, m.group(2), "word set")
                if len(set(members)) != len(members):
                    self.error(path, no, f"word set &{name} lists a lemma twice")
                self.sets[name] = members
                group = None
                continue
            m = re.match(r"^(verb|noun)\s+([^\[]+?)\s*(?:\[(\S+)\])?\s*$", line)
            if m:
                kind, lemmas, code = m.group(1), m.group(2), m.group(3)
                lemmas = self.check_words(path, no, lemmas, kind)
                seen = self.verb_lemmas if kind == "verb" else self.noun_lemmas
                for lemma in lemmas:
                    if kind == "noun" and " " in lemma:
                        self.error(path, no, f"noun `{lemma}`: write a multi-word noun as its head noun with "
                                   f"the other words before `*` (`noun {lemma.split()[-1]}` / "
                                   f"`{lemma.rsplit(' ', 1)[0]} *`)")
                    # A lemma may head several groups (their patterns add up), but only one of
                    # them may give the bare word a default code.
                    if code is not None and lemma in self.defaulted[kind]:
                        self.error(path, no, f"{kind} `{lemma}` already has a default code at line "
                                   f"{self.defaulted[kind][lemma]}")
                    if code is not None:
                        self.defaulted[kind][lemma] = no
                    seen.setdefault(lemma, no)
                if code is not None and self.check_code(path, no, code):
                    self.defaults[code].append(f"{kind} {lemmas[0]}")
                self.groups[kind] += 1
                group = (kind, lemmas)
                continue
            m = re.match(r"^frame\s+(\S+)\s+([^\[]+?)\s*(?:\[(\S+)\])?\s*$", line)
            if m:
                kind, lemmas, code = m.group(1), m.group(2), m.group(3)
                if kind not in FRAME_KINDS:
                    self.error(path, no, f"frame kind `{kind}` is not one of {', '.join(FRAME_KINDS)}")
                    continue
                if kind in self.frames:
                    self.error(path, no, f"frame {kind} is defined twice")
                lemmas = self.check_words(path, no, lemmas, "frame")
                for lemma in lemmas:
                    for other, seen in self.frame_lemmas.items():
                        if lemma in seen:
                            self.error(path, no, f"frame verb `{lemma}` is already in frame {other} (line {seen[lemma]})")
                    self.frame_lemmas[kind][lemma] = no
                if code is None:
                    self.error(path, no, f"frame {kind} needs its own code in brackets")
                elif self.check_code(path, no, code):
                    self.defaults[code].append(f"frame {kind}")
                self.frames[kind] = code
                group = ("frame", lemmas)
                continue
            self.error(path, no, "not a word set, verb, noun, frame or indented pattern line")
        for kind in FRAME_KINDS:
            if kind not in self.frames:
                self.error(path, len(lines), f"frame {kind} is missing")

    def check_frames(self, path: str) -> dict[str, list[str]]:
        reached: dict[str, list[str]] = collections.defaultdict(list)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        header = "base\t" + "\t".join(FRAME_KINDS)
        if not lines or lines[0] != header:
            self.error(path, 1, f"header must be `{header}` (tab-separated)")
            return reached
        bases = {}
        for no, line in enumerate(lines[1:], 2):
            if not line:
                continue
            cols = line.split("\t")
            if len(cols) != 6:
                self.error(path, no, f"expected 6 tab-separated columns, found {len(cols)}")
                continue
            base = cols[0]
            if base in bases:
                self.error(path, no, f"base {base} repeats line {bases[base]}")
            bases[base] = no
            self.check_code(path, no, base)
            for kind, code in zip(FRAME_KINDS, cols[1:]):
                if code == "-":
                    continue
                if self.check_code(path, no, code):
                    reached[code].append(f"{base} under {kind}")
        return reached


def main() -> int:
    codes = load_codes()
    c = Checker(codes)
    c.check_verbs(VERBS)
    reached = c.check_frames(FRAMES) if os.path.exists(FRAMES) else {}
    if not os.path.exists(FRAMES):
        c.errors.append(f"{os.path.relpath(FRAMES, ROOT)}:1: file is missing")
    for e in c.errors:
        print(e)
    by_pattern = {k for k in codes if c.patterns.get(k)}
    # A root code (01..20) is the root_code of every event under it: it counts as covered
    # when any code of its root has a pattern (patterns code the specific 3-/4-digit codes).
    roots_via_children = {k for k in codes if len(k) == 2 and k not in by_pattern
                          and any(p.startswith(k) for p in by_pattern)}
    by_pattern |= roots_via_children
    by_default = {k for k in codes if c.defaults.get(k)}
    by_frame = {k for k in codes if reached.get(k)}
    covered = by_pattern | by_frame
    print(f"verbs.txt: {c.groups['verb']} verb groups ({len(c.verb_lemmas)} lemmas), "
          f"{c.groups['noun']} noun groups ({len(c.noun_lemmas)} lemmas), "
          f"{c.n_patterns['verb']} verb patterns, {c.n_patterns['noun']} noun patterns, "
          f"{len(c.sets)} word sets, {len(c.frames)} frames "
          f"({sum(len(v) for v in c.frame_lemmas.values())} frame verbs)")
    print(f"coverage: {len(by_pattern)}/{len(codes)} CAMEO codes have at least one pattern; "
          f"{len(by_default)} are also a group's default code; "
          f"{len(covered)}/{len(codes)} with codes reached through frame-codes.tsv")
    if roots_via_children:
        print(f"root codes covered through their 3-/4-digit codes: {len(roots_via_children)} "
              f"({' '.join(sorted(roots_via_children))})")
    only_frames = sorted(by_frame - by_pattern)
    if only_frames:
        print("codes reached only through frames: " + " ".join(only_frames))
    missing = sorted(set(codes) - covered)
    if missing:
        print("codes with no pattern: " + " ".join(missing))
    if "--missing" in sys.argv:
        for k in sorted(set(codes) - by_pattern):
            print(f"  {k}\t{codes[k]}")
    if "--by-code" in sys.argv:
        for k in sorted(codes):
            print(f"{k}\t{codes[k]}")
            for p in c.patterns.get(k, []):
                print(f"    {p}")
    if "--frame-table" in sys.argv and os.path.exists(FRAMES):
        # Every CAMEO code as a governed event: what each frame makes of it (longest base).
        with open(FRAMES, encoding="utf-8") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        by_base = {r["base"]: r for r in rows}
        print("code\t" + "\t".join(FRAME_KINDS) + "\tname")
        for k in sorted(codes):
            base = max((b for b in by_base if k.startswith(b)), key=len, default=None)
            cols = [by_base[base][kind] if base else "-" for kind in FRAME_KINDS]
            print(f"{k}\t" + "\t".join(cols) + f"\t{codes[k]}")
    print(f"errors: {len(c.errors)}")
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main())
