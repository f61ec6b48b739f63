#!/usr/bin/env bash
# Runs every benchmark behind the results table of benchmarks/README.md and saves the raw outputs under
# benchmarks/results/<date>/. Usage, from the repository root, after ./mvnw -B -pl benchmarks,micronaut-service -am package:
#
#   DATASETS=/path/to/datasets REDIS_URL=redis://127.0.0.1:6379 bash benchmarks/run-results.sh [what...]
#
# what: machine pairs sweeps replay jmh load (default: all). Each step is bounded; the JMH step takes longest.
# BENCH_JAR and SERVICE_JAR override the jars (copy them elsewhere to keep building while this runs). No output holds
# dataset text (no --decisions): the data sets stay outside the repository.
set -euo pipefail

DATASETS="${DATASETS:?set DATASETS to the folder holding qqp/, paws_x_en_dev/ and prompt-pairs/}"
DATE="${RESULTS_DATE:-$(date -u +%Y-%m-%d)}"
OUT="benchmarks/results/${DATE}"
JAR="${BENCH_JAR:-benchmarks/target/semcache-bench.jar}"
SERVICE_JAR="${SERVICE_JAR:-micronaut-service/target/semcache-service.jar}"
mkdir -p "$OUT"
steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=(machine pairs sweeps replay jmh load)

QQP="$DATASETS/qqp/qqp_pairs.tsv"
PAWS="$DATASETS/paws_x_en_dev/paws_x_en_dev_pairs.tsv"
PROMPTS="$DATASETS/prompt-pairs/prompt-pairs-dev.tsv"
WRITTEN="benchmarks/data/prompt-pairs-written"

machine() {
    {
        echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "cores: $(nproc)"
        echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
        echo "memory: $(free -g | awk '/Mem:/{print $2" GiB"}')"
        echo "java: $(java -version 2>&1 | head -1)"
        echo "jvm: $(java -version 2>&1 | sed -n 3p)"
        echo "os: $(uname -sr)"
        echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "commit: $(git rev-parse --short HEAD)"
    } | tee "$OUT/machine.txt"
}

pairs() {
    for model in all-minilm-l6-v2 bge-small-en-v1.5; do
        for verifier in on off; do
            java -jar "$JAR" pairs --file "$QQP" --limit 4000 --model "$model" --threshold 0.92 \
                --verifier "$verifier" --json > "$OUT/pairs-qqp4000-$model-verifier-$verifier.txt"
            java -jar "$JAR" pairs --file "$PAWS" --model "$model" --threshold 0.92 \
                --verifier "$verifier" --json > "$OUT/pairs-pawsx-$model-verifier-$verifier.txt"
            java -jar "$JAR" pairs --file "$PROMPTS" --model "$model" --threshold 0.92 \
                --verifier "$verifier" --json > "$OUT/pairs-prompt-pairs-$model-verifier-$verifier.txt"
            for set in a b c d e f g h; do
                java -jar "$JAR" pairs --file "$WRITTEN/set-$set.tsv" --model "$model" --threshold 0.92 \
                    --verifier "$verifier" --json > "$OUT/pairs-written-$set-$model-verifier-$verifier.txt"
            done
        done
    done
}

sweeps() {
    for model in all-minilm-l6-v2 bge-small-en-v1.5; do
        for name in qqp4000 pawsx prompt-pairs; do
            case "$name" in
                qqp4000) file="$QQP"; limit=(--limit 4000) ;;
                pawsx) file="$PAWS"; limit=() ;;
                prompt-pairs) file="$PROMPTS"; limit=() ;;
            esac
            java -jar "$JAR" pairs --file "$file" "${limit[@]}" --model "$model" --verifier on \
                --sweep 0.80:0.99:0.01 --chart "$OUT/sweep-$name-$model.png" --json > "$OUT/sweep-$name-$model.txt"
        done
    done
}

replay() {
    java -jar "$JAR" replay --file "$QQP" --limit 2000 --verifier on --out "$OUT/replay-qqp2000-memory" --json \
        > "$OUT/replay-qqp2000-memory.txt"
    if [ -n "${REDIS_URL:-}" ]; then
        java -jar "$JAR" replay --file "$PROMPTS" --events 400 --verifier on --redis "$REDIS_URL" \
            --out "$OUT/replay-prompt-pairs-redis" --json > "$OUT/replay-prompt-pairs-redis.txt"
    fi
}

jmh() {
    java -cp "$JAR" org.openjdk.jmh.Main HitPathBenchmark -rf json -rff "$OUT/jmh-hitpath.json" \
        > "$OUT/jmh-hitpath.txt" 2>&1
    java -jar "$JAR" hitpath --jmh "$OUT/jmh-hitpath.json" --out "$OUT/hitpath.md" --json > "$OUT/hitpath.txt"
    java -jar "$JAR" hitpath --measure --store IN_MEMORY,JEDIS,LETTUCE --seconds 20 \
        --out "$OUT/hitpath-interleaved.md" --json > "$OUT/hitpath-interleaved.txt" 2>&1
    java -cp "$JAR" org.openjdk.jmh.Main StoreSearchBenchmark -rf json -rff "$OUT/jmh-store-search.json" \
        > "$OUT/jmh-store-search.txt" 2>&1
    java -cp "$JAR" org.openjdk.jmh.Main EmbeddingBenchmark -rf json -rff "$OUT/jmh-embedding.json" \
        > "$OUT/jmh-embedding.txt" 2>&1
    java -cp "$JAR" org.openjdk.jmh.Main HitVerifierBenchmark -rf json -rff "$OUT/jmh-hit-verifier.json" \
        > "$OUT/jmh-hit-verifier.txt" 2>&1
}

load() {
    java -jar "$JAR" load --start-service "$SERVICE_JAR" --concurrency 4 --duration 20s --warmup 10s \
        --hit-ratio 0.5 --stream --out "$OUT/load" --json > "$OUT/load.txt"
    java -jar "$JAR" load --start-service "$SERVICE_JAR" --concurrency 1 --duration 15s --warmup 10s \
        --hit-ratio 0.5 --stream --out "$OUT/load-c1" --json > "$OUT/load-c1.txt"
}

for step in "${steps[@]}"; do
    echo "== $step ($(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/steps.log"
    "$step"
done
echo "== done ($(date -u +%H:%M:%S))" | tee -a "$OUT/steps.log"
