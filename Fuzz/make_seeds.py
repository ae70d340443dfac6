"""Writes the seed corpora of the fuzz harnesses into DIR/<Harness>/ from the project's own text:
the example article, the sentences of the coder and CLI tests, and the bundled dictionaries."""

import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATA = os.path.join(ROOT, "Sources", "CDyadAssets", "data")
DICTIONARIES = ["countries.txt", "agents.txt", "organizations.txt", "people.txt", "verbs.txt", "frame-codes.tsv",
                "speech.txt", "places.tsv"]  # CodingDictionaries.fileNames, in order


def test_sentences():
    sentences = []
    for folder in ("DyadCodingTests", "DyadCLITests", "DyadTextTests"):
        path = os.path.join(ROOT, "Tests", folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith(".swift"):
                with open(os.path.join(path, name), encoding="utf-8") as file:
                    for match in re.finditer(r'"([A-Z][^"\\\n]{15,400}[.!?])"', file.read()):
                        sentences.append(match.group(1))
    return sorted(set(sentences))


def main(directory):
    with open(os.path.join(DATA, "example-article.txt"), encoding="utf-8") as file:
        article = file.read()
    sentences = test_sentences()
    paragraphs = [p for p in article.split("\n\n") if p.strip()]
    texts = [article] + paragraphs + sentences
    seeds = {name: [] for name in ("ReaderFuzz", "TokenizerFuzz", "DictionaryFuzz", "CoderFuzz")}
    for text in texts:
        seeds["TokenizerFuzz"].append(text.encode())
        seeds["CoderFuzz"].append(text.encode())
        seeds["ReaderFuzz"].append(b"\x01" + text.encode())
    for index in range(0, len(sentences), 5):
        lines = [json.dumps({"id": f"t{index + k}", "date": "2024-05-02", "text": s})
                 for k, s in enumerate(sentences[index:index + 5])]
        seeds["ReaderFuzz"].append(b"\x00" + "\n".join(lines).encode())
    seeds["ReaderFuzz"].append(b"\x00" + json.dumps({"id": 7, "date": "2023-08", "text": article[:2000]}).encode())
    seeds["ReaderFuzz"].append(b'\x00{"id":"x","text":""}\n{"text":"A."}\n{bad\n')
    for selector, name in enumerate(DICTIONARIES):
        with open(os.path.join(DATA, "dictionaries", name), encoding="utf-8") as file:
            lines = [line for line in file.read().split("\n") if line.strip()]
        for start in range(0, min(len(lines), 400), 40):
            seeds["DictionaryFuzz"].append(bytes([selector]) + ("\n".join(lines[start:start + 40]) + "\n").encode())
    for name, items in seeds.items():
        os.makedirs(os.path.join(directory, name), exist_ok=True)
        for index, item in enumerate(items):
            with open(os.path.join(directory, name, f"seed-{index:04d}"), "wb") as file:
                file.write(item)
        print(f"{name}: {len(items)} seeds")


if __name__ == "__main__":
    main(sys.argv[1])
