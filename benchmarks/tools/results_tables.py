#!/usr/bin/env python3
"""Turns the raw outputs of benchmarks/run-results.sh into the Markdown tables of benchmarks/README.md.

Usage, from the repository root:

    python3 benchmarks/tools/results_tables.py benchmarks/results/<date> > /tmp/tables.md

Every number printed comes from a file in that folder (the last JSON line of a semcache-bench command, or a JMH
JSON result); nothing is typed in. A missing file is reported as a missing row, not guessed.
"""
import json
import os
import sys

MODELS = [("bge-small-en-v1.5", "bge-small-en-v1.5 (default)"), ("all-minilm-l6-v2", "all-MiniLM-L6-v2")]
DATASETS = [
    ("prompt-pairs", "prompt-pairs-dev (88)"),
    ("qqp4000", "qqp, first 4,000"),
    ("pawsx", "paws_x_en_dev (2,000)"),
    ("written-a", "written set A (300)"),
    ("written-b", "written set B (240)"),
    ("written-c", "written set C (200)"),
    ("written-d", "written set D (200)"),
    ("written-e", "written set E (200)"),
    ("written-f", "written set F (200)"),
    ("written-g", "written set G (200)"),
    ("written-h", "written set H (200)"),
]


def last_json(path):
    """The last line of a command's stdout that parses as a JSON object, or None."""
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f.read().splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else None


def jmh(path):
    if not os.path.isfile(path):
        return []
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def f3(x):
    return f"{x:.3f}"


def quality(d):
    out = [
        "| data | model | verifier | precision | recall | false-hit rate | tp | fp | tn | fn |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, label in DATASETS:
        for model, mlabel in MODELS:
            for verifier in ("off", "on"):
                r = last_json(os.path.join(d, f"pairs-{key}-{model}-verifier-{verifier}.txt"))
                if r is None:
                    out.append(f"| {label} | {mlabel} | {verifier} | missing | | | | | | |")
                    continue
                out.append(
                    f"| {label} | {mlabel} | {verifier} | {f3(r['precision'])} | {f3(r['recall'])} | "
                    f"{f3(r['falseHitRate'])} | {r['tp']} | {r['fp']} | {r['tn']} | {r['fn']} |"
                )
    return "\n".join(out)


def kinds(d):
    cols = []
    for model, mlabel in MODELS:
        off = last_json(os.path.join(d, f"pairs-prompt-pairs-{model}-verifier-off.txt"))
        on = last_json(os.path.join(d, f"pairs-prompt-pairs-{model}-verifier-on.txt"))
        cols.append((mlabel, off, on))
    names = sorted({k for _, off, on in cols for r in (off, on) if r for k in r["kinds"]})
    out = [
        "| kind (rows) | " + " | ".join(f"{m}: hits plain → verified" for m, _, _ in cols) + " |",
        "| --- | " + " | ".join("---:" for _ in cols) + " |",
    ]
    for k in names:
        rows = next(r["kinds"][k]["rows"] for _, off, on in cols for r in (off, on) if r and k in r["kinds"])
        cells = []
        for _, off, on in cols:
            a = off["kinds"][k]["hits"] if off else "?"
            b = on["kinds"][k]["hits"] if on else "?"
            cells.append(f"{a} → {b}")
        label = "paraphrase (label 1)" if k == "paraphrase" else f"{k} (label 0)"
        out.append(f"| {label} ({rows}) | " + " | ".join(cells) + " |")
    return "\n".join(out)


def targets(d):
    model = MODELS[0][0]
    pp_on = last_json(os.path.join(d, f"pairs-prompt-pairs-{model}-verifier-on.txt"))
    paws_on = last_json(os.path.join(d, f"pairs-pawsx-{model}-verifier-on.txt"))
    paws_off = last_json(os.path.join(d, f"pairs-pawsx-{model}-verifier-off.txt"))
    qqp_on = last_json(os.path.join(d, f"pairs-qqp4000-{model}-verifier-on.txt"))
    out = ["| target (issue #6) | measured, default configuration | |", "| --- | --- | --- |"]
    if pp_on:
        ok = pp_on["falseHitRate"] <= 0.02 and pp_on["recall"] >= 0.60
        out.append(
            f"| prompt-pairs-dev: false-hit rate ≤ 0.02, recall ≥ 0.60 | false-hit rate {f3(pp_on['falseHitRate'])}, "
            f"recall {f3(pp_on['recall'])} | {'met' if ok else '**not met**'} |"
        )
    if paws_on and paws_off:
        ok = paws_on["falseHitRate"] <= paws_off["falseHitRate"] / 2 and paws_on["recall"] >= 0.60
        out.append(
            f"| paws_x_en_dev: false-hit rate ≤ half of plain cosine's, recall ≥ 0.60 | "
            f"{f3(paws_on['falseHitRate'])} vs {f3(paws_off['falseHitRate'])} plain, recall {f3(paws_on['recall'])} "
            f"| {'met' if ok else '**not met**'} |"
        )
    if qqp_on:
        ok = qqp_on["precision"] >= 0.90 and qqp_on["recall"] >= 0.35
        out.append(
            f"| qqp (first 4,000): precision ≥ 0.90, recall ≥ 0.35 | precision {f3(qqp_on['precision'])}, "
            f"recall {f3(qqp_on['recall'])} | {'met' if ok else '**not met**'} |"
        )
    for key, label in DATASETS:
        if not key.startswith("written-"):
            continue
        w = last_json(os.path.join(d, f"pairs-{key}-{model}-verifier-on.txt"))
        if w:
            ok = w["falseHitRate"] <= 0.02 and w["recall"] >= 0.60
            out.append(
                f"| {label}, same bar as prompt-pairs-dev (not an issue target) | false-hit rate "
                f"{f3(w['falseHitRate'])}, recall {f3(w['recall'])} | {'would be met' if ok else 'would not be met'} |"
            )
    return "\n".join(out)


def sweep_threshold(d):
    out = [
        "| data | model | lowest threshold reaching the target precision (verifier on) |",
        "| --- | --- | --- |",
    ]
    for key, label in DATASETS:
        for model, mlabel in MODELS:
            r = last_json(os.path.join(d, f"sweep-{key}-{model}.txt"))
            if r is None:
                continue
            best = r.get("lowestThresholdReachingTarget", r.get("lowestThreshold"))
            target = r.get("targetPrecision", 0.95)
            row = None
            for s in r.get("sweep", []):
                if best is not None and abs(s["threshold"] - best) < 1e-9:
                    row = s
            text = "none in 0.80–0.99" if best is None else (
                f"{best:.2f} (precision {f3(row['precision'])}, recall {f3(row['recall'])})" if row else f"{best:.2f}"
            )
            out.append(f"| {label} | {mlabel} | ≥ {target}: {text} |")
    return "\n".join(out)


def embedding(d):
    rows = jmh(os.path.join(d, "jmh-embedding.json"))
    out = ["| model | one prompt | batch of 8 (per batch) | batch of 32 (per batch) |", "| --- | ---: | ---: | ---: |"]
    by = {}
    for r in rows:
        m = r["params"]["model"]
        name = r["benchmark"].rsplit(".", 1)[1]
        unit = r["primaryMetric"]["scoreUnit"]
        by.setdefault(m, {})[name] = f"{r['primaryMetric']['score']:.2f} {unit.replace('/op', '')}"
    for m, cells in sorted(by.items()):
        names = sorted(cells)
        one = next((cells[n] for n in names if "One" in n or "one" in n.lower() and "batch" not in n.lower()), "")
        b8 = next((cells[n] for n in names if n.endswith("8")), "")
        b32 = next((cells[n] for n in names if n.endswith("32")), "")
        out.append(f"| {m} | {one} | {b8} | {b32} |")
    return "\n".join(out)


def verifier_cost(d):
    rows = jmh(os.path.join(d, "jmh-hit-verifier.json"))
    out = ["| benchmark | model | time per operation |", "| --- | --- | ---: |"]
    for r in rows:
        name = r["benchmark"].rsplit(".", 1)[1]
        p = r["primaryMetric"]
        out.append(f"| {name} | {r['params'].get('model', '')} | {p['score']:.1f} ± {p['scoreError']:.1f} {p['scoreUnit']} |")
    return "\n".join(out)


def store_search(d):
    rows = jmh(os.path.join(d, "jmh-store-search.json"))
    out = ["| store | entries | one search (top 3, ≥ 0.92) |", "| --- | ---: | ---: |"]
    for r in sorted(rows, key=lambda r: (r["params"]["store"], int(r["params"]["entries"]))):
        p = r["primaryMetric"]
        out.append(f"| {r['params']['store']} | {int(r['params']['entries']):,} | {p['score']:.1f} ± {p['scoreError']:.1f} {p['scoreUnit']} |")
    return "\n".join(out)


def load(d):
    out = [
        "| run | endpoint | requests/s | hit p50 / p99 ms | miss p50 / p99 ms | upstream alone p50 / p99 ms | overhead p50 hit / miss ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in ("load", "load-c1"):
        r = last_json(os.path.join(d, f"{name}.txt"))
        if r is None:
            continue
        c = r["settings"]["concurrency"]
        for phase, direct, suffix in (("service", "upstream-direct", ""), ("service-stream", "upstream-direct-stream", "Stream")):
            p = r["phases"].get(phase)
            u = r["phases"].get(direct)
            if not p or not u:
                continue
            hit = p["latencyMillis"].get("HIT", {})
            miss = p["latencyMillis"].get("MISS", {})
            up = u["latencyMillis"]["DIRECT"]
            oh = r["overheadMillis"]
            out.append(
                f"| concurrency {c} | {'stream' if suffix else 'JSON'} | {p['throughputPerSecond']:.0f} | "
                f"{hit.get('p50', 0):.1f} / {hit.get('p99', 0):.1f} | {miss.get('p50', 0):.1f} / {miss.get('p99', 0):.1f} | "
                f"{up['p50']:.2f} / {up['p99']:.2f} | {oh['hit' + suffix]['p50']:.1f} / {oh['miss' + suffix]['p50']:.1f} |"
            )
    return "\n".join(out)


def replay(d):
    out = [
        "| stream | model | store | events | hit rate | right / wrong / unlabelled hits | USD saved (share) | hit p50 ms | miss overhead p50 ms |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in sorted(os.listdir(d)):
        if not (name.startswith("replay-") and name.endswith(".txt")):
            continue
        r = last_json(os.path.join(d, name))
        if r is None:
            continue
        s = r["settings"]
        sv = r["savings"]
        lat = r["latencyMillis"]
        out.append(
            f"| {os.path.basename(s['file'])}, {s['pairs']} pairs | {s['model']} | {s['store'].split('(')[0]} | {r['events']} | "
            f"{r['hitRate']:.3f} | {r['rightHits']} / {r['wrongHits']} / {r['unlabelledHits']} | "
            f"{sv['usdSaved']:.4f} ({sv['savedShare']:.1%}) | {lat['hit']['p50']:.2f} | {lat['missOverhead']['p50']:.1f} |"
        )
    return "\n".join(out)


def include(d, name):
    p = os.path.join(d, name)
    if not os.path.isfile(p):
        return f"({name} missing)"
    with open(p, encoding="utf-8") as f:
        return f.read().strip()


def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        sys.exit("usage: results_tables.py benchmarks/results/<date>")
    d = sys.argv[1]
    sections = [
        ("Machine", "```text\n" + include(d, "machine.txt") + "\n```"),
        ("Answer quality at 0.92", quality(d)),
        ("Targets of issue #6", targets(d)),
        ("prompt-pairs-dev per kind", kinds(d)),
        ("Threshold sweeps", sweep_threshold(d)),
        ("Hit path against its limits (interleaved)", include(d, "hitpath-interleaved.md")),
        ("Hit path against its limits (JMH)", include(d, "hitpath.md")),
        ("Embedding (JMH)", embedding(d)),
        ("Verifier cost (JMH)", verifier_cost(d)),
        ("Store search (JMH)", store_search(d)),
        ("Service under load", load(d)),
        ("Workload replay", replay(d)),
    ]
    for title, body in sections:
        print(f"#### {title}\n\n{body}\n")


if __name__ == "__main__":
    main()
