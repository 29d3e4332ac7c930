"""Whole process against whole process: `petal` commands against numpy + scikit-learn doing the same work.

Usage (from the repository root, after `./mvnw -q -DskipTests -pl cli -am package`):
    /usr/bin/python3 benchmarks/scale/compare.py [--runs N] [--quick] [--work DIR]

Each case runs Petal (A) and Python (B) in turn, A B A B ..., N times each; wall seconds are a monotonic
clock around the child, CPU seconds and peak RSS the kernel's accounting of that child (os.wait4).
Prints one markdown table of medians and the A/B ratios of the medians.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "benchmarks", "scale")
PETAL = os.path.join(ROOT, "bin", "petal")
PY = "/usr/bin/python3"


def measure(cmd, env=None):
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss / 1024.0, "code": code, "err": err}


def pair(name, a, b, runs, env=None):
    ra, rb = [], []
    for _ in range(runs):
        ra.append(measure(a, env))
        if b:
            rb.append(measure(b))
    for r in ra + rb:
        if r["code"] != 0:
            print(f"{name}: exit {r['code']}: {r['err'].strip()[:300]}", file=sys.stderr)
    med = lambda rs, k: statistics.median(r[k] for r in rs)
    row = {"case": name, "a_wall": med(ra, "wall"), "a_cpu": med(ra, "cpu"), "a_rss": max(r["rss"] for r in ra),
           "a_err": ra[-1]["err"].strip()}
    if rb:
        row.update({"b_wall": med(rb, "wall"), "b_cpu": med(rb, "cpu"), "b_rss": max(r["rss"] for r in rb)})
    print(fmt(row), flush=True)
    return row


def fmt(r):
    if "b_wall" not in r:
        return (f"| {r['case']} | {r['a_wall']:.2f} s, {r['a_cpu']:.2f} s CPU, {r['a_rss']:.0f} MB | | | |")
    return (f"| {r['case']} | {r['a_wall']:.2f} s, {r['a_cpu']:.2f} s CPU, {r['a_rss']:.0f} MB "
            f"| {r['b_wall']:.2f} s, {r['b_cpu']:.2f} s CPU, {r['b_rss']:.0f} MB "
            f"| {r['a_wall'] / r['b_wall']:.2f} (CPU {r['a_cpu'] / r['b_cpu']:.2f}) | {r['a_rss'] / r['b_rss']:.2f} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="only the 15,000-row cases")
    ap.add_argument("--work", default="/tmp/petal-scale-bench")
    args = ap.parse_args()
    w = args.work
    os.makedirs(w, exist_ok=True)

    def data(n, d, name, seed=0):
        path = os.path.join(w, name)
        if not os.path.exists(path):
            subprocess.run([PY, os.path.join(HERE, "make_csv.py"), str(n), str(d), path, str(seed)], check=True)
        return path

    f15 = data(15_000, 20, "c15k.csv")
    t15 = data(15_000, 20, "c15k_test.csv", seed=1)
    subprocess.run([PETAL, "--version"], check=True, stdout=subprocess.DEVNULL)   # builds the class-data archive once
    print("| work | Petal (wall, CPU, peak RSS) | numpy + scikit-learn | time ratio | RSS ratio |")
    print("|---|---|---|---|---|")
    pj = lambda *a: os.path.join(w, *a)
    pair("train 15,000 x 20, rbf", [PETAL, "train", "--data", f15, "--model", pj("m15.petal")],
         [PY, os.path.join(HERE, "sk_train.py"), f15, pj("m15.pkl")], args.runs)
    pair("predict 15,000 rows", [PETAL, "predict", "--model", pj("m15.petal"), "--data", t15, "--output", pj("p15.csv")],
         [PY, os.path.join(HERE, "sk_predict.py"), pj("m15.pkl"), t15, pj("p15_py.csv")], args.runs)
    pair("split 15,000 rows", [PETAL, "split", "--data", f15, "--train", pj("tr.csv"), "--test", pj("te.csv"), "--random-state", "0"],
         [PY, os.path.join(HERE, "sk_split.py"), f15, pj("tr_py.csv"), pj("te_py.csv")], args.runs)
    if args.quick:
        return
    f40 = data(40_000, 20, "c40k.csv")
    pair("train 40,000 x 20, rbf", [PETAL, "train", "--data", f40, "--model", pj("m40.petal")],
         [PY, os.path.join(HERE, "sk_train.py"), f40, pj("m40.pkl")], max(1, args.runs - 1))
    wide = data(200, 20_000, "wide.csv")
    pair("train 200 x 20,000, rbf", [PETAL, "train", "--data", wide, "--model", pj("wide.petal")],
         [PY, os.path.join(HERE, "sk_train.py"), wide, pj("wide.pkl")], args.runs)
    big = data(1_000_000, 20, "c1m.csv", seed=7)
    f2k = data(2_000, 20, "c2k.csv", seed=3)
    subprocess.run([PETAL, "train", "--data", f2k, "--model", pj("m2k.petal")], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([PY, os.path.join(HERE, "sk_train.py"), f2k, pj("m2k.pkl")], check=True, stdout=subprocess.DEVNULL)
    size = os.path.getsize(big) / 1e6
    pair(f"predict 1,000,000 rows ({size:.0f} MB CSV)", [PETAL, "predict", "--model", pj("m2k.petal"), "--data", big, "--output", pj("p1m.csv")],
         [PY, os.path.join(HERE, "sk_predict.py"), pj("m2k.pkl"), big, pj("p1m_py.csv")], 1)
    pair(f"score 1,000,000 rows ({size:.0f} MB CSV)", [PETAL, "score", "--model", pj("m2k.petal"), "--data", big, "--output", pj("s1m.csv"),
                                                     "--decision-function"], None, 1)
    pair(f"train {size:.0f} MB CSV, --max-iter 200", [PETAL, "train", "--data", big, "--model", pj("m1m.petal"), "--max-iter", "200"],
         [PY, os.path.join(HERE, "sk_train.py"), big, pj("m1m.pkl"), "200"], 1)
    env = dict(os.environ, PETAL_JAVA_OPTS="-Xmx100m")
    r = pair(f"train {size:.0f} MB CSV with -Xmx100m", [PETAL, "train", "--data", big, "--model", pj("oom.petal")], None, 1, env)
    print("  stderr: " + r["a_err"])


if __name__ == "__main__":
    main()
