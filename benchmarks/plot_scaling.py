#!/usr/bin/env python3
"""Draws benchmarks/scaling.svg from benchmarks/scaling.csv: time per value and bytes per value against the number of
values (units x indicators), on log scales, one line per series. Standard library only; the figures come from the
BenchmarkDotNet runs recorded in RESULTS.md (the CSV says which run).

Usage: python3 benchmarks/plot_scaling.py [benchmarks/scaling.csv] [benchmarks/scaling.svg]
CSV columns: series,units,indicators,mean_us,bytes_per_value (bytes_per_value may be empty)."""
import csv
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]


def load(path):
    series = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            values = int(row["units"]) * int(row["indicators"])
            ns_per_value = float(row["mean_us"]) * 1000.0 / values
            bpv = float(row["bytes_per_value"]) if row.get("bytes_per_value") else None
            series.setdefault(row["series"], []).append((values, ns_per_value, bpv, row["units"] + " x " + row["indicators"]))
    for points in series.values():
        points.sort()
    return series


def decades(lo, hi):
    a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    return [10.0 ** k for k in range(a, b + 1)]


def panel(out, x0, y0, w, h, series, pick, ylabel, title):
    """One log-log panel at (x0, y0) of size w x h; pick(point) gives the y value or None."""
    xs = [p[0] for pts in series.values() for p in pts]
    ys = [pick(p) for pts in series.values() for p in pts if pick(p)]
    if not ys:
        return
    xt, yt = decades(min(xs), max(xs)), decades(min(ys), max(ys))
    lx0, lx1, ly0, ly1 = math.log10(xt[0]), math.log10(xt[-1]), math.log10(yt[0]), math.log10(yt[-1])

    def px(v):
        return x0 + (math.log10(v) - lx0) / (lx1 - lx0) * w

    def py(v):
        return y0 + h - (math.log10(v) - ly0) / (ly1 - ly0) * h

    out.append(f'<text x="{x0 + w / 2:.0f}" y="{y0 - 12}" text-anchor="middle" font-size="14" font-weight="bold">{title}</text>')
    out.append(f'<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="none" stroke="#444"/>')
    for t in xt:
        out.append(f'<line x1="{px(t):.1f}" y1="{y0}" x2="{px(t):.1f}" y2="{y0 + h}" stroke="#ddd"/>')
        out.append(f'<text x="{px(t):.1f}" y="{y0 + h + 16}" text-anchor="middle" font-size="11">{t:,.0f}</text>')
    for t in yt:
        label = f"{t:g}"
        out.append(f'<line x1="{x0}" y1="{py(t):.1f}" x2="{x0 + w}" y2="{py(t):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{x0 - 6}" y="{py(t) + 4:.1f}" text-anchor="end" font-size="11">{label}</text>')
    out.append(f'<text x="{x0 + w / 2:.0f}" y="{y0 + h + 34}" text-anchor="middle" font-size="12">values (units x indicators)</text>')
    out.append(f'<text x="{x0 - 44}" y="{y0 + h / 2:.0f}" text-anchor="middle" font-size="12" transform="rotate(-90 {x0 - 44} {y0 + h / 2:.0f})">{ylabel}</text>')
    for i, (name, pts) in enumerate(series.items()):
        colour = COLOURS[i % len(COLOURS)]
        coords = [(px(p[0]), py(pick(p))) for p in pts if pick(p)]
        if not coords:
            continue
        out.append('<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>'.format(colour, " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)))
        for x, y in coords:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "scaling.csv")
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "scaling.svg")
    series = load(src)
    width, height = 1010, 470
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="DejaVu Sans, sans-serif">',
           f'<rect width="{width}" height="{height}" fill="white"/>']
    panel(out, 80, 40, 380, 300, series, lambda p: p[1], "nanoseconds per value", "Time per value")
    panel(out, 570, 40, 380, 300, series, lambda p: p[2], "bytes allocated per value", "Memory per value")
    for i, name in enumerate(series):
        colour = COLOURS[i % len(COLOURS)]
        y = 400 + 18 * (i // 2)
        x = 80 + 450 * (i % 2)
        out.append(f'<line x1="{x}" y1="{y - 4}" x2="{x + 24}" y2="{y - 4}" stroke="{colour}" stroke-width="3"/>')
        out.append(f'<text x="{x + 30}" y="{y}" font-size="12">{name}</text>')
    out.append("</svg>")
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {dst}: {sum(len(p) for p in series.values())} points in {len(series)} series")


if __name__ == "__main__":
    main()
