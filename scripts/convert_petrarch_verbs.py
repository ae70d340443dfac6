#!/usr/bin/env python3
"""Convert PETRARCH2's CAMEO verb dictionary into Dyad's verbs.txt format.

Usage (from the repository root):

    python3 scripts/convert_petrarch_verbs.py            # rewrite verbs.txt, print a summary
    python3 scripts/convert_petrarch_verbs.py --report   # also list every dropped pattern

Input:  ../shared/data/petrarch2-dictionaries/CAMEO.2.0.txt (MIT, Open Event Data Alliance)
        ../shared/data/lemmas/ (lemminflect table, WordNet exception lists)
Output: Sources/CDyadAssets/data/dictionaries/verbs.txt

verbs.txt has three regions:
  1. a generated header and the converted PETRARCH2 word sets,
  2. the HAND-WRITTEN section (between the two marker lines), kept verbatim,
  3. the converted PETRARCH2 verb groups.
A lemma (verb or phrasal verb) or word set defined in the hand-written section wins: the
converter leaves it out of the converted region, so each lemma is defined exactly once.

The conversion is deterministic: the same inputs give the same bytes. The rules it applies
are documented in docs/verbs.md; the junk lists below are the hand review of PETRARCH2.
"""

from __future__ import annotations

import collections
import csv
import gzip
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
PETRARCH = os.path.join(SHARED, "data", "petrarch2-dictionaries", "CAMEO.2.0.txt")
LEMMAS = os.path.join(SHARED, "data", "lemmas")
CODES = os.path.join(SHARED, "reference", "cameo-event-codes.tsv")
OUT = os.path.join(ROOT, "Sources", "CDyadAssets", "data", "dictionaries", "verbs.txt")

HAND_BEGIN = "# ==== BEGIN HAND-WRITTEN SECTION (kept verbatim by scripts/convert_petrarch_verbs.py) ===="
HAND_END = "# ==== END HAND-WRITTEN SECTION ===="

# Words kept as they are (prepositions, particles, determiners, pronouns).
FUNCTION_WORDS = set("""
a an the about above across after against ahead along alongside amid among amongst around as at
away back before behind below beneath beside besides between beyond by despite down during
except for forth forward from in inside into like near of off on onto out outside over past per
since through throughout till to toward towards under underneath until up upon via with within
without together apart aside all any each every no not some this that these those his her its
their our my your him them us me it he she they we himself herself itself themselves
""".split())

# Surface forms whose lemma should stay as written (the UD-style lemma of our analyzer).
LEMMA_OVERRIDES = {
    "people": "people", "media": "media", "data": "data", "police": "police",
    "headquarters": "headquarters", "news": "news", "arms": "arm", "troops": "troop",
    "relations": "relation", "forces": "force", "talks": "talk", "means": "means",
    "bases": "base", "leaves": "leave", "hostilities": "hostility", "series": "series",
    "species": "species", "politics": "politics", "economics": "economics",
    "authorities": "authority", "premises": "premise", "outskirts": "outskirts",
    "guerrillas": "guerrilla", "left": "left", "united": "united", "armed": "armed",
    "wounded": "wounded", "accused": "accused", "displaced": "displaced",
    "killed": "killed", "fighting": "fighting", "shooting": "shooting", "bombing": "bombing",
    "meeting": "meeting", "hearing": "hearing", "training": "training", "funding": "funding",
    "building": "building", "shelling": "shelling", "uprising": "uprising",
    "wrongdoing": "wrongdoing", "killing": "killing", "lifting": "lifting",
    "spending": "spending", "peacekeeping": "peacekeeping", "understanding": "understanding",
    "warning": "warning", "ceasefire": "ceasefire", "cease-fire": "cease-fire",
    "us": "us", "as": "as", "is": "be", "was": "be", "were": "be",
}

# PETRARCH2 verbs judged wrong in review (see docs/verbs.md).
# Verbs dropped: misspellings, non-verbs and WordNet synonyms that name no event.
JUNK_VERBS: set[str] = {
    "infest", "inhabit", "reside", "concession", "reassesment", "satify", "supervize",
    "crackdown",  # a noun; "crack down" is the verb
}
# Verbs whose PETRARCH2 default code is dropped (their patterns stay): frequent verbs whose bare
# use is not an event ("lead", "control", "face", "die"), and WordNet synonyms whose group
# code does not fit them ("postpone" under BLAME [112], "escalate" under BOOST [060]).
NO_DEFAULT: set[str] = set("""
see witness notice watch come leave egress journey face brave confront interact join hear learn
think reason speculate excogitate meditate muse ruminate reconsider acquaint innovate insert
elicit reinvite deal affect impact influence persuade tempt conform correlate harmonise harmonize
integrate orchestrate organize organise synchronise synchronize unionise unionize reveal unveil
confess confide divulge expose profess advertise advertize embolden enliven galvanize inspire
invigorate revitalize rouse spur prefer benefit serve amplify augment compound enlarge escalate
exaggerate intensify magnify redouble constitute institute enroll abate ameliorate appease assuage
better expediate mitigate simplify bind connect relate attach chain link blend coalesce combine
conflate fuse merge unify administer enjoin govern handle manage prescribe regulate steer control
dictate lead oversee rule supervise defer forestall hamper hinder impede inhibit procrastinate
remit retard stymie table override overrule delay postpone prevent shelve endanger risk disturb
arouse enkindle provoke disarray disorder cage contain enclose bill moderate pull overturn bruise
contaminate corrupt crack spoil tarnish tear vitiate wind mar rip impair dishonor dishonour best
bust dominate master overshadow overtake overcome surmount ravish ruin shatter die circle blow fail
conflict match pit quarrel struggle hammer need bid campaign mean involve concern count figure
measure score sum tally total calculate estimate gauge stabilise stabilize verify fill clear pass
approve retire detach disconnect recede apply vote determine intrude obtrude pry trespass hope
revive ensure groom subscribe compensate render stock tender interfere intervene tend bide
disentangle tease undo untie dig mine rake skim necessitate swear cry wail weep whine compete
contrast counterbalance agonise agonize annoy bother discomfit disconcert disquiet irk irritate
upset vex rag plague torment hang abstain enable empower legislate resettle want prepare expect
aim harm hurt damage catch accord report undermine countermine
""".split()) | {"take note", "watch over", "go away", "go forth", "leave behind", "run into",
                "find out", "tie in", "step in", "gear up", "look after", "glance over",
                "go by", "go through", "get out"}

# Patterns dropped in review: (verb lemma, converted pattern text). Codes that contradict the
# verb (a frame verb coding outside its family with no reason), subject-only patterns on
# generic verbs, and TABARI leftovers that match unrelated sentences.
JUNK_PATTERNS: set[tuple[str, str]] = {
    ("take", "&MILITARY *"), ("clash", "politely *"), ("differ", "cloak *"), ("challenge", "boost *"),
    ("risk", "say violence *"), ("risk", "run *"), ("veto", "lift *"), ("export", "sanction *"),
    ("use", "&MILITARY base *"), ("start", "oil *"), ("surface", "tension *"), ("keep", "distrust *"),
    ("dominate", "tension *"), ("shoot", "plan *"), ("continue", "standoff *"), ("avert", "&INFORMATION *"),
    ("hit", "relationship *"), ("open", "congress *"), ("improve", "condition *"), ("blast", "&INVESTIGATION *"),
    ("report", "critic *"), ("talk", "walk out *"), ("invite", "* fighter"), ("offer", "* fawn coverage"),
    ("encourage", "* slaughter"), ("exhort", "* world"), ("exhort", "* sanction"), ("press", "* world"),
    ("demand", "* world"), ("press", "* sanction"), ("demand", "* sanction"), ("demand", "* boycott"),
    ("seek", "* &SUSPECT"), ("seek", "* leave (into +)"), ("seek", "* invasion &SECURITY &TREATY"),
    ("press", "* on"), ("press", "* attack"), ("press", "* counter-attack"), ("push", "* ahead"),
    ("propose", "* measure"), ("agree", "* (on &MILITARY pressure)"), ("order", "* back"),
    ("warn", "* terrorist"), ("oppose", "* sanction"), ("oppose", "* expulsion"),
    ("oppose", "* policy (against)"), ("oppose", "* action (against)"), ("demand", "* &TOWN"),
    ("demand", "* withdraw"), ("demand", "* refrain"), ("demand", "* effort"), ("demand", "* &SECURITY"),
    ("demand", "* &DEFENSE"), ("take", "* &WEAPON out"), ("hold", "* &INFORMATION conference"),
    ("hold", "* back air strike"), ("hold", "* responsible"), ("hold", "* achievement"),
    ("call", "* (to press)"), ("call", "* (for &TOWN)"), ("call", "* (for deadline)"),
    ("ask", "* apology"), ("propose", "* suspension"), ("propose", "* expulsion"),
    ("report", "* attack"), ("report", "* bolster force"), ("report", "* &FIGHT"), ("report", "* clash"),
    ("maintain", "* force"), ("announce", "* &SOLUTION (of + trade office)"), ("announce", "* agree"),
    ("say", "* expect +"), ("say", "* tense"),
    ("meet", "* (with leader)"), ("meet", "* (at)"), ("meet", "* (in diplomacy)"), ("meet", "* (in &DISPUTE)"),
    ("quit", "* visit"), ("quit", "* tour"), ("disarm", "* leader"), ("charge", "espionage *"),
    ("tour", "* (of talk)"), ("tour", "* (of race)"), ("tour", "* (of base)"),
    ("fire", "&MILITARY * tear gas"), ("use", "* &WEAPON"), ("use", "* &AIRCRAFT"), ("use", "* passport"),
    ("send", "* team"), ("close", "* visit"), ("close", "* tour"),
    ("consider", "* sanction against"), ("consider", "* embargo"), ("consider", "* &MILITARY"),
    ("consider", "* impose"), ("consider", "* action (against)"), ("consider", "* strike"),
    ("consider", "* air raid"), ("consider", "* &MILITARY occupation"), ("consider", "* bus service"),
    ("appoint", "* minister"), ("appoint", "* (as minister)"),
    ("combat", "* locust"), ("grapple", "* (with way)"), ("grapple", "* (with warning)"),
    ("wrestle", "* (with policy)"), ("search", "police * daily"), ("frustrate", "* diplomacy"),
    ("accuse", "* (on order) (from + go) (on trial) (in $)"),
    ("withdraw", "* &MILITARY"), ("withdraw", "&MILITARY *"),  # "withdrew military support"
    ("attack", "* (for)"), ("enjoy", "* support"),
    # condemning an action against X is criticism of its author (111), not support for X (053)
    ("criticize", "* dissolution"), ("condemn", "* trial unfair"), ("denounce", "* kidnapping"),
    ("denounce", "* sanction"), ("slam", "* boycott"), ("push", "* world"),
    ("ask", "* meeting"),  # PETRARCH2 codes it 028 and 036 (first wins): neither fits; see (for meeting)
}
# Appeal codes (02x) written under "demand" in PETRARCH2 are demands (10x).
DEMAND_FROM_APPEAL = {"020": "100", "021": "101", "022": "102", "023": "103", "024": "104",
                      "025": "105", "026": "106", "027": "107", "028": "108"}


# Default codes corrected in review: PETRARCH2's group code does not fit this verb.
DEFAULT_OVERRIDE: dict[str, str] = {
    "comply": "080",  # COMPLY under SUBMIT [030]: complying with a demand is yielding
}


def review(lemma: str, code: str, text: str, stats: "Stats") -> str | None:
    """The code to keep for a converted pattern of `lemma`, or None if review drops it."""
    if (lemma, text) in JUNK_PATTERNS:
        stats.drop("pattern judged wrong in review (JUNK_PATTERNS)", f"{lemma}: {text} [{code}]")
        return None
    if lemma == "demand" and code[:3] in DEMAND_FROM_APPEAL:
        return DEMAND_FROM_APPEAL[code[:3]] + code[3:]
    return code


# Comments that attribute a pattern to a verb may name an inflected or phrasal form.
PHRASAL_JUNK_WORDS = {"and", "or"}


def load_codes() -> dict[str, str]:
    codes = {}
    with open(CODES, encoding="utf-8") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        for row in rows:
            codes[row[0]] = row[1]
    return codes


class Lemmatizer:
    """Form -> lemma, per part of speech, from lemminflect's table and WordNet's .exc lists."""

    def __init__(self) -> None:
        self.table: dict[str, dict[str, str]] = collections.defaultdict(dict)
        self.lemmas: set[str] = set()
        with gzip.open(os.path.join(LEMMAS, "lemminflect-lemma_lu.csv.gz"), "rt", encoding="utf-8") as f:
            for row in csv.reader(f):
                if len(row) != 3:
                    continue
                form, pos, lemma = row[0].lower(), row[1], row[2].lower().split("/")[0]
                self.table[form].setdefault(pos, lemma)
                self.lemmas.add(lemma)
        for pos, name in (("verb", "verb.exc"), ("noun", "noun.exc")):
            with open(os.path.join(LEMMAS, name), encoding="utf-8") as f:
                for line in f:
                    parts = line.split()
                    if len(parts) >= 2:
                        self.table[parts[0]].setdefault(pos, parts[1])
                        self.lemmas.add(parts[1])

    def known(self, word: str) -> bool:
        return word in self.table or word in self.lemmas or word in FUNCTION_WORDS or word in LEMMA_OVERRIDES

    def noun(self, word: str) -> str:
        """Lemma of a pattern word (usually a noun): noun, then verb, adjective, adverb."""
        w = word.lower()
        if w in FUNCTION_WORDS:
            return w
        if w in LEMMA_OVERRIDES:
            return LEMMA_OVERRIDES[w]
        entry = self.table.get(w)
        if not entry:
            return w
        for pos in ("noun", "verb", "adj", "adv"):
            if pos in entry:
                return entry[pos]
        return next(iter(entry.values()))

    def verb(self, word: str) -> str:
        w = word.lower()
        entry = self.table.get(w, {})
        if "verb" in entry:
            return entry["verb"]
        return w


# ---------------------------------------------------------------- parsing PETRARCH2

class Pattern:
    def __init__(self, text: str, code: str, comment: str, line: int) -> None:
        self.text = text        # PETRARCH pattern text, without "- " and code
        self.code = code        # first code, or "---"
        self.comment = comment  # comment text (first word names the verb)
        self.line = line


class Verb:
    def __init__(self, words: list[str], forms: list[str], code: str | None, line: int) -> None:
        self.words = words      # PETRARCH words, e.g. ["CALL", "OFF"]
        self.forms = forms      # irregular forms as written
        self.code = code
        self.line = line


class Group:
    def __init__(self, name: str, code: str | None, line: int) -> None:
        self.name = name
        self.code = code
        self.line = line
        self.verbs: list[Verb] = []
        self.patterns: list[Pattern] = []


def first_code(raw: str) -> str | None:
    """`[042:043]` -> 042; `[:173]` -> 173; `[---]` -> ---; `[080!]` -> 080."""
    parts = [p.strip().rstrip("!") for p in raw.split(":")]
    for p in parts:
        if p:
            return p
    return None


def parse_petrarch(path: str):
    sets: dict[str, list[str]] = {}
    set_order: list[str] = []
    groups: list[Group] = []
    with open(path, encoding="ascii") as f:
        lines = f.read().split("\n")
    section = None
    current_set = None
    group = None
    for no, raw in enumerate(lines, 1):
        line = raw.replace("\t", " ")
        s = line.strip()
        if "SYNONYM SETS" in s:
            section = "sets"
            continue
        if "VERB PATTERNS" in s:
            section = "verbs"
            continue
        if "TRANSFORMATIONS" in s:
            break
        if not s or s.startswith("#"):
            continue
        if section == "sets":
            if s.startswith("&"):
                current_set = s.split()[0][1:]
                sets[current_set] = []
                set_order.append(current_set)
            elif s.startswith("+") and current_set:
                sets[current_set].append(s[1:].split("#")[0].strip())
            continue
        if section != "verbs":
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", s)
        if m:
            code = first_code(m.group(2))
            group = Group(m.group(1), None if code == "---" else code, no)
            groups.append(group)
            continue
        if group is None:
            continue
        if s.startswith("-"):
            body, _, comment = s[1:].partition("#")
            m = re.search(r"\[([^\]]*)\]\s*$", body.strip())
            if not m:
                continue
            text = body.strip()[: m.start()].strip()
            code = first_code(m.group(1)) or "---"
            group.patterns.append(Pattern(text, code, comment.strip(), no))
            continue
        body = re.split(r"[#;]", s, maxsplit=1)[0].strip()
        forms = []
        fm = re.search(r"\{([^}]*)\}", body)
        if fm:
            forms = [x.strip().lstrip("+") for x in fm.group(1).replace(",", " ").split()]
            body = body[: fm.start()] + body[fm.end():]
        code = None
        cm = re.search(r"\[([^\]]*)\]", body)
        if cm:
            code = first_code(cm.group(1))
            body = body[: cm.start()] + body[cm.end():]
        word = body.strip()
        if not word:
            continue
        phrasal = word.startswith("+")
        words = [w for w in word.lstrip("+").split("_") if w]
        v = Verb(words, forms, code, no)
        v.phrasal = phrasal
        v.empty_forms = fm is not None and not forms
        group.verbs.append(v)
    return sets, set_order, groups


# ---------------------------------------------------------------- converting

class Stats:
    def __init__(self) -> None:
        self.dropped = collections.Counter()
        self.examples: dict[str, list[str]] = collections.defaultdict(list)

    def drop(self, reason: str, what: str) -> None:
        self.dropped[reason] += 1
        self.examples[reason].append(what)


PREPOSITIONS = set("""about above across after against along alongside amid among around as at
before behind below beneath beside between beyond by despite during for from in inside into
near of off on onto outside over past since through throughout to toward towards under
until upon via with within without""".split())


# Prepositions that TABARI-era patterns wrote without parentheses (`* VICTORY AGAINST +`).
BARE_PREPOSITIONS = set("""about against among amid at between by during for from in into near of on
onto over through to toward towards under upon with within without""".split())


def bracket_bare_prepositions(out: list[str]) -> list[str]:
    """`* victory against +` -> `* victory (against +)`; `* from $ to +` -> `* (from $) (to +)`.
    A bare preposition after `*` followed by words opens a phrase that runs to the next
    preposition, parenthesis or the end, so that `+`/`$` inside it mean the phrase's object."""
    result: list[str] = []
    depth = 0
    star = False
    i = 0
    while i < len(out):
        tok = out[i]
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        elif tok == "*":
            star = True
        if (depth == 0 and star and tok in BARE_PREPOSITIONS and i + 1 < len(out)
                and out[i + 1] not in ("(", ")")):
            j = i + 1
            while j < len(out) and out[j] not in ("(", ")") and out[j] not in BARE_PREPOSITIONS:
                j += 1
            result.extend(["("] + out[i:j] + [")"])
            i = j
            continue
        result.append(tok)
        i += 1
    return result


def tokenize_pattern(text: str) -> list[str]:
    """Split a PETRARCH pattern into tokens: words, * $ + ^ % ( ) { } &SET."""
    out = []
    for tok in re.findall(r"[()\{\}]|[^\s()\{\}]+", text):
        out.append(tok)
    return out


def convert_pattern(text: str, lem: Lemmatizer, set_names: set[str], stats: Stats, where: str) -> str | None:
    """PETRARCH pattern text -> Dyad pattern text, or None (and a counted reason) if it cannot be expressed."""
    toks = tokenize_pattern(text)
    if toks.count("*") != 1:
        stats.drop("not exactly one verb slot `*`", where)
        return None
    out: list[str] = []
    depth = 0
    for tok in toks:
        if tok == "%":
            stats.drop("compound-actor marker `%`", where)
            return None
        if "/" in tok and not tok.startswith("&"):
            stats.drop("alternatives written with `/`", where)
            return None
        if tok in ("{", "}"):
            continue  # a multi-word unit becomes consecutive words
        if tok == "(":
            depth += 1
            if depth > 1:
                stats.drop("nested parentheses", where)
                return None
            out.append("(")
            continue
        if tok == ")":
            depth -= 1
            if depth < 0:
                stats.drop("unbalanced parentheses", where)
                return None
            out.append(")")
            continue
        if tok in ("*", "$", "+"):
            out.append(tok)
            continue
        if tok == "^":
            continue  # "skip a phrase": Dyad patterns allow words in between anyway
        if tok.startswith("&"):
            name = tok[1:]
            if name not in set_names:
                stats.drop("undefined or unusable word set", where)
                return None
            out.append("&" + name)
            continue
        for part in tok.split("_"):
            if not part:
                continue
            w = part.lower()
            if not re.match(r"^[a-z][a-z0-9.'\-]*$", w):
                stats.drop("unusual characters in a word", where)
                return None
            if w in ("will", "would", "not", "that", "been", "when", "is", "was", "has", "have", "had"):
                stats.drop("clause-level word (auxiliary, negation, complementizer)", where)
                return None
            if not lem.known(w):
                stats.drop("unknown word (TABARI stem or typo)", where)
                return None
            out.append(lem.noun(w))
    if depth != 0:
        stats.drop("unbalanced parentheses", where)
        return None
    # "(" directly followed by ")" or a non-preposition: not a prepositional phrase
    for i, tok in enumerate(out):
        if tok == "(":
            nxt = out[i + 1] if i + 1 < len(out) else ")"
            if nxt not in PREPOSITIONS:
                stats.drop("parenthesis not starting with a preposition", where)
                return None
    # A bare `to` + verb-like word after `*` is an infinitive complement (a clause): not expressible.
    star = out.index("*")
    inside = False
    for i, tok in enumerate(out):
        if tok == "(":
            inside = True
        elif tok == ")":
            inside = False
        elif tok == "to" and not inside and i > star:
            stats.drop("bare `to` (infinitive complement or unbracketed phrase)", where)
            return None
    if all(tok in ("*", "+", "$") for tok in out):
        # `* +` matches every use of the verb in the loader (the target marker needs no word):
        # it would act as a second default code.
        stats.drop("pattern with no words (matches every use of the verb)", where)
        return None
    out = bracket_bare_prepositions(out)
    s = " ".join(out).replace("( ", "(").replace(" )", ")")
    return s


def verb_lemma(v: Verb, lem: Lemmatizer) -> str:
    words = [w.lower() for w in v.words]
    first = lem.verb(words[0])
    return " ".join([first] + words[1:])


def attribution_keys(v: Verb, lem: Lemmatizer) -> set[str]:
    """Comment words that name this verb: the verb, its forms, and their lemmas."""
    keys = {"_".join(v.words).upper()}
    for f in v.forms:
        keys.add(f.upper())
    return keys


def render_set_members(members: list[str], lem: Lemmatizer, stats: Stats, name: str) -> list[str]:
    """PETRARCH2 set members as lemmas; a multi-word member (`ARMED_FORCES`) becomes consecutive
    lemmas (`armed force`), which the loader matches as consecutive tokens."""
    out: list[str] = []
    for m in members:
        m = m.strip()
        if not m:
            continue
        words = [w for w in m.split("_") if w]
        if not words:
            continue
        # A trailing `_` in PETRARCH2 means "this exact form, do not inflect" (WON_, KRONE_).
        # Such a word that is not a noun form is kept as written (WON_ is the currency, not "win").
        lemmas = []
        for i, w in enumerate(words):
            w = w.lower()
            exact = m.endswith("_") and i == len(words) - 1 and "noun" not in lem.table.get(w, {})
            # only the last word of a multi-word member is inflected ("weapons of mass destruction")
            if len(words) > 1 and i < len(words) - 1 and w not in ("weapons", "forces", "services"):
                lemmas.append(w)
            else:
                lemmas.append(w if exact else lem.noun(w))
        lemma = " ".join(lemmas)
        if not re.match(r"^[a-z0-9][a-z0-9.'/\-]*( [a-z0-9][a-z0-9.'/\-]*)*$", lemma):
            stats.drop("word-set member with unusual characters", f"&{name}: {m}")
            continue
        if lemma not in out:
            out.append(lemma)
    return out


MERGED = re.compile(r"\s+# P2 .*$")


def read_hand_section(path: str) -> tuple[list[str], set[str], set[str], set[str]]:
    """The hand-written lines (without the merged PETRARCH2 lines, marked `# P2 lemma`), and
    the verb lemmas, noun lemmas and set names they define."""
    if not os.path.exists(path):
        return [], set(), set(), set()
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    try:
        a = lines.index(HAND_BEGIN)
        b = lines.index(HAND_END)
    except ValueError:
        return [], set(), set(), set()
    hand = [line for line in lines[a + 1: b] if not (line[:1].isspace() and MERGED.search(line))]
    verbs, nouns, sets = set(), set(), set()
    for line in hand:
        s = line.split("#", 1)[0].rstrip()
        if not s or s[0].isspace():
            continue
        m = re.match(r"^&(\S+)\s*=", s)
        if m:
            sets.add(m.group(1))
            continue
        m = re.match(r"^(verb|noun)\s+(.*?)\s*(\[[^\]]*\])?\s*$", s)
        if m:
            target = verbs if m.group(1) == "verb" else nouns
            for lemma in m.group(2).split(";"):
                if lemma.strip():
                    target.add(" ".join(lemma.split()).lower())
    return hand, verbs, nouns, sets


def merge_into_hand(hand: list[str], extra: dict[str, list[tuple[str, str, int]]], stats: "Stats",
                    kept: set[int]) -> tuple[list[str], int]:
    """Append after each hand-written verb group the PETRARCH2 patterns of its lemmas that it
    does not already have, marked `# P2 lemma` (so the next conversion can strip them)."""
    out: list[str] = []
    merged = 0
    i = 0
    while i < len(hand):
        line = hand[i]
        s = line.split("#", 1)[0].rstrip()
        m = re.match(r"^verb\s+(.*?)\s*(\[[^\]]*\])?\s*$", s) if s and not s[0].isspace() else None
        if not m:
            out.append(line)
            i += 1
            continue
        lemmas = [" ".join(x.split()).lower() for x in m.group(1).split(";") if x.strip()]
        out.append(line)
        i += 1
        texts = set()
        while i < len(hand) and hand[i][:1].isspace() and hand[i].strip():
            body = hand[i].split("#", 1)[0].split()
            if len(body) >= 2:
                texts.add(" ".join(body[1:]))
            out.append(hand[i])
            i += 1
        for lemma in lemmas:
            for code, text, line in extra.get(lemma, []):
                if text in texts:
                    stats.drop("PETRARCH2 pattern already in the hand-written group", f"{lemma}: {text} [{code}]")
                    continue
                texts.add(text)
                kept.add(line)
                out.append(f"  {code:<6}{text:<44} # P2 {lemma}")
                merged += 1
    return out, merged


MIT = """# The MIT License (MIT)
#
# Copyright (c) 2015 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""

HEADER = """# Dyad verb and noun patterns: verbs, event nouns and frames mapped to CAMEO event codes.
# Format: docs/dictionaries.md (`verbs.txt`, "Frames"); notes: docs/verbs.md.
# Check: python3 scripts/check_verbs.py
#
# This file has three regions:
#   1. word sets converted from PETRARCH2 (generated),
#   2. the hand-written section (edit freely; the converter keeps it verbatim and leaves
#      out of the converted region every lemma and set defined in it),
#   3. verb groups converted from PETRARCH2 (generated by scripts/convert_petrarch_verbs.py
#      from CAMEO.2.0.txt; do not edit by hand -- override in the hand-written section).
#
# The converted regions are derived from PETRARCH2's CAMEO.2.0.txt verb dictionary
# (openeventdata/petrarch2), which carries this notice:
#
""" + MIT + "\n"


def convert(report: bool = False) -> None:
    codes = load_codes()
    lem = Lemmatizer()
    sets_raw, set_order, groups = parse_petrarch(PETRARCH)
    hand, hand_verbs, hand_nouns, hand_sets = read_hand_section(OUT)
    stats = Stats()

    # Word sets: drop PETRARCH's grammatical sets (auxiliaries, prepositions): not lemmas of content.
    grammatical = {n for n in set_order if n.endswith("_")}
    usable_sets = [n for n in set_order if n not in grammatical]
    set_members = {n: render_set_members(sets_raw[n], lem, stats, n) for n in usable_sets}
    set_names = set(usable_sets) | hand_sets

    out_sets: list[str] = []
    for n in usable_sets:
        if n in hand_sets:
            continue
        out_sets.append(f"&{n} = " + "; ".join(set_members[n]))

    # Verb groups.
    seen_lemmas: dict[str, str] = {}
    hand_extra: dict[str, list[tuple[str, str, int]]] = collections.defaultdict(list)
    kept: set[int] = set()  # PETRARCH2 line numbers of the patterns that made it into verbs.txt
    out_groups: list[str] = []
    n_groups = n_patterns = 0
    for g in groups:
        verbs: list[tuple[str, Verb]] = []
        for v in g.verbs:
            if getattr(v, "phrasal", False):
                if any(w.lower() in PHRASAL_JUNK_WORDS for w in v.words) or v.empty_forms or v.words[0] in ("IS", "ARE", "WAS", "BE"):
                    stats.drop("verb entry: inflected or coordinated fixed form (e.g. KILLED_AND)", f"{g.name}: +{'_'.join(v.words)}")
                    continue
            lemma = verb_lemma(v, lem)
            if lemma in JUNK_VERBS:
                stats.drop("verb entry: not a verb, misspelt, or names no event (review)", f"{g.name}: {lemma}")
                continue
            if any(lemma == l for l, _ in verbs):
                continue  # listed twice in the same PETRARCH2 group
            if lemma in seen_lemmas and lemma not in hand_verbs:
                stats.drop("verb entry: lemma already defined by an earlier group", f"{g.name}: {lemma} (kept in {seen_lemmas[lemma]})")
                continue
            verbs.append((lemma, v))
        # Attribute each pattern to the verb its comment names; otherwise to the whole group.
        keys = {}
        for lemma, v in verbs:
            for k in attribution_keys(v, lem):
                keys[k] = lemma
            keys[lemma.upper().replace(" ", "_")] = lemma
        per_verb: dict[str, list[tuple[str, str, Pattern]]] = collections.defaultdict(list)
        shared: list[tuple[str, str, Pattern]] = []
        # verbs in the original group, including dropped ones, so patterns of dropped verbs are not shared
        all_keys = set()
        for v in g.verbs:
            all_keys |= attribution_keys(v, lem)
            all_keys.add(verb_lemma(v, lem).upper().replace(" ", "_"))
        for p in g.patterns:
            where = f"{g.name} line {p.line}: - {p.text} [{p.code}] # {p.comment}"
            if p.code == "---":
                stats.drop("pattern coded [---] (no event; Dyad has no suppressing pattern)", where)
                continue
            if p.code not in codes:
                stats.drop("pattern code not in the CAMEO table", where)
                continue
            text = convert_pattern(p.text, lem, set_names, stats, where)
            if text is None:
                continue
            cw = p.comment.split()[0].upper() if p.comment.split() else ""
            if cw in keys:
                per_verb[keys[cw]].append((p.code, text, p))
            elif cw in all_keys:
                stats.drop("pattern of a verb dropped or overridden", where)
            else:
                shared.append((p.code, text, p))
        # Bucket verbs by (default code, patterns) to write compact groups.
        buckets: dict[tuple, list[str]] = {}
        lines_of: dict[tuple[str, str, str], int] = {}
        order: list[tuple] = []
        for lemma, v in verbs:
            if lemma in hand_verbs:
                # The hand-written group owns this lemma: its PETRARCH2 patterns are merged there.
                for code, text, p in per_verb.get(lemma, []) + shared:
                    code = review(lemma, code, text, stats)
                    if code is not None and all(t != text for _, t, _ in hand_extra[lemma]):
                        hand_extra[lemma].append((code, text, p.line))
                continue
            default = v.code if v.code and v.code != "---" else g.code
            if default is not None and default not in codes:
                default = None
            if lemma in DEFAULT_OVERRIDE:
                default = DEFAULT_OVERRIDE[lemma]
            if default is not None and lemma in NO_DEFAULT:
                stats.drop("verb default code: dropped in review (bare verb is no event)", f"{g.name}: {lemma} [{default}]")
                default = None
            pats = []
            seen = set()
            for code, text, p in per_verb.get(lemma, []) + shared:
                code = review(lemma, code, text, stats)
                if code is None:
                    continue
                if (code, text) in seen:
                    stats.drop("duplicate pattern within a verb", f"{g.name}: {text} [{code}]")
                    continue
                # a later pattern with the same text but another code never fires (tie -> first)
                if any(t == text for _, t in seen):
                    stats.drop("same pattern text with a second code (never fires)", f"{g.name}: {text} [{code}]")
                    continue
                seen.add((code, text))
                pats.append((code, text))
                lines_of[(lemma, code, text)] = p.line
            if default is None and not pats:
                stats.drop("verb entry: no default code and no patterns", f"{g.name}: {lemma}")
                continue
            key = (default, tuple(pats))
            if key not in buckets:
                buckets[key] = []
                order.append(key)
            buckets[key].append(lemma)
            seen_lemmas[lemma] = g.name
            for code, text in pats:
                kept.add(lines_of[(lemma, code, text)])
        for key in order:
            default, pats = key
            lemmas = buckets[key]
            head = "verb " + "; ".join(lemmas)
            if default:
                head += f" [{default}]"
            head = f"{head:<48} # from PETRARCH2: {g.name}"
            out_groups.append(head)
            for code, text in pats:
                out_groups.append(f"  {code:<6}{text}")
            out_groups.append("")
            n_groups += 1
            n_patterns += len(pats)

    hand, n_merged = merge_into_hand(hand, hand_extra, stats, kept)

    # Write.
    parts = [HEADER]
    parts.append("# ---- Word sets converted from PETRARCH2 (multi-word members dropped) ----")
    parts.extend(out_sets)
    parts.append("")
    parts.append(HAND_BEGIN)
    parts.extend(hand if hand else [""])
    parts.append(HAND_END)
    parts.append("")
    parts.append("# ---- Verb groups converted from PETRARCH2 (generated; override in the hand-written section) ----")
    parts.append("")
    parts.extend(out_groups)
    text = "\n".join(parts).rstrip("\n") + "\n"
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)

    total_in = sum(len(g.patterns) for g in groups)
    print(f"PETRARCH2: {len(groups)} verb groups, {sum(len(g.verbs) for g in groups)} verb entries, {total_in} patterns, {len(usable_sets)} usable word sets")
    print(f"converted: {n_groups} verb groups, {n_patterns} pattern lines, {len(out_sets)} word sets -> {os.path.relpath(OUT, ROOT)}")
    print(f"merged into hand-written groups: {n_merged} pattern lines (marked `# P2 lemma`) for {len(hand_extra)} lemmas")
    print(f"PETRARCH2 patterns kept (in at least one group): {len(kept)} of {total_in}")
    print("dropped:")
    for reason, n in sorted(stats.dropped.items(), key=lambda x: (-x[1], x[0])):
        print(f"  {n:5d}  {reason}")
        if report:
            for ex in stats.examples[reason]:
                print(f"         {ex}")


if __name__ == "__main__":
    convert(report="--report" in sys.argv)
