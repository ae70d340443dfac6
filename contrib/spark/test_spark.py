"""The Spark test: PySpark in local mode with several partitions codes a generated corpus
through contrib/spark/dyad_spark.py, and its events must equal, as a multiset, those of a single
`dyad code` run over the same input.

    python3 contrib/spark/test_spark.py PATH/TO/dyad [DOCUMENTS]

Exit status: 0 when the multisets are equal, 1 when they differ or a run fails, 77 when PySpark
or Java is missing (the caller reports the skip).
"""

import collections
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77

SOURCES = ["China", "Japan", "The United States", "Russia", "Iran", "Israeli troops", "The Ukrainian government",
           "Police in Nairobi", "The European Union", "Protesters in Caracas", "Pakistan", "India", "Turkey",
           "Rebels in Mali", "The French president", "North Korea", "South Korea", "Germany", "Brazil", "Egypt"]
PREDICATES = ["criticized {t} over its military spending", "met {t} in the capital", "signed a trade agreement with {t}",
              "accused {t} of espionage", "threatened {t} with sanctions", "praised {t} for its aid",
              "suspended military talks with {t}", "attacked {t} near the border", "expelled diplomats from {t}",
              "agreed to cooperate with {t} on security", "condemned {t} for the strike", "sent aid to {t}",
              "rejected a proposal from {t}", "arrested citizens of {t}", "urged {t} to release the prisoners",
              "visited {t}", "demanded that {t} withdraw its forces", "imposed sanctions on {t}"]
WHEN = ["", " on Monday", " last week", " on Tuesday", " in March", " yesterday"]


def corpus(count, seed=8):
    """`count` JSON Lines documents of one to three sentences, with ids and dates."""
    rng = random.Random(seed)
    lines = []
    for index in range(count):
        sentences = []
        for _ in range(rng.randint(1, 3)):
            source, target = rng.sample(SOURCES, 2)
            target = target[0].lower() + target[1:] if target.startswith("The ") else target
            sentences.append(f"{source} {rng.choice(PREDICATES).format(t=target)}{rng.choice(WHEN)}.")
        day = 1 + index % 28
        lines.append(json.dumps({"id": f"doc-{index}", "date": f"2024-05-{day:02d}", "text": " ".join(sentences)}))
    return "\n".join(lines) + "\n"


def canonical(event):
    """An event as a comparable string, numbers as floats (Parquet stores doubles)."""
    event = dict(event)
    if event.get("goldstein") is not None:
        event["goldstein"] = float(event["goldstein"])
    if event.get("place"):
        event["place"] = {k: (float(v) if k in ("lat", "lon") and v is not None else v) for k, v in event["place"].items()}
    return json.dumps(event, sort_keys=True, ensure_ascii=False)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("spark test: SKIPPED: pyspark is not installed (pip install pyspark)")
        return SKIP
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        print("spark test: SKIPPED: no Java runtime (apt-get install default-jre-headless)")
        return SKIP
    sys.path.insert(0, HERE)
    import dyad_spark
    from pyspark.sql import SparkSession

    work = tempfile.mkdtemp(prefix="dyad-spark-")
    try:
        documents = os.path.join(work, "documents.jsonl")
        with open(documents, "w", encoding="utf-8") as file:
            file.write(corpus(count))

        started = time.time()
        single = subprocess.run([binary, "code", "--format", "jsonl", documents], capture_output=True)
        if single.returncode != 0:
            print(f"spark test: FAILED: dyad code exited {single.returncode}: {single.stderr.decode()[-2000:]}")
            return 1
        expected = collections.Counter(canonical(json.loads(line)) for line in single.stdout.decode().splitlines())
        print(f"spark test: one dyad code run: {count} documents, {sum(expected.values())} events "
              f"in {time.time() - started:.1f}s")

        started = time.time()
        output = os.path.join(work, "events.parquet")
        try:
            spark = (SparkSession.builder.master("local[2]").appName("dyad-test")
                     .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                     .config("spark.driver.host", "127.0.0.1")
                     .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate())
        except Exception as error:  # no JVM, no loopback port: the environment, not Dyad
            print(f"spark test: SKIPPED: Spark could not start: {str(error).splitlines()[0] if str(error) else error!r}")
            return SKIP
        spark.sparkContext.setLogLevel("ERROR")
        spark.sparkContext.addFile(binary)  # as spark-submit --files does
        spark.sparkContext.addPyFile(os.path.join(HERE, "dyad_spark.py"))  # spark-submit ships the main script
        name = os.path.basename(binary)
        status = dyad_spark.main([f"file://{documents}", output, "--dyad", name, "--partitions", "4"])
        if status != 0:
            print(f"spark test: FAILED: dyad_spark.py returned {status}")
            return 1
        spark = SparkSession.builder.master("local[2]").getOrCreate()
        frame = spark.read.parquet(output)
        partitions = spark.sparkContext.textFile(f"file://{documents}", minPartitions=4).getNumPartitions()
        got = collections.Counter(canonical(row.asDict(recursive=True)) for row in frame.collect())
        spark.stop()
        print(f"spark test: Spark local[2], {partitions} partitions: {sum(got.values())} events "
              f"in {time.time() - started:.1f}s")
        if partitions < 2:
            print("spark test: FAILED: the input was not split into at least two partitions")
            return 1
        if got != expected:
            missing = expected - got
            extra = got - expected
            print(f"spark test: FAILED: the multisets differ: {sum(missing.values())} events only in the single run, "
                  f"{sum(extra.values())} only in Spark's")
            for line in list(missing)[:3]:
                print("  only single:", line)
            for line in list(extra)[:3]:
                print("  only spark: ", line)
            return 1
        if not expected:
            print("spark test: FAILED: no events at all")
            return 1
        print(f"spark test: PASSED: {sum(got.values())} events, equal as multisets")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
