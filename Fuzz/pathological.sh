#!/usr/bin/env bash
# Measures `dyad code` on the full-size hostile inputs of docs/bad-input.md: wall time and peak
# resident memory (GNU time's %M) of the release binary. The same inputs, scaled down, are unit
# tests (Tests/DyadCLITests/PathologicalInputTests.swift).
#   Fuzz/pathological.sh [DYAD]      (default: ../.build/release/dyad)
#   DYAD_PATHOLOGICAL_SKIP="line-5mb clitics" Fuzz/pathological.sh ...   skips those inputs
set -uo pipefail
dyad=$(realpath "${1:-$(dirname "$0")/../.build/release/dyad}")
[ -x "$dyad" ] || { echo "no dyad binary at $dyad (swift build -c release)"; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)"; exit 1; }
work=$(mktemp -d /tmp/dyad-pathological.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
def write(name, text):
    with open(os.path.join(work, name), "w", encoding="utf-8") as f:
        f.write(text)
sentence = "The government met the opposition in the capital on Tuesday. "
with open(os.path.join(work, "file-200mb.txt"), "w") as f:
    for _ in range(200_000_000 // len(sentence)):
        f.write(sentence)
with open(os.path.join(work, "line-200mb.jsonl"), "w") as f:
    f.write('{"id":"big","text":"')
    for _ in range(200_000_000 // len(sentence)):
        f.write(sentence)
    f.write('"}\n{"id":"small","date":"2024-05-02","text":"China criticized Japan on Monday."}\n')
with open(os.path.join(work, "corpus-200mb.jsonl"), "w") as f:
    size = 0
    index = 0
    while size < 200_000_000:
        line = json.dumps({"id": f"d{index}", "date": "2024-05-02", "text": "x" * 2000}) + "\n"
        f.write(line)
        size += len(line)
        index += 1
write("line-5mb.txt", ("China criticized Japan over its military spending. " * (5_000_000 // 51)).rstrip())
write("commas-100k.txt", "," * 100_000 + "\nChina criticized Japan on Monday.\n")
write("spaced-commas-100k.txt", ", " * 100_000 + "\nChina criticized Japan on Monday.\n")
write("nested-quotes.txt", "\u201cHe said \u2018" * 5000 + "China criticized Japan." + "\u2019\u201d" * 5000 + "\n\n"
      + '"' * 20000 + "China criticized Japan." + '"' * 20000 + "\n\n" + "([{" * 5000 + "China criticized Japan." + "}])" * 5000 + "\n")
write("mixed-scripts.txt", ("China criticized Japan on Monday. 中国周一批评日本的军费开支。 Россия осудила санкции. "
      "Israel attacked Hamas in Gaza. إسرائيل هاجمت غزة 😀 e\u0301\u0301 ﷽ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n") * 2000)
write("numbers.txt", " ".join(str(i * 7919) if i % 7 else "3.14159" for i in range(200_000)))
write("clitics.txt", "x" + "'s" * 500_000)
write("long-word.txt", "a" * 5_000_000)
with open(os.path.join(work, "nul.txt"), "wb") as f:
    f.write(b"China criticized\x00Japan." * 1000)
PY

measure() {
    local name=$1
    shift
    case " ${DYAD_PATHOLOGICAL_SKIP:-} " in *" $name "*) echo "| $name | skipped | | | | |"; return ;; esac
    local out="$work/$name.out" err="$work/$name.err" timing="$work/$name.time"
    /usr/bin/time -f "%e %M" -o "$timing" "$dyad" code "$@" >"$out" 2>"$err"
    local status=$?
    read -r seconds kilobytes < <(tail -n 1 "$timing")
    local events
    events=$(grep -c . "$out")
    printf '| %s | %s | %s s | %d MB | %s events | %s |\n' "$name" "$status" "$seconds" $((kilobytes / 1024)) "$events" \
        "$(grep -v '^Error:' "$err" | head -n 1 | sed "s|$work/||" | cut -c1-110)"
}

echo "| input | exit | time | peak memory | output | first message |"
echo "|---|---|---|---|---|---|"
measure file-200mb "$work/file-200mb.txt"
measure line-200mb-stdin - --format jsonl <"$work/line-200mb.jsonl"
measure corpus-200mb-max-bytes "$work/corpus-200mb.jsonl" --format jsonl --max-bytes 1000
measure line-5mb "$work/line-5mb.txt" --format jsonl --date 2024-05-02
measure commas-100k "$work/commas-100k.txt" --format jsonl --date 2024-05-02
measure spaced-commas-100k "$work/spaced-commas-100k.txt" --format jsonl --date 2024-05-02
measure nested-quotes "$work/nested-quotes.txt" --format jsonl --date 2024-05-02
measure mixed-scripts "$work/mixed-scripts.txt" --format jsonl --date 2024-05-02
measure numbers "$work/numbers.txt" --format jsonl
measure clitics "$work/clitics.txt" --format jsonl
measure long-word "$work/long-word.txt" --format jsonl
measure nul "$work/nul.txt"
