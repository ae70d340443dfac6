"""Code a corpus of news documents into CAMEO events with Dyad on an Apache Spark cluster.

Dyad codes each document on its own (no state between documents), so a cluster run is a pipe:
every partition of JSON Lines documents ({"id","date","text"} a line, optional "url", "source")
goes through `dyad code --format jsonl --jobs 1` on its executor, reading standard input and
writing one JSON event a line, and the events come back as a DataFrame written to Parquet. With
`--store`, each partition goes through `dyad ingest -` into a shared PostgreSQL store instead
(idempotent, so a retried task stores nothing twice).

The binary is either installed on every node (`--dyad /usr/local/bin/dyad`) or shipped with the
job (`spark-submit --files /path/to/dyad ... --dyad dyad`): a bare name is looked up among the
files Spark shipped to the executor, then on the PATH. See contrib/spark/README.md.

    spark-submit --master yarn --num-executors 20 --executor-cores 1 \\
        --files build/release/dyad contrib/spark/dyad_spark.py \\
        --dyad dyad --partitions 400 hdfs:///news/2024-05-*.jsonl hdfs:///events/2024-05
"""

import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql.types import (
    ArrayType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

ACTOR = StructType(
    [
        StructField("code", StringType()),
        StructField("text", StringType()),
        StructField("name", StringType()),
    ]
)
PLACE = StructType(
    [
        StructField("name", StringType()),
        StructField("country", StringType()),
        StructField("lat", DoubleType()),
        StructField("lon", DoubleType()),
        StructField("from", StringType()),
    ]
)
QUOTE = StructType(
    [
        StructField("speaker", StringType()),
        StructField("name", StringType()),
        StructField("cue", StringType()),
        StructField("text", StringType()),
        StructField("span", ArrayType(LongType())),
    ]
)
#: The event record of docs/event-record.md, field for field.
EVENT = StructType(
    [
        StructField("doc", StringType()),
        StructField("sentence", IntegerType()),
        StructField("span", ArrayType(LongType())),
        StructField("text", StringType()),
        StructField("source", ACTOR),
        StructField("target", ACTOR),
        StructField("code", StringType()),
        StructField("root", StringType()),
        StructField("name", StringType()),
        StructField("plover", StringType()),
        StructField("goldstein", DoubleType()),
        StructField("quad_class", IntegerType()),
        StructField("date", StringType()),
        StructField("date_text", StringType()),
        StructField("place", PLACE),
        StructField("quote", QUOTE),
        StructField("pattern", StringType()),
    ]
)


def resolve_binary(name):
    """The path of the dyad binary on this executor: a shipped file, a path, or a PATH lookup."""
    if os.sep not in name:
        shipped = os.path.join(SparkFiles.getRootDirectory(), name)
        if os.path.isfile(shipped):
            mode = os.stat(shipped).st_mode
            if not mode & stat.S_IXUSR:
                os.chmod(shipped, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            return shipped
        found = shutil.which(name)
        if found:
            return found
        raise RuntimeError(f"dyad binary '{name}' is neither shipped with --files nor on the PATH")
    return name


def pipe_partition(command):
    """A mapPartitions function: the partition's lines through `command`, its output lines back.

    This is what RDD.pipe does, except that the binary is resolved on the executor (where
    --files put it) and the exit status is checked: 0, or 1 when some documents could not be
    read (reported on the executor's standard error, the others still coded), is success;
    anything else (a crash) fails the task, so Spark retries it.
    """

    def run(lines):
        argv = [resolve_binary(command[0])] + command[1:]
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=1 << 16)
        failure = []

        def feed():
            try:
                for line in lines:
                    process.stdin.write(line.encode("utf-8"))
                    process.stdin.write(b"\n")
            except BrokenPipeError:
                pass
            except BaseException as error:  # reported after the output is read
                failure.append(error)
            finally:
                try:
                    process.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for line in process.stdout:
            yield line.decode("utf-8").rstrip("\n")
        writer.join()
        status = process.wait()
        if failure:
            raise failure[0]
        if status not in (0, 1):
            raise RuntimeError(f"{' '.join(argv)} exited with status {status}")

    return run


def event_row(line):
    """One `dyad code --format jsonl` line as a record of the EVENT schema (numbers as the
    schema's types: a Goldstein value of 3 is written `3` but stored as a double)."""
    event = json.loads(line)
    if event.get("goldstein") is not None:
        event["goldstein"] = float(event["goldstein"])
    place = event.get("place")
    if place:
        for key in ("lat", "lon"):
            if place.get(key) is not None:
                place[key] = float(place[key])
    return event


def code_options(args):
    options = ["--jobs", "1"]
    if args.date:
        options += ["--date", args.date]
    if args.max_bytes:
        options += ["--max-bytes", str(args.max_bytes)]
    return options


def main(argv=None):
    parser = argparse.ArgumentParser(description="Code JSON Lines news documents into CAMEO events with Dyad on Spark.")
    parser.add_argument("input", help="JSON Lines documents: a path, directory or glob Spark can read (file:, hdfs:, s3a:)")
    parser.add_argument("output", nargs="?", help="Parquet directory for the events (not with --store)")
    parser.add_argument("--dyad", default="dyad", help="the dyad binary: a path on every node, or the name of a file shipped with --files (default: dyad)")
    parser.add_argument("--partitions", type=int, default=0, help="minimum number of partitions (default: Spark's)")
    parser.add_argument("--date", help="publication date for documents without one (YYYY-MM-DD)")
    parser.add_argument("--max-bytes", type=int, help="refuse documents larger than this (dyad's --max-bytes)")
    parser.add_argument("--store", metavar="URL", help="ingest into this PostgreSQL store (postgres://user:password@host:port/db) instead of writing Parquet")
    parser.add_argument("--mode", default="errorifexists", help="Parquet save mode: errorifexists, overwrite, append")
    args = parser.parse_args(argv)
    if bool(args.output) == bool(args.store):
        parser.error("give an output directory or --store URL (one of them)")

    spark = SparkSession.builder.appName("dyad").getOrCreate()
    documents = spark.sparkContext.textFile(args.input, minPartitions=args.partitions or None)
    documents = documents.filter(lambda line: line.strip() != "")

    if args.store:
        command = [args.dyad, "ingest", "-", "--db", args.store, "--batch-size", "256"] + code_options(args)
        report = documents.mapPartitions(pipe_partition(command)).collect()
        for line in report:
            print(line)
        spark.stop()
        return 0

    command = [args.dyad, "code", "-", "--format", "jsonl"] + code_options(args)
    lines = documents.mapPartitions(pipe_partition(command))
    events = spark.createDataFrame(lines.map(event_row), schema=EVENT)
    events.write.mode(args.mode).parquet(args.output)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
