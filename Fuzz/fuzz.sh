#!/usr/bin/env bash
# Builds Dyad's libFuzzer harnesses and runs each for SECONDS (default 60), one after the other.
#   Fuzz/fuzz.sh [SECONDS] [HARNESS ...]      harnesses: ReaderFuzz TokenizerFuzz DictionaryFuzz CoderFuzz
#   DYAD_FUZZ_NO_BUILD=1 Fuzz/fuzz.sh ...     runs the harnesses already built
# Corpora grow in $DYAD_FUZZ_WORK (default Fuzz/.build-fuzz/work/corpus/HARNESS), seeded from the
# example article, the test sentences and the bundled dictionaries (make_seeds.py). A crash, a
# hang (one input over 10 s) or memory over 2 GB stops that harness, leaves the input in
# work/artifacts/HARNESS/ and makes the script exit 1 after running the others. Exit 77: the harnesses
# could not be built.
set -uo pipefail
cd "$(dirname "$0")"
export PATH="/opt/swift/usr/bin:$PATH"
seconds=${1:-60}
[ $# -gt 0 ] && shift
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(ReaderFuzz TokenizerFuzz DictionaryFuzz CoderFuzz)
scratch=${DYAD_FUZZ_SCRATCH:-.build-fuzz}
work=${DYAD_FUZZ_WORK:-$scratch/work}

echo "== building the harnesses (-sanitize=fuzzer, release)"
[ -n "${DYAD_FUZZ_NO_BUILD:-}" ] || swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library || {
    echo "fuzz: the harnesses did not build (-sanitize=fuzzer needs the toolchain's libFuzzer)"
    exit 77
}
bin=$(swift build -c release --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library --show-bin-path)
python3 make_seeds.py "$work/seeds" >/dev/null || { echo "fuzz: make_seeds.py failed"; exit 1; }

failed=()
for harness in "${harnesses[@]}"; do
    case $harness in
        CoderFuzz) max_len=8192 ;;
        DictionaryFuzz) max_len=16384 ;;
        *) max_len=65536 ;;
    esac
    mkdir -p "$work/corpus/$harness" "$work/artifacts/$harness"
    log="$work/$harness.log"
    echo "== $harness for ${seconds}s"
    # SWIFT_BACKTRACE=enable=no: libFuzzer, not Swift's backtracer, handles a trap and saves the input.
    SWIFT_BACKTRACE=enable=no "$bin/$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/$harness/" \
        "$work/corpus/$harness" "$work/seeds/$harness" >"$log" 2>&1
    status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
    corpus=$(ls "$work/corpus/$harness" | wc -l)
    echo "$harness: ${executions:-?} executions, ${rate:-?}/s, peak RSS ${rss:-?} MB, corpus $corpus inputs, exit $status"
    if [ $status -ne 0 ]; then
        echo "fuzz: $harness FAILED (exit $status); the input is in $work/artifacts/$harness/, the log's end:"
        grep -v '^#' "$log" | tail -n 40
        failed+=("$harness")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: failed: ${failed[*]}"
    exit 1
fi
echo "fuzz: all harnesses ran without a crash, hang or memory blow-up"
