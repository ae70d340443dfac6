#!/usr/bin/env python3
"""Builds Sources/CDyadAssets/data/lexicon/english-words.tsv for the syntax analyzer.

Input (read-only, beside the repository): ../shared/data/lemmas/
  lemminflect-lemma_lu.csv.gz  form,pos,lemma[/lemma...]  (MIT, lemminflect 0.2.3 / NIH SPECIALIST Lexicon)
  noun.exc verb.exc adj.exc    WordNet 3.0 exception lists "form lemma..." (WordNet 3.0 licence)

Output: one line per lower-case form, sorted:
  form<TAB>entry[<TAB>entry...]   entry = p (the form is its own lemma) or p=lemma
  p is n (noun), v (verb, auxiliary), a (adjective) or r (adverb).
The analyzer uses the parts of speech as tagger features and the lemmas for words unseen in
its treebank. Run: python3 scripts/build_word_lexicon.py
"""
import gzip
import os
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
source = os.path.join(root, "..", "shared", "data", "lemmas")
target = os.path.join(root, "Sources", "CDyadAssets", "data", "lexicon", "english-words.tsv")
letters = {"noun": "n", "verb": "v", "aux": "v", "adj": "a", "adv": "r"}

entries = {}  # form -> {pos: lemma}


def add(form, pos, lemma, override=False):
    form = form.lower()
    if not form or "\t" in form or " " in form or "\t" in lemma:
        return
    slot = entries.setdefault(form, {})
    if pos not in slot or override:
        slot[pos] = lemma


with gzip.open(os.path.join(source, "lemminflect-lemma_lu.csv.gz"), "rt", encoding="utf-8") as f:
    for line in f:
        parts = line.rstrip("\n").split(",")
        if len(parts) != 3 or parts[1] not in letters:
            continue
        form, pos, lemmas = parts
        lemma = lemmas.split("/")[0]
        if form.lower() == form or lemma != lemma.lower():
            add(form, letters[pos], lemma if lemma != form else form.lower())
        else:
            add(form, letters[pos], lemma.lower())

for name, pos in (("noun.exc", "n"), ("verb.exc", "v"), ("adj.exc", "a")):
    with open(os.path.join(source, name), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and "_" not in parts[0]:
                add(parts[0], pos, parts[1].replace("_", " "))

with open(target, "w", encoding="utf-8") as out:
    for form in sorted(entries):
        fields = [form]
        for pos in "nvar":
            if pos in entries[form]:
                lemma = entries[form][pos]
                fields.append(pos if lemma == form else pos + "=" + lemma)
        out.write("\t".join(fields) + "\n")
print(f"{len(entries)} forms -> {target}", file=sys.stderr)
