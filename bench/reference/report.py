#!/usr/bin/env python3
"""Write the benchmark report (stdlib only; bench/run.sh calls it, it can be re-run on its own).

  report.py                                   reference engines only: $BENCH_OUT/RESULTS.md
  report.py --lakebench RESULTS.md --out REPORT.md [--command CMD] [--data-verify verify.txt] [--skipped WHY]
                                              one combined report: machine, the Lakebench harness's table
                                              (Lakebench next to the reference numbers of the same run),
                                              then the reference engines' full results and how they were measured
Raw results are read from $BENCH_OUT/raw (default bench/target/reference/raw).
"""
import json
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.environ.get("BENCH_OUT", os.path.join(os.path.dirname(HERE), "target", "reference"))
RAW = os.path.join(OUT, "raw")


def kv(path):
    d = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    d[k] = v
    return d


def jload(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def steps(path):
    """name -> list of (ms, cpu dict); names like load_r2 are grouped under 'load'."""
    out = {}
    if not os.path.exists(path):
        return out
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            name, ms = parts[0], float(parts[1])
            cpu = json.loads(parts[2]) if len(parts) > 2 else {}
            base = name.rsplit("_r", 1)[0] if "_r" in name and name.rsplit("_r", 1)[1].isdigit() else name
            out.setdefault(base, []).append((ms, cpu))
    return out


def quietest(runs):
    return min(runs, key=lambda r: r[1].get("other_cores", 0.0))


def fmt_step(runs, unit="s"):
    ms, cpu = quietest(runs)
    val = ms / 1000 if unit == "s" else ms
    s = f"{val:.1f} {unit}" if unit == "s" else f"{val:.0f} ms"
    allv = ", ".join(f"{(m / 1000 if unit == 's' else m):.1f}" for m, _ in runs)
    note = f"other cores {cpu.get('other_cores', '?')}"
    if len(runs) > 1:
        note += f"; all {len(runs)} runs: {allv} {unit}"
    return s, note


def first_int(path, idx=0):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return int(f.read().strip().split("|")[idx])


def mib(b):
    return f"{b / 1048576:.0f} MiB"


def vec_section(label, lines):
    d = os.path.join(RAW, f"vec-{label}")
    if not os.path.isdir(d):
        return
    man = kv(os.path.join(d, "data-manifest.txt"))
    st = steps(os.path.join(d, "steps.tsv"))
    lines.append(f"### pgvector, {int(man.get('n', 0)):,} x {man.get('dim')} (cosine, `<=>`)\n")
    lines.append(f"Data: {man.get('clusters')} gaussian clusters, sigma {man.get('sigma')}, seed {man.get('seed')}; "
                 f"mean cosine similarity of the true 1st / 10th neighbour: {man.get('mean_cos_sim_nn1')} / "
                 f"{man.get('mean_cos_sim_nn10')}.\n")
    lines.append("| measurement | median | p95 | recall@10 vs exact | notes |")
    lines.append("|---|---|---|---|---|")
    if "load" in st:
        s, note = fmt_step(st["load"])
        lines.append(f"| COPY load (text format, server-side file) | {s} (total) | | | {note} |")
    if "vacuum_analyze" in st:
        s, note = fmt_step(st["vacuum_analyze"])
        lines.append(f"| VACUUM ANALYZE after load | {s} (total) | | | {note} |")
    ts = os.path.join(d, "table-size.txt")
    if os.path.exists(ts):
        rows, heap, tot = open(ts).read().strip().split("|")
        lines.append(f"| table size | {mib(int(heap))} heap, {mib(int(tot))} with PK | | | {int(rows):,} rows |")
    ex = jload(os.path.join(d, "exact.json"))
    if ex:
        lines.append(f"| exact top-10, seq scan (no vector index) | {ex['median_ms']:.2f} ms | {ex['p95_ms']:.2f} ms | "
                     f"1.0 (is the reference; vs generator ground truth {ex.get('recall_at_10_vs_java_gt')}) | "
                     f"pass medians {ex.get('pass_medians_ms')} ms, other cores {ex.get('pass_other_cores')} |")
    if "hnsw_build" in st:
        s, note = fmt_step(st["hnsw_build"])
        workers = set()
        for fn in sorted(os.listdir(d)):
            if fn.startswith("hnsw_build") and fn.endswith(".log"):
                for l in open(os.path.join(d, fn)):
                    if "using" in l and "parallel workers" in l:
                        workers.add(l.split("DEBUG:", 1)[1].strip())
        workers = "; ".join(sorted(workers))
        lines.append(f"| HNSW build (m=16, ef_construction=64) | {s} (total) | | | {note}; {workers} |")
    fl = os.path.join(d, "failed.tsv")
    if os.path.exists(fl):
        for l in open(fl):
            p = l.rstrip("\n").split("\t")
            lines.append(f"| {p[0]} did not complete: {' '.join(p[1:])} | skipped | | | HNSW measurements skipped |")
    isz = first_int(os.path.join(d, "index-size.txt"))
    if isz:
        lines.append(f"| HNSW index size | {mib(isz)} | | | |")
    for ef in (40, 100, 200):
        h = jload(os.path.join(d, f"hnsw-ef{ef}.json"))
        if h:
            lines.append(f"| HNSW top-10, hnsw.ef_search={ef} | {h['median_ms']:.2f} ms | {h['p95_ms']:.2f} ms | "
                         f"{h['recall_at_10_vs_truth']:.4f} (vs generator GT {h.get('recall_at_10_vs_java_gt')}) | "
                         f"pass medians {h.get('pass_medians_ms')} ms, other cores {h.get('pass_other_cores')} |")
    lines.append("")


def text_section(lines):
    d = os.path.join(RAW, "text-200k")
    if not os.path.isdir(d):
        return
    man = kv(os.path.join(d, "data-manifest.txt"))
    st = steps(os.path.join(d, "steps.tsv"))
    lines.append(f"### PostgreSQL full-text search, {int(man.get('docs', 0)):,} documents "
                 f"({man.get('doc_len')}, Zipf s={man.get('zipf_s')}, vocabulary {man.get('vocab_size')})\n")
    lines.append("| measurement | median | p95 | notes |")
    lines.append("|---|---|---|---|")
    if "load" in st:
        s, note = fmt_step(st["load"])
        lines.append(f"| COPY load | {s} (total) | | {note} |")
    ts = os.path.join(d, "table-size.txt")
    if os.path.exists(ts):
        rows, heap, tot = open(ts).read().strip().split("|")
        lines.append(f"| table size | {mib(int(heap))} heap, {mib(int(tot))} with PK+TOAST | | {int(rows):,} rows |")

    def qrow(name, label):
        j = jload(os.path.join(d, f"{name}.json"))
        if j:
            lines.append(f"| {label} | {j['median_ms']:.2f} ms | {j['p95_ms']:.2f} ms | "
                         f"max {j['max_ms']:.0f} ms; {j['zero_result_queries']} of {j['n']} queries return 0 rows; "
                         f"pass medians {j.get('pass_medians_ms')} ms, other cores {j.get('pass_other_cores')} |")

    qrow("fts-noindex", "top-10 ts_rank_cd query, **no index** (seq scan, to_tsvector per row)")
    if "gin_build" in st:
        s, note = fmt_step(st["gin_build"])
        lines.append(f"| GIN build on to_tsvector('english', body) | {s} (total) | | {note} |")
    isz = first_int(os.path.join(d, "index-size.txt"))
    if isz:
        lines.append(f"| GIN index size | {mib(isz)} | | |")
    qrow("fts-gin", "top-10 ts_rank_cd query, **GIN expression index**")
    if "tsvcol_add" in st:
        s, note = fmt_step(st["tsvcol_add"])
        lines.append(f"| extra: ADD stored generated tsvector column (table rewrite) | {s} (total) | | {note} |")
    if "tsvcol_gin_build" in st:
        s, note = fmt_step(st["tsvcol_gin_build"])
        lines.append(f"| extra: GIN build on the stored tsvector column | {s} (total) | | {note} |")
    qrow("fts-tsvcol-gin", "extra: same queries on stored tsvector column + GIN")
    lines.append("")
    mc = os.path.join(d, "match-counts.tsv")
    qf = os.path.join(d, "queries.tsv")
    if os.path.exists(mc) and os.path.exists(qf):
        counts = {}
        for l in open(mc):
            q, c = l.split("\t")
            counts[int(q)] = int(c)
        cls = {}
        for l in open(qf):
            p = l.rstrip("\n").split("\t")
            cls[int(p[0])] = p[2]
        allc = sorted(counts.values())
        lines.append(f"Matching documents per query (AND of the words): median {statistics.median(allc):.0f}, "
                     f"max {allc[-1]:,}, {sum(1 for c in allc if c == 0)} queries match nothing.")
        gin = {}
        gp = os.path.join(d, "fts-gin.tsv")
        if os.path.exists(gp):
            for l in open(gp):
                p = l.split("\t")
                gin[int(p[0])] = float(p[1])
        if gin:
            buckets = [("0", lambda c: c == 0), ("1-100", lambda c: 1 <= c <= 100),
                       ("101-10,000", lambda c: 101 <= c <= 10000), (">10,000", lambda c: c > 10000)]
            lines.append("\nGIN-indexed latency by number of matching documents:\n")
            lines.append("| matching docs | queries | median ms | max ms |")
            lines.append("|---|---|---|---|")
            for name, f in buckets:
                v = sorted(gin[q] for q in gin if f(counts.get(q, 0)))
                if v:
                    lines.append(f"| {name} | {len(v)} | {statistics.median(v):.2f} | {v[-1]:.2f} |")
        lines.append("")


MACHINE_KEYS = ["date_utc", "nproc", "cpu_model", "cpu_family_model", "cpu_simd", "hypervisor", "l3_cache",
                "mem_total", "kernel", "os", "postgresql_server", "postgresql_pkg", "pgvector_pkg", "java", "python",
                "wamerican", "niceness", "loadavg_at_start"]

METHOD = ("Latencies are client-side round trips measured by psql `\\timing` (one connection over "
          "127.0.0.1 TCP, queries sent one after another, simple-query protocol, so parse+plan+execute+"
          "result transfer are included). Each figure is from 200 distinct queries after a warm-up pass; "
          "the query set was run several times in the same session and the reported pass is the one with the "
          "least CPU use by other processes (\"other cores\" = average number of cores busy with non-PostgreSQL "
          "work during that pass; the machine is shared). median = middle of 200; p95 = nearest rank "
          "(10th slowest).\n")


def machine_table(L):
    m = kv(os.path.join(RAW, "machine.txt"))
    L.append("| | |\n|---|---|")
    for k in MACHINE_KEYS:
        if k in m:
            L.append(f"| {k} | {m[k]} |")
    L.append("")


def reference_sections(L):
    vec_section("100k", L)
    vec_section("1m", L)
    text_section(L)


def has_reference():
    return any(os.path.isdir(os.path.join(RAW, s)) for s in ("vec-100k", "vec-1m", "text-200k"))


def reference_only():
    L = []
    L.append("# Reference numbers: PostgreSQL + pgvector (vector) and PostgreSQL full-text search (keyword)\n")
    L.append("Generated by `bench/reference/report.py` from `bench/target/reference/raw/` (written by "
             "`bench/run.sh`). Reproduce everything from scratch (as root, from the repository root):\n")
    L.append("```\nbench/run.sh            # 100k vectors + text, then the Lakebench harness\n"
             "bench/run.sh --with-1m  # also the 1,000,000-vector set\n```\n")
    L.append("## Machine and versions\n")
    machine_table(L)
    L.append("## Results\n")
    L.append(METHOD)
    reference_sections(L)
    notes = os.path.join(HERE, "NOTES.md")
    if os.path.exists(notes):
        L.append(open(notes).read())
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "RESULTS.md"), "w") as f:
        f.write("\n".join(L) + "\n")
    print(f"wrote {os.path.join(OUT, 'RESULTS.md')}", file=sys.stderr)


def lakebench_table(path):
    """The harness's results table and notes, without its title (its environment table is kept)."""
    if not path or not os.path.exists(path):
        return ["The Lakebench harness did not run (no results file).\n"]
    out = []
    for line in open(path):
        line = line.rstrip("\n")
        if line.startswith("# "):
            continue
        out.append(line)
    return out


def combined(opts):
    L = []
    L.append("# Lakebench benchmark report\n")
    if opts.get("--command"):
        L.append(f"Produced by `{opts['--command']}` (from the repository root). Lakebench and the reference "
                 "engines ran on the same machine in the same run, on the same generated data.\n")
    L.append("## Machine and versions\n")
    machine_table(L)
    vf = opts.get("--data-verify")
    if vf and os.path.exists(vf):
        L.append("Generated data sets, checked against `bench/reference/data-sha256.txt`: "
                 + "; ".join(l.strip().replace(" ", ": ", 1) for l in open(vf) if l.strip()) + ".\n")
    L.append("## Lakebench next to the references\n")
    L.extend(lakebench_table(opts.get("--lakebench")))
    L.append("")
    L.append("## Reference engines\n")
    if has_reference():
        L.append(METHOD)
        reference_sections(L)
        L.append("How the reference engines were set up and measured: `bench/reference/NOTES.md`.\n")
    else:
        L.append(f"Not run in this run: {opts.get('--skipped') or 'no raw results found in ' + RAW}.\n")
    out = opts["--out"]
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        f.write("\n".join(L) + "\n")
    print(f"wrote {out}", file=sys.stderr)


def main():
    args = sys.argv[1:]
    if not args:
        reference_only()
        return
    opts = dict(zip(args[0::2], args[1::2]))
    if "--out" not in opts:
        raise SystemExit(__doc__)
    combined(opts)


if __name__ == "__main__":
    main()
