#!/usr/bin/env python3
"""Aggregate nonlinear-bench runs of a stock and a patched kernel.

usage: bench-report.py RESULTS_DIR [--out DIR] [--base stock] [--new patched] [--no-plot]

RESULTS_DIR holds raw-<kernel>-<rep>.jsonl (the output of nonlinear-bench, one JSON object
a line; other lines, such as kernel messages, are ignored) and optionally meta.json.
Measurements are grouped by their key (workload, method, op, order, mode, n, limit_raised,
fault_around); each kernel's runs give a median and a spread. Prints a table and the goals,
and writes results.json, results.csv, plot data, plot.gp and (with gnuplot) plot.svg and
plot.png to the output directory (default: RESULTS_DIR).
"""
import argparse
import csv
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

KEY_FIELDS = ["workload", "method", "op", "order", "mode", "n", "limit_raised", "fault_around"]
WORKLOAD_ORDER = ["remap", "worstcase", "fault", "kmem", "teardown", "reclaim", "stressng"]
GOAL_NS = [1000, 10000, 60000, 250000, 1000000]

# (workload, field) -> kind, unit, scale of the displayed value. Kinds: "time" (lower is
# better, ratio stock/patched), "mem" (ratio patched/stock), "rate" (ratio patched/stock),
# "count" (no ratio).
METRICS = {
    ("remap", "ns_per_op"): ("time", "us/op", 1e-3),
    ("worstcase", "total_s"): ("time", "s", 1.0),
    ("fault", "ns_per_op"): ("time", "ns/fault", 1.0),
    ("kmem", "bytes_per_window"): ("mem", "B/window", 1.0),
    ("kmem", "slab_bytes_per_window"): ("mem", "B/window", 1.0),
    ("kmem", "pagetable_bytes_per_window"): ("mem", "B/window", 1.0),
    ("teardown", "total_s"): ("time", "ms", 1e3),
    ("reclaim", "mib_s"): ("rate", "MiB/s", 1.0),
    ("reclaim", "refault_ns_per_page"): ("time", "ns/page", 1.0),
    ("reclaim", "passes"): ("count", "passes", 1.0),
    ("stressng", "ops_per_s"): ("rate", "bogo ops/s", 1.0),
}


def load(resdir):
    """Returns ({kernel: [(rep, record)]}, {kernel: env}, ignored line count)."""
    runs, envs, ignored = {}, {}, 0
    for path in sorted(glob.glob(os.path.join(resdir, "raw-*-*.jsonl"))):
        m = re.match(r"raw-(.+)-([^-]+)\.jsonl$", os.path.basename(path))
        if not m:
            continue
        kernel, rep = m.group(1), m.group(2)
        runs.setdefault(kernel, [])
        with open(path, errors="replace") as f:
            for line in f:
                a, b = line.find("{"), line.rfind("}")
                if a < 0 or b < a:
                    ignored += bool(line.strip())
                    continue
                try:
                    rec = json.loads(line[a:b + 1])
                except ValueError:
                    ignored += 1
                    continue
                if not isinstance(rec, dict) or "workload" not in rec:
                    ignored += 1
                elif rec["workload"] == "env":
                    envs.setdefault(kernel, rec)
                else:
                    runs[kernel].append((rep, rec))
    return runs, envs, ignored


def key_of(rec):
    return tuple((k, rec[k]) for k in KEY_FIELDS if k in rec)


def failure(rec):
    """The text a failed or skipped measurement shows instead of a number."""
    if rec.get("skipped"):
        err = rec.get("error") or ""
        return "skip:" + rec["skipped"] + (" " + err if err else "")
    if rec.get("error"):
        at = rec.get("failed_at", -1)
        return rec["error"] + ("@%d" % at if at is not None and at >= 0 else "")
    if rec.get("verified") is False:
        return "BADDATA"
    return "failed"


def stats(values):
    if not values:
        return None
    med = statistics.median(values)
    lo, hi = min(values), max(values)
    q = statistics.quantiles(values, n=4) if len(values) >= 2 else [med, med, med]
    return {"median": med, "min": lo, "max": hi, "n": len(values),
            "spread": (hi - lo) / abs(med) if med else 0.0,
            "iqr_rel": (q[2] - q[0]) / abs(med) if med else 0.0}


def aggregate(runs):
    """{(key, field): {kernel: cell}}; a cell has stats of the ok runs and failures."""
    figs = {}
    for kernel, recs in runs.items():
        for rep, rec in recs:
            for (wl, field), _ in METRICS.items():
                if wl != rec["workload"]:
                    continue
                if field not in rec and rec.get("ok", False):
                    continue
                cell = figs.setdefault((key_of(rec), field), {}).setdefault(
                    kernel, {"values": [], "fails": [], "reps": 0, "unverified": 0})
                cell["reps"] += 1
                good = rec.get("ok") and rec.get(field) is not None and \
                    rec.get("verified", True) is not False
                if good:
                    cell["values"].append(float(rec[field]))
                else:
                    cell["fails"].append(failure(rec))
                if rec.get("verified") is False:
                    cell["unverified"] += 1
    for cells in figs.values():
        for cell in cells.values():
            cell["stats"] = stats(cell["values"])
    return figs


def fig_name(key, field):
    k = dict(key)
    parts = [k["workload"]]
    for f in ("op", "method", "mode", "order"):
        if f in k and not (f == "method" and k[f] == "remap" and
                           k["workload"] in ("remap", "worstcase")):
            parts.append(str(k[f]))
    if "fault_around" in k:
        parts.append("fa=" + str(k["fault_around"]))
    if "n" in k:
        parts.append("n=%d" % k["n"])
    if k.get("limit_raised"):
        parts.append("(limit raised)")
    if field != primary_field(k["workload"]):
        parts.append(field)
    return " ".join(parts)


def primary_field(wl):
    return {"remap": "ns_per_op", "worstcase": "total_s", "fault": "ns_per_op",
            "kmem": "bytes_per_window", "teardown": "total_s", "reclaim": "mib_s",
            "stressng": "ops_per_s"}.get(wl)


def sort_key(item):
    (key, field), _ = item
    k = dict(key)
    wl = k["workload"]
    return (WORKLOAD_ORDER.index(wl) if wl in WORKLOAD_ORDER else 99,
            field != primary_field(wl), str(k.get("op", "")), k.get("mode") != "populate",
            str(k.get("order", "")), k.get("method") != "remap", str(k.get("method", "")),
            str(k.get("fault_around", "")),
            k.get("n", 0), bool(k.get("limit_raised")))


def fmtnum(v):
    a = abs(v)
    if a >= 100:
        return "%.0f" % v
    if a >= 10:
        return "%.1f" % v
    if a >= 1:
        return "%.2f" % v
    return "%.3g" % v


def cell_text(cell, scale):
    if not cell:
        return "-"
    st = cell["stats"]
    if st is None:
        fails = sorted(set(cell["fails"]))
        return fails[0] + ("(+%d)" % (len(fails) - 1) if len(fails) > 1 else "")
    txt = fmtnum(st["median"] * scale)
    return txt + ("*" if cell["fails"] else "")


def ratio(kind, base, new):
    """stock/patched for times, patched/stock for memory and rates; None if not both ok."""
    if not base or not new or not base["stats"] or not new["stats"] or kind == "count":
        return None
    b, n = base["stats"]["median"], new["stats"]["median"]
    if kind == "time":
        return b / n if n else None
    return n / b if b else None


def mk_key(**kw):
    return tuple((f, kw[f]) for f in KEY_FIELDS if f in kw)


def with_field(key, field, value):
    d = dict(key)
    d[field] = value
    return mk_key(**d)


def best(figs, key, field, kernel):
    """The stats of key at the default limit, or with the limit raised if that failed."""
    cands = [key]
    if "limit_raised" in dict(key):
        cands = [with_field(key, "limit_raised", False), with_field(key, "limit_raised", True)]
    for k in cands:
        cell = figs.get((k, field), {}).get(kernel)
        if cell and cell["stats"]:
            return cell["stats"]
    return None


def goals(figs, base, new):
    out = []

    def add(goal, status, detail):
        out.append({"goal": goal, "status": status, "detail": detail})

    for mode, need, label in (("populate", 4.0, "populate remap >=4x faster than stock at "
                                "every N 1k..1M"),
                              ("nonblock", 10.0, "MAP_NONBLOCK remap >=10x faster than stock "
                               "at every N 1k..1M")):
        det, bad, missing = [], False, []
        for n in GOAL_NS:
            rs = []
            for order in ("random", "reverse"):
                k = mk_key(workload="remap", method="remap", order=order, mode=mode, n=n,
                           limit_raised=False)
                s, p = best(figs, k, "ns_per_op", base), best(figs, k, "ns_per_op", new)
                if s and p:
                    rs.append((s["median"] / p["median"], order))
            if not rs:
                missing.append(n)
                continue
            r, order = min(rs)
            bad |= r < need
            det.append("N=%d %.1fx (%s)" % (n, r, order))
        status = "MISSED" if bad else ("incomplete" if missing else "met")
        if missing:
            det.append("no data for N=" + ",".join(map(str, missing)))
        add(label, status, "; ".join(det) or "no data")

    det, bad, spans = [], False, []
    for mode in ("populate", "nonblock"):
        for order in ("random", "reverse"):
            vals = {}
            for n in GOAL_NS:
                k = mk_key(workload="remap", method="remap", order=order, mode=mode, n=n,
                           limit_raised=False)
                p = best(figs, k, "ns_per_op", new)
                if p:
                    vals[n] = p["median"]
            if len(vals) < 2:
                continue
            spread = max(vals.values()) / min(vals.values())
            bad |= spread > 1.2
            spans.append((min(vals), max(vals)))
            det.append("%s %s max/min %.2f over N=%d..%d" % (mode, order, spread, min(vals),
                                                             max(vals)))
    complete = spans and all(lo <= 1000 and hi >= 1000000 for lo, hi in spans)
    add("patched cost per remap flat within 20% from 1k to 1M",
        "MISSED" if bad else ("met" if complete else "incomplete"), "; ".join(det) or "no data")

    goal = "file-PTE fault <=1.2x linear shmem minor fault (fault-around off)"
    found = None
    for (key, field), cells in sorted(figs.items(), key=sort_key):
        k = dict(key)
        if k["workload"] == "fault" and k.get("method") == "remap" and field == "ns_per_op":
            nl = best(figs, key, field, new)
            lin = best(figs, with_field(key, "method", "linear"), field, new)
            if nl and lin:
                found = (k.get("fault_around"), nl["median"], lin["median"])
    if found:
        fa, nl, lin = found
        detail = "file-PTE fault %.0f ns, linear minor fault %.0f ns: %.2fx" % (nl, lin, nl / lin)
        if fa == "4096":
            add(goal, "met" if nl / lin <= 1.2 else "MISSED", detail)
        else:
            add(goal, "n/a", detail + " (fault-around was not turned off: no debugfs)")
    else:
        add(goal, "incomplete", "no data")

    det, bad = [], False
    for (key, field), cells in sorted(figs.items(), key=sort_key):
        k = dict(key)
        if k["workload"] != "kmem" or field != "bytes_per_window":
            continue
        r = ratio("mem", cells.get(base), cells.get(new))
        if r is None:
            continue
        bad |= r > 1 / 20
        det.append("N=%d stock %.0f B, patched %.1f B: 1/%s" % (
            k["n"], cells[base]["stats"]["median"], cells[new]["stats"]["median"],
            "%.0f" % (1 / r) if r > 0 else "inf"))
    add("kernel memory per window <=1/20 of stock", "MISSED" if bad else
        ("met" if det else "incomplete"), "; ".join(det) or "no data")

    k = mk_key(workload="teardown", method="remap", op="munmap", n=65000, limit_raised=True)
    s, p = best(figs, k, "total_s", base), best(figs, k, "total_s", new)
    if not (s and p):
        k = mk_key(workload="teardown", method="remap", op="munmap", n=65000,
                   limit_raised=False)
        s, p = best(figs, k, "total_s", base), best(figs, k, "total_s", new)
    if s and p:
        r = s["median"] / p["median"]
        add("munmap of a 65k-window mapping >=20x faster", "met" if r >= 20 else "MISSED",
            "stock %.2f ms, patched %.3f ms: %.1fx" % (s["median"] * 1e3, p["median"] * 1e3, r))
    else:
        add("munmap of a 65k-window mapping >=20x faster", "incomplete", "no data")

    det = None
    for (key, field), cells in figs.items():
        k = dict(key)
        if k["workload"] != "worstcase" or field != "total_s" or k.get("limit_raised"):
            continue
        s, p = best(figs, key, field, base), best(figs, key, field, new)
        if s and p:
            r = s["median"] / p["median"]
            det = (r, "N=%d: stock %.2f s, patched %.2f s: %.1fx" % (
                k["n"], s["median"], p["median"], r))
    if det:
        add("worst case (1M random remaps) >=2.5x faster", "met" if det[0] >= 2.5 else "MISSED",
            det[1])
    else:
        add("worst case (1M random remaps) >=2.5x faster", "incomplete", "no data")
    return out


def plot(figs, base, new, envs, outdir, kernels):
    """Cost per remap against the number of windows, stock, patched and mmap_fixed."""
    series, xs = [], []
    styles = {base: (base, "#d62728"), new: (new, "#1f77b4"),
              "mmap_fixed": ("mmap(MAP_FIXED)", "#7f7f7f")}
    for order in ("random", "reverse"):
        for mode in ("populate", "nonblock"):
            for who in (base, new, "mmap_fixed"):
                method, kernel = ("mmap_fixed", new if new in kernels else base) \
                    if who == "mmap_fixed" else ("remap", who)
                rows = []
                ns = sorted({dict(k).get("n") for (k, f) in figs
                             if dict(k).get("workload") == "remap" and f == "ns_per_op"})
                for n in ns:
                    k = mk_key(workload="remap", method=method, order=order, mode=mode, n=n,
                               limit_raised=False)
                    st = best(figs, k, "ns_per_op", kernel)
                    if st:
                        rows.append((n, st["median"] / 1e3, st["min"] / 1e3, st["max"] / 1e3))
                if not rows:
                    continue
                name = "plot-%s-%s-%s.dat" % (order, mode, who)
                with open(os.path.join(outdir, name), "w") as f:
                    f.write("# n median_us min_us max_us\n")
                    for r in rows:
                        f.write("%d %.6g %.6g %.6g\n" % r)
                xs += [r[0] for r in rows]
                label, color = styles[who]
                series.append((order, name, "%s %s" % (label, "" if mode == "populate" else
                                                       "MAP_NONBLOCK" if who != "mmap_fixed"
                                                       else "no populate"),
                               color, 1 if mode == "populate" else 2))
    if not series:
        print("plot: no remap data", file=sys.stderr)
        return
    limit = next((e.get("max_map_count") for e in envs.values() if e.get("max_map_count")), 65530)
    gp = ["# generated by bench-report.py",
          "set termoption noenhanced",
          "set logscale xy", "set grid", "set key below maxrows 2 font ',9'",
          "set xrange [%g:%g]" % (min(xs + [limit]) / 2, max(xs + [limit]) * 2),
          "set xtics ('100' 100, '1k' 1000, '10k' 10000, '100k' 100000, '1M' 1000000, "
          "'10M' 10000000)",
          "set xlabel 'windows (single-page remaps)'", "set ylabel 'us per remap'",
          "set arrow 1 from %d, graph 0 to %d, graph 1 nohead dt 3 lc rgb '#555555'" % (limit,
                                                                                       limit),
          "set label 1 'default vm.max_map_count' at %d, graph 0.95 right offset -1,0 "
          "font ',8'" % limit,
          "set multiplot layout 1,2 title 'remap_file_pages(): cost per remap (median, "
          "min-max bars; past the default vm.max_map_count, %s and mmap ran with the limit "
          "raised)'" % base]
    for order in ("random", "reverse"):
        cur = [s for s in series if s[0] == order]
        gp.append("set title '%s order'" % order)
        if not cur:
            gp.append("plot 1/0 notitle")
            continue
        gp.append("plot " + ", \\\n     ".join(
            "'%s' using 1:2:3:4 with yerrorlines lc rgb '%s' dt %d pt 7 ps 0.6 title '%s'" % (
                name, color, dt, title.strip()) for _, name, title, color, dt in cur))
    gp.append("unset multiplot")
    body = "\n".join(gp) + "\n"
    with open(os.path.join(outdir, "plot.gp"), "w") as f:
        f.write("set terminal svg size 1200,560 dynamic font 'sans,11'\n"
                "set output 'plot.svg'\n" + body)
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        print("plot: gnuplot not found; data and plot.gp written", file=sys.stderr)
        return
    r = subprocess.run([gnuplot, "plot.gp"], cwd=outdir, capture_output=True, text=True)
    if r.returncode:
        print("plot: gnuplot failed:\n" + r.stderr, file=sys.stderr)
        return
    png = "set terminal pngcairo size 1200,560 font 'sans,10'\nset output 'plot.png'\n" + body
    subprocess.run([gnuplot], input=png, cwd=outdir, capture_output=True, text=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("resdir")
    ap.add_argument("--out", help="output directory (default: RESULTS_DIR)")
    ap.add_argument("--base", default="stock", help="kernel compared against (default stock)")
    ap.add_argument("--new", default="patched", help="kernel measured (default patched)")
    ap.add_argument("--no-plot", action="store_true")
    args = ap.parse_args()
    outdir = args.out or args.resdir
    os.makedirs(outdir, exist_ok=True)

    runs, envs, ignored = load(args.resdir)
    if not runs:
        sys.exit("bench-report: no raw-<kernel>-<rep>.jsonl in %s" % args.resdir)
    meta = {}
    if os.path.exists(os.path.join(args.resdir, "meta.json")):
        try:
            with open(os.path.join(args.resdir, "meta.json")) as f:
                meta = json.load(f)
        except ValueError as e:
            print("bench-report: meta.json ignored: %s" % e, file=sys.stderr)
    base, new = args.base, args.new
    kernels = [k for k in (base, new) if k in runs] + sorted(set(runs) - {base, new})
    figs = aggregate(runs)

    reps = {k: len({r for r, _ in v}) for k, v in runs.items()}
    print("nonlinear-bench results: %s" % args.resdir)
    if meta:
        print("meta: " + ", ".join("%s=%s" % kv for kv in sorted(meta.items())))
    for k in kernels:
        e = envs.get(k, {})
        print("  %-8s %d run(s): %s %s, page size %s, %s CPUs, %s MiB, swap %s MiB, "
              "fault_around_bytes %s" % (
                  k, reps[k], e.get("kernel", "?"), e.get("machine", "?"),
                  e.get("page_size", "?"), e.get("cpus", "?"),
                  (e.get("mem_total_kb") or 0) // 1024, (e.get("swap_total_kb") or 0) // 1024,
                  e.get("fault_around_bytes")))
        if "null_syscall_ns" in e:
            print("  %-8s null system call %s ns; meltdown: %s" % (
                "", e["null_syscall_ns"], e.get("meltdown") or "?"))
    if ignored:
        print("  (%d lines that are not measurements ignored)" % ignored)

    rows, records = [], []
    for (key, field), cells in sorted(figs.items(), key=sort_key):
        k = dict(key)
        kind, unit, scale = METRICS[(k["workload"], field)]
        is_remap = k["workload"] == "remap"
        mcells = figs.get((with_field(key, "method", "mmap_fixed"), field), {}) if is_remap else {}
        mf = mcells.get(new) or mcells.get(base)
        r = ratio(kind, cells.get(base), cells.get(new))
        name = fig_name(key, field)
        spread = "/".join("%.0f%%" % (100 * c["stats"]["spread"])
                          if c and c["stats"] and c["stats"]["n"] > 1 else "-"
                          for c in (cells.get(base), cells.get(new)))
        if not (is_remap and k.get("method") == "mmap_fixed"):
            rows.append([name, unit, cell_text(cells.get(base), scale),
                         cell_text(cells.get(new), scale),
                         "-" if r is None else ("%.3gx" % r),
                         cell_text(mf, scale) if is_remap else "", spread])
        rec = {"figure": name, "key": k, "metric": field, "unit": unit, "kind": kind,
               "ratio": r, "ratio_is": "%s/%s" % ((base, new) if kind == "time" else (new, base))}
        for kern in kernels:
            c = cells.get(kern)
            st = c["stats"] if c else None
            rec[kern] = None if not c else {
                "median": st and st["median"] * scale, "min": st and st["min"] * scale,
                "max": st and st["max"] * scale, "spread": st and st["spread"],
                "iqr_rel": st and st["iqr_rel"], "ok_runs": len(c["values"]),
                "runs": c["reps"], "failures": sorted(set(c["fails"])),
                "unverified": c["unverified"]}
        records.append(rec)

    hdr = ["figure", "unit", base, new, "ratio", "mmap_fixed", "spread %s/%s" % (base, new)]
    widths = [max(len(str(r[i])) for r in rows + [hdr]) for i in range(len(hdr))]
    print()
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in
                    enumerate(zip(hdr, widths))))
    print("  ".join("-" * w for w in widths))
    last = None
    for r in rows:
        wl = r[0].split()[0]
        if last and wl != last:
            print()
        last = wl
        print("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                        for i, (c, w) in enumerate(zip(r, widths))))
    print("\nratio: %s/%s for times (speedup), %s/%s for memory and MiB/s; "
          "* = some runs failed; mmap_fixed: the same pages mapped with one "
          "mmap(MAP_FIXED) each (%s kernel); spread: (max-min)/median over runs"
          % (base, new, new, base, new if new in kernels else base))

    notes = []
    for kern in kernels:
        bad = sum(1 for _, rec in runs[kern] if rec.get("verified") is False)
        if bad:
            notes.append("WARNING: %d measurement(s) on %s failed the content check "
                         "(verified=false)" % (bad, kern))
        nat = [rec.get("native") for _, rec in runs[kern]
               if rec["workload"] == "remap" and rec.get("method") == "remap" and rec.get("ok")]
        if nat:
            notes.append("%s: %d of %d successful remap measurements native (one VMA, nl)"
                         % (kern, sum(1 for x in nat if x), len(nat)))
        for (key, field), cells in figs.items():
            k = dict(key)
            if k["workload"] == "reclaim" and field == "mib_s" and k.get("method") == "remap":
                nl = best(figs, key, field, kern)
                lin = best(figs, with_field(key, "method", "linear"), field, kern)
                if nl and lin:
                    notes.append("%s: reclaim throughput nonlinear/linear %.2f (%.0f / %.0f "
                                 "MiB/s)" % (kern, nl["median"] / lin["median"], nl["median"],
                                             lin["median"]))
    if notes:
        print()
        for n in notes:
            print(n)

    gl = goals(figs, base, new) if base in kernels and new in kernels else []
    if gl:
        print("\ngoals (%s against %s):" % (new, base))
        for g in gl:
            print("  %-10s %s\n             %s" % (g["status"], g["goal"], g["detail"]))
    elif len(kernels) < 2 or base not in kernels or new not in kernels:
        print("\ngoals: need both '%s' and '%s' runs (have: %s)" % (base, new,
                                                                    ", ".join(kernels)))

    with open(os.path.join(outdir, "results.json"), "w") as f:
        json.dump({"meta": meta, "env": envs, "runs": reps, "figures": records, "goals": gl,
                   "notes": notes}, f, indent=1)
    with open(os.path.join(outdir, "results.csv"), "w", newline="") as f:
        w = csv.writer(f)
        cols = ["median", "min", "max", "spread", "ok_runs", "runs", "failures"]
        w.writerow(["figure"] + KEY_FIELDS + ["metric", "unit", "ratio", "ratio_is"] +
                   ["%s_%s" % (k, c) for k in kernels for c in cols])
        for rec in records:
            row = [rec["figure"]] + [rec["key"].get(f, "") for f in KEY_FIELDS] + \
                  [rec["metric"], rec["unit"], "" if rec["ratio"] is None else
                   "%.6g" % rec["ratio"], rec["ratio_is"]]
            for k in kernels:
                c = rec.get(k) or {}
                for col in cols:
                    v = c.get(col)
                    row.append(" ".join(v) if isinstance(v, list) else
                               "" if v is None else ("%.6g" % v if isinstance(v, float) else v))
            w.writerow(row)
    if not args.no_plot:
        plot(figs, base, new, envs, outdir, kernels)
    print("\nwritten: %s" % ", ".join(
        p for p in ("results.json", "results.csv", "plot.gp", "plot.svg", "plot.png")
        if os.path.exists(os.path.join(outdir, p))))


if __name__ == "__main__":
    main()
