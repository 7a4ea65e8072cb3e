#!/usr/bin/env python3
"""Helpers for the PostgreSQL reference benchmarks (stdlib only; called by lib.sh and the *-bench.sh scripts).

  tools.py vecsql  <queries.tsv> <table> <out.sql> <warm.sql> <nwarm>
  tools.py textsql <queries.tsv> <mode: expr|col> <out.sql> <warm.sql> <nwarm>
  tools.py parse   <psql-output> <cpu-snaps> <outdir> <name>
                   # -> <name>.pK.tsv (q \t ms \t id,id,...) per pass, <name>.passes.json,
                   #    <name>.tsv = copy of the pass with the lowest other_cores
  tools.py summarize <timings.tsv> [--truth exact.tsv] [--gt gt10.tsv] --json out.json
  tools.py stepms  <psql-output>                    # sum of all 'Time:' lines in ms
  tools.py cpusnap start|end                        # one line: CPU counters (see below)
  tools.py cpudiff <snap-a-line> <snap-b-line>      # JSON: CPU use between two snapshots

CPU accounting (the box is shared, other jobs may run): from /proc/stat (all CPUs) and
/proc/<pid>/stat of every process owned by OS user postgres (utime+stime, plus the
postmaster's cutime+cstime, which collects exited backends and parallel workers).
"other_cores" = average number of cores busy with anything that is not PostgreSQL
(includes the psql client, which is small) during the interval; "steal_cores" = hypervisor
steal.

Latency statistics: median = mean of the two middle values for an even count;
p95 = nearest-rank (sorted[ceil(0.95*n)-1]).
"""
import json
import math
import re
import sys

TIME_RE = re.compile(r"^Time: ([0-9.]+) ms")


def vecsql(qtsv, table, out, warm, nwarm):
    lines = []
    with open(qtsv) as f:
        for line in f:
            qid, vec = line.rstrip("\n").split("\t")
            lines.append((int(qid), vec))
    with open(out, "w") as o, open(warm, "w") as w:
        for i, (qid, vec) in enumerate(lines):
            sql = f"SELECT {qid} AS q, id FROM {table} ORDER BY embedding <=> '{vec}' LIMIT 10;\n"
            o.write(f"\\echo Q {qid}\n{sql}")
            if i < nwarm:
                w.write(sql)


def textsql(qtsv, mode, out, warm, nwarm):
    if mode == "expr":
        doc = "to_tsvector('english', body)"
    elif mode == "col":
        doc = "tsv"
    else:
        raise SystemExit("mode must be expr or col")
    rows = []
    with open(qtsv) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            qid, words = parts[0], parts[1]
            assert re.fullmatch(r"[a-z ]+", words)
            rows.append((int(qid), words))
    with open(out, "w") as o, open(warm, "w") as w:
        for i, (qid, words) in enumerate(rows):
            tq = f"plainto_tsquery('english', '{words}')"
            sql = (f"SELECT {qid} AS q, id FROM docs WHERE {doc} @@ {tq} "
                   f"ORDER BY ts_rank_cd({doc}, {tq}) DESC LIMIT 10;\n")
            o.write(f"\\echo Q {qid}\n{sql}")
            if i < nwarm:
                w.write(sql)


def parse(psqlout, cpufile, outdir, name):
    passes = {}  # pass -> list of (q, ms, ids)
    p = None
    cur = None
    ids = []
    with open(psqlout) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("PASS "):
                p = int(line[5:])
                passes[p] = []
                cur = None
                continue
            if line.startswith("Q "):
                cur = int(line[2:])
                ids = []
                continue
            m = TIME_RE.match(line)
            if m:
                if cur is not None and p is not None:
                    passes[p].append((cur, float(m.group(1)), ids))
                cur = None
                continue
            if cur is not None and "|" in line:
                q, i = line.split("|", 1)
                assert int(q) == cur, line
                ids.append(int(i))
    with open(cpufile) as f:
        snaps = [l.strip() for l in f if l.strip()]
    info = []
    for k in sorted(passes):
        path = f"{outdir}/{name}.p{k}.tsv"
        with open(path, "w") as o:
            for q, ms, ids in passes[k]:
                o.write(f"{q}\t{ms:.3f}\t{','.join(map(str, ids))}\n")
        ms = sorted(x[1] for x in passes[k])
        d = {"pass": k, "n": len(ms), "median_ms": round(median(ms), 3), "p95_ms": round(pct(ms, 0.95), 3)}
        d.update(cpudiff(snaps[2 * (k - 1)], snaps[2 * (k - 1) + 1], as_dict=True))
        info.append(d)
    best = min(info, key=lambda d: (d["other_cores"], d["pass"]))
    import shutil
    shutil.copyfile(f"{outdir}/{name}.p{best['pass']}.tsv", f"{outdir}/{name}.tsv")
    with open(f"{outdir}/{name}.passes.json", "w") as o:
        json.dump({"selected_pass": best["pass"], "passes": info}, o, indent=1)
        o.write("\n")
    print(f"{name}: " + "; ".join(f"pass {d['pass']}: median {d['median_ms']} ms p95 {d['p95_ms']} ms other_cores {d['other_cores']}" for d in info)
          + f" -> selected pass {best['pass']}", file=sys.stderr)


def load(tsv):
    d = {}
    with open(tsv) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            q, ms = int(parts[0]), float(parts[1])
            ids = [int(x) for x in parts[2].split(",")] if len(parts) > 2 and parts[2] else []
            d[q] = (ms, ids)
    return d


def load_gt(tsv):
    d = {}
    with open(tsv) as f:
        for line in f:
            q, ids = line.rstrip("\n").split("\t")
            d[int(q)] = [int(x) for x in ids.split(",")]
    return d


def pct(sorted_vals, p):
    n = len(sorted_vals)
    return sorted_vals[max(0, math.ceil(p * n) - 1)]


def median(sorted_vals):
    n = len(sorted_vals)
    return sorted_vals[n // 2] if n % 2 else (sorted_vals[n // 2 - 1] + sorted_vals[n // 2]) / 2


def recall(res, truth, k=10):
    tot = 0.0
    for q, (_, ids) in res.items():
        t = set(truth[q][:k])
        tot += len(set(ids[:k]) & t) / k
    return tot / len(res)


def summarize(args):
    tsv = args[0]
    opts = dict(zip(args[1::2], args[2::2]))
    res = load(tsv)
    ms = sorted(v[0] for v in res.values())
    out = {
        "n": len(ms),
        "median_ms": round(median(ms), 3),
        "p95_ms": round(pct(ms, 0.95), 3),
        "p99_ms": round(pct(ms, 0.99), 3),
        "mean_ms": round(sum(ms) / len(ms), 3),
        "min_ms": round(ms[0], 3),
        "max_ms": round(ms[-1], 3),
        "zero_result_queries": sum(1 for v in res.values() if not v[1]),
    }
    if "--truth" in opts:
        truth = {q: v[1] for q, v in load(opts["--truth"]).items()}
        out["recall_at_10_vs_truth"] = round(recall(res, truth), 4)
    if "--gt" in opts:
        out["recall_at_10_vs_java_gt"] = round(recall(res, load_gt(opts["--gt"])), 4)
    if "--passes" in opts:
        with open(opts["--passes"]) as f:
            pj = json.load(f)
        sel = [d for d in pj["passes"] if d["pass"] == pj["selected_pass"]][0]
        out["selected_pass"] = pj["selected_pass"]
        out["other_cores_selected"] = sel["other_cores"]
        out["postgres_cores_selected"] = sel["postgres_cores"]
        out["pass_medians_ms"] = [d["median_ms"] for d in pj["passes"]]
        out["pass_p95_ms"] = [d["p95_ms"] for d in pj["passes"]]
        out["pass_other_cores"] = [d["other_cores"] for d in pj["passes"]]
    js = json.dumps(out, indent=1)
    if "--json" in opts:
        with open(opts["--json"], "w") as o:
            o.write(js + "\n")
    print(js)


def stepms(psqlout):
    tot = 0.0
    with open(psqlout) as f:
        for line in f:
            m = TIME_RE.match(line)
            if m:
                tot += float(m.group(1))
    print(f"{tot:.3f}")


def _pg_uid():
    import pwd
    return pwd.getpwnam("postgres").pw_uid


def _proc_stat():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    busy = v[0] + v[1] + v[2] + v[5] + v[6]  # user nice system irq softirq
    steal = v[7] if len(v) > 7 else 0
    return busy, steal


def _pg_ticks():
    import os
    uid = _pg_uid()
    pg = 0
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            if os.stat(f"/proc/{d}").st_uid != uid:
                continue
            with open(f"/proc/{d}/stat") as f:
                st = f.read()
            fld = st[st.rindex(")") + 2:].split()
            # fields after comm: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            ppid = int(fld[1])
            pg += int(fld[11]) + int(fld[12])
            if ppid == 1 or not _is_pg(ppid, uid):
                pg += int(fld[13]) + int(fld[14])  # postmaster: reaped children
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return pg


def _self_ticks():
    with open("/proc/self/stat") as f:
        st = f.read()
    fld = st[st.rindex(")") + 2:].split()
    return int(fld[11]) + int(fld[12])


def cpusnap(mode="start"):
    """start: scan PostgreSQL processes, then read the global counters (so the scan is
    outside the interval); end: read the global counters first and remember this process's
    own CPU so far (subtracted later), then scan."""
    import time
    if mode == "start":
        pg = _pg_ticks()
        busy, steal = _proc_stat()
        t = time.time()
        selft = 0
    else:
        busy, steal = _proc_stat()
        t = time.time()
        selft = _self_ticks()
        pg = _pg_ticks()
    with open("/proc/loadavg") as f:
        la = f.read().split()[0]
    print(f"{t:.3f} {busy} {steal} {pg} {la} {selft}")


def _is_pg(pid, uid):
    import os
    try:
        return os.stat(f"/proc/{pid}").st_uid == uid
    except FileNotFoundError:
        return False


def cpudiff(a, b, as_dict=False):
    import os
    hz = os.sysconf("SC_CLK_TCK")
    ta, ba, sa, pa, la, _ = a.split()
    tb, bb, sb, pb, lb, selfb = b.split()
    wall = float(tb) - float(ta)
    busy = (int(bb) - int(ba) - int(selfb)) / hz / wall
    steal = (int(sb) - int(sa)) / hz / wall
    pg = (int(pb) - int(pa)) / hz / wall
    d = {"wall_s": round(wall, 2), "busy_cores": round(busy, 2), "postgres_cores": round(pg, 2),
         "other_cores": round(max(0.0, busy - pg), 2), "steal_cores": round(steal, 2),
         "loadavg1_end": float(lb)}
    if as_dict:
        return d
    print(json.dumps(d))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "vecsql":
        vecsql(args[0], args[1], args[2], args[3], int(args[4]))
    elif cmd == "textsql":
        textsql(args[0], args[1], args[2], args[3], int(args[4]))
    elif cmd == "parse":
        parse(args[0], args[1], args[2], args[3])
    elif cmd == "summarize":
        summarize(args)
    elif cmd == "stepms":
        stepms(args[0])
    elif cmd == "cpusnap":
        cpusnap(args[0] if args else "start")
    elif cmd == "cpudiff":
        cpudiff(args[0], args[1])
    else:
        raise SystemExit(__doc__)
