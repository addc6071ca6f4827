#!/usr/bin/env python3
"""Differential check of ictindex against COINr on random indices (a manual tool: needs R and COINr, which CI has not).

Generates random iData/iMeta pairs (4-40 units, 3-12 indicators, one to four pillars, sometimes two levels of
aggregates, mixed directions and weights, columns with many ties, skewed columns, 0-15 % missing), runs the same
pipelines in COINr (coinr_side.R) and in ictindex, and compares every score both write, indicators and aggregates,
within 1e-12 relative. Prints each difference and a count per pipeline.

Usage: python3 differential.py [--cases N] [--first K] [--root DIR] [--ictindex "dotnet path/to/ictindex.dll"]
"""
import argparse, csv, math, os, random, shlex, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
MINMAX = ["--normalise", "minmax", "--range", "0,100", "--aggregate", "arithmetic"]
PIPELINES = {
    "mm_am": MINMAX,
    "mm1_gm": ["--normalise", "minmax", "--range", "1,100", "--aggregate", "geometric"],
    "mm1_hm": ["--normalise", "minmax", "--range", "1,100", "--aggregate", "harmonic"],
    "z_am": ["--normalise", "zscore", "--aggregate", "arithmetic"],
    "rank_am": ["--normalise", "rank", "--aggregate", "arithmetic"],
    "borda_am": ["--normalise", "borda", "--aggregate", "arithmetic"],
    "prank_am": ["--normalise", "percentile-rank", "--range", "0,1", "--aggregate", "arithmetic"],
    "d2max_am": ["--normalise", "dist-to-max", "--range", "0,1", "--aggregate", "arithmetic"],
    "frac_am": ["--normalise", "fraction-of-max", "--range", "0,1", "--aggregate", "arithmetic"],
    "imp_mean": ["--impute", "mean"] + MINMAX,
    "imp_median": ["--impute", "median"] + MINMAX,
    "treat": ["--treat", "winsorise"] + MINMAX,
    "imp_treat": ["--impute", "mean", "--treat", "winsorise"] + MINMAX,
    "screen": ["--screen", "0.8"] + MINMAX,
}


def generate(folder, seed):
    rng = random.Random(seed)
    units, count = rng.randint(4, 40), rng.randint(3, 12)
    pillars = [f"P{j + 1}" for j in range(rng.randint(1, min(4, count)))]
    indicators = [f"x{i + 1}" for i in range(count)]
    meta = [dict(Level=1, iCode=code, iName="Indicator " + code, Direction=rng.choice([1, 1, -1]),
                 Weight=rng.choice([1, 1, 2, 0.5, 3]), Parent=pillars[i % len(pillars)], Type="Indicator")
            for i, code in enumerate(indicators)]
    if len(pillars) >= 2 and rng.random() < 0.4:
        meta += [dict(Level=2, iCode=p, iName="Pillar " + p, Direction=1, Weight=rng.choice([1, 2]),
                      Parent=("S1", "S2")[j % 2], Type="Aggregate") for j, p in enumerate(pillars)]
        meta += [dict(Level=3, iCode=s, iName="Sub-index " + s, Direction=1, Weight=1, Parent="Index", Type="Aggregate") for s in ("S1", "S2")]
        meta.append(dict(Level=4, iCode="Index", iName="Index", Direction=1, Weight=1, Parent="", Type="Aggregate"))
    else:
        meta += [dict(Level=2, iCode=p, iName="Pillar " + p, Direction=1, Weight=rng.choice([1, 2]), Parent="Index", Type="Aggregate") for p in pillars]
        meta.append(dict(Level=3, iCode="Index", iName="Index", Direction=1, Weight=1, Parent="", Type="Aggregate"))
    missing = rng.choice([0, 0, 0.05, 0.15])
    rows = []
    for u in range(units):
        row = {"uCode": f"U{u + 1:02d}", "uName": f"Unit {u + 1}"}
        for i, code in enumerate(indicators):
            style = (i * 7 + seed) % 3
            value = round(rng.uniform(1, 100), 2) if style == 0 else rng.randint(1, 6) if style == 1 else round(rng.lognormvariate(2, 1.2), 4)
            row[code] = "" if rng.random() < missing else value
        rows.append(row)
    for code in indicators:  # at least two distinct present values per column
        if len({r[code] for r in rows if r[code] != ""}) < 2:
            rows[0][code], rows[1][code] = 1.5, 7.25
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "iData.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, ["uCode", "uName"] + indicators)
        w.writeheader()
        w.writerows(rows)
    with open(os.path.join(folder, "iMeta.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, ["Level", "iCode", "iName", "Direction", "Weight", "Parent", "Type"])
        w.writeheader()
        w.writerows(meta)


def number(text):
    return math.nan if text in ("", "NA", "NaN") else float(text)


def same(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=60)
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--root", default="/tmp/coinr-differential")
    ap.add_argument("--ictindex", default="dotnet run -c Release --project " + os.path.join(HERE, "..", "..", "src", "ProvinceIct.Indicators.Cli") + " --")
    a = ap.parse_args()
    cases = list(range(a.first, a.first + a.cases))
    for c in cases:
        generate(os.path.join(a.root, f"c{c}"), 1000 + c)
    subprocess.run(["Rscript", os.path.join(HERE, "coinr_side.R"), a.root, ",".join(map(str, cases))], check=True)
    tool = shlex.split(a.ictindex) + ["compute"]
    tally = {}
    for c in cases:
        folder = os.path.join(a.root, f"c{c}")
        for name, options in PIPELINES.items():
            theirs = os.path.join(folder, f"coinr_{name}.csv")
            run = subprocess.run(tool + ["--data", os.path.join(folder, "iData.csv"), "--meta", os.path.join(folder, "iMeta.csv"), "--format", "csv"] + options, capture_output=True, text=True)
            ours_error = (run.stderr.strip().splitlines() or [""])[0]
            if not os.path.exists(theirs):
                why = open(theirs + ".err").read().strip() if os.path.exists(theirs + ".err") else "?"
                status = "both refuse" if run.returncode else "COINr refuses"
                print(c, name, status, "| COINr:", why[:120], "| ictindex:", ours_error[:160])
            elif run.returncode:
                status = "ictindex refuses"
                print(c, name, status, "|", ours_error[:200])
            else:
                ours = {r["unit_code"]: r for r in csv.DictReader(run.stdout.splitlines())}
                differences = []
                for row in csv.DictReader(open(theirs)):
                    mine = ours.get(row["uCode"])
                    if mine is None:
                        differences.append((row["uCode"], "unit missing"))
                        continue
                    differences += [(row["uCode"], k, v, mine[k]) for k, v in row.items() if k != "uCode" and k in mine and not same(number(v), number(mine[k]))]
                status = "same" if not differences else "DIFFERENT"
                if differences:
                    print(c, name, status, len(differences), differences[:4])
            tally[(name, status)] = tally.get((name, status), 0) + 1
    for (name, status), n in sorted(tally.items()):
        print(f"{name:12} {status:16} {n}")
    return 1 if any(s == "DIFFERENT" for _, s in tally) else 0


if __name__ == "__main__":
    sys.exit(main())
