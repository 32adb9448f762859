#!/usr/bin/env python3
"""
numpy reference of the index engine's uncertainty analysis (bench section `index`): the SAME method as
src/modules/index/engine/uncertainty/, written the way an analyst would with numpy, run on the same CSV files.

  python3 bench/index-reference.py iData.csv iMeta.csv spec.json out.json

spec.json: {"seed", "runs", "nominal": {"impute", "normalise"}, "imputation": [...], "normalisation": [...],
"aggregation": [...], "weights": [{"level", "perturbation"}], "percentiles"}; supports what the bench uses:
denominate → impute (mean, median, groupMean) → treat (COINr defaults: winsorise up to 5 points while
|skew| ≥ 2 and kurt ≥ 3.5, else log_CT) → normalise (minmax, zscore, rank) → aggregate (arithmetic, geometric, with
missing values dropped and weights re-normalised) → rank within each year (ties min).

Monte Carlo: the Saltelli design (A, B, AB_i; N = runs // (k + 2)) drawn from xoshiro128** seeded by SplitMix64, the
same generator as prng.ts, so both draw the same runs; each distinct (imputation, normalisation) pair is built once;
every run re-aggregates with its weights and method (geometric means in log space, as the TypeScript kernel);
5/50/95 % bands (numpy's default linear percentiles = R type 7), first-order and total Sobol indices (Saltelli 2010 /
Jansen, on centred outputs) of the mean absolute rank shift and of each row's score. Timings exclude reading the CSV.
"""
import csv
import json
import math
import sys
import time

import numpy as np

M64 = (1 << 64) - 1
M32 = 0xFFFFFFFF


def splitmix64(seed, count):
    x = seed & M64
    out = []
    for _ in range(count):
        x = (x + 0x9E3779B97F4A7C15) & M64
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        out.append(z ^ (z >> 31))
    return out


def xoshiro_doubles(seed, count):
    """xoshiro128** 1.1 (Blackman & Vigna), 53-bit doubles from two outputs, as prng.ts."""
    a, b = splitmix64(seed, 2)
    s0, s1, s2, s3 = a & M32, a >> 32, b & M32, b >> 32
    out = np.empty(count)
    for i in range(count):
        pair = []
        for _ in range(2):
            m = (s1 * 5) & M32
            pair.append((((((m << 7) | (m >> 25)) & M32) * 9) & M32))
            t = (s1 << 9) & M32
            s2 ^= s0
            s3 ^= s1
            s1 ^= s2
            s0 ^= s3
            s2 ^= t
            s3 = ((s3 << 11) | (s3 >> 21)) & M32
        out[i] = ((pair[0] >> 5) * 67108864 + (pair[1] >> 6)) / 9007199254740992
    return out


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def num(text):
    return np.nan if text in ("", "NA") else float(text)


# ---------------------------------------------------------------- pipeline steps (per indicator, per year)

def skew(x):
    n = len(x)
    if n < 3:
        return np.nan
    d = x - x.mean()
    s2, s3 = (d * d).sum(), (d ** 3).sum()
    if s2 == 0:
        return np.nan
    g = math.sqrt(n) * s3 / s2 ** 1.5
    return g * math.sqrt(n * (n - 1)) / (n - 2)


def kurt(x):
    n = len(x)
    if n < 4:
        return np.nan
    d2 = (x - x.mean()) ** 2
    s2, s4 = d2.sum(), (d2 * d2).sum()
    if s2 == 0:
        return np.nan
    r = n * s4 / (s2 * s2)
    return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))


def passes(x):
    sk, kt = skew(x), kurt(x)
    # bool(): numpy comparisons give np.bool_, which is never `is True` / `is False`
    a = None if np.isnan(sk) else bool(abs(sk) < 2)
    b = None if np.isnan(kt) else bool(kt < 3.5)
    if a is True or b is True:
        return True
    return None if (a is None or b is None) else False


def treat(x, winmax=5):
    """COINr Treat() defaults on the present values of one indicator-year."""
    if passes(x) is not False:
        return x
    v = x.copy()
    imax, imin, nwin = 0, 0, 0
    ok = False
    while ok is False and nwin < winmax:
        high = skew(v) >= 0
        extreme = v.max() if high else v.min()
        at = v == extreme
        rest = v[~at]
        if len(rest) == 0:
            break
        v[at] = rest.max() if high else rest.min()
        if high:
            imax = int(at.sum())
        else:
            imin = int(at.sum())
        nwin = imax + imin
        ok = passes(v)
    if passes(v) is False:
        lo, hi = x.min(), x.max()
        return np.log(x - lo + 0.01 * (hi - lo))
    return v


def rank_min(x):
    """R rank(ties = "min"), NaN kept."""
    out = np.full(len(x), np.nan)
    ok = ~np.isnan(x)
    s = np.sort(x[ok])
    out[ok] = np.searchsorted(s, x[ok], side="left") + 1
    return out


def normalise(x, spec):
    method = spec.get("method", "minmax")
    ok = ~np.isnan(x)
    v = x[ok]
    with np.errstate(divide="ignore", invalid="ignore"):
        if method == "minmax":
            lo, hi = v.min(), v.max()
            out = (x - lo) / (hi - lo) * (spec.get("upper", 100) - spec.get("lower", 0)) + spec.get("lower", 0)
        elif method == "zscore":
            out = (x - v.mean()) / v.std(ddof=1) * spec.get("sd", 1) + spec.get("mean", 0)
        elif method == "rank":
            out = rank_min(x)
        else:
            raise ValueError(f"normalisation {method} not in the reference")
    out[~np.isfinite(out)] = np.nan
    return out


def build_variant(X, direction, slices, groups, impute, norm):
    """denominated X (rows × indicators) → impute → treat → normalise; NaN = missing."""
    X = X.copy()
    for rows in slices:
        block = X[rows]
        method = (impute or {}).get("method", "none")
        if method in ("mean", "median"):
            fill = np.nanmean(block, axis=0) if method == "mean" else np.nanmedian(block, axis=0)
            block = np.where(np.isnan(block), fill, block)
        elif method in ("groupMean", "groupMedian"):
            g = groups[rows]
            for label in np.unique(g[g != ""]):
                sel = g == label
                sub = block[sel]
                with np.errstate(all="ignore"):
                    fill = np.nanmean(sub, axis=0) if method == "groupMean" else np.nanmedian(sub, axis=0)
                block[sel] = np.where(np.isnan(sub), fill, sub)
        elif method != "none":
            raise ValueError(f"imputation {method} not in the reference")
        for i in range(block.shape[1]):
            col = block[:, i]
            ok = ~np.isnan(col)
            col[ok] = treat(col[ok])
            block[:, i] = normalise(col * direction[i], norm)
        X[rows] = block
    return X


# ---------------------------------------------------------------- aggregation and ranks

def ranks_of(scores, slices):
    out = np.zeros(len(scores), dtype=np.int32)
    for rows in slices:
        s = scores[rows]
        ok = ~np.isnan(s)
        srt = np.sort(s[ok])
        r = np.zeros(len(rows), dtype=np.int32)
        r[ok] = 1 + len(srt) - np.searchsorted(srt, s[ok], side="right")
        out[rows] = r
    return out


def main():
    data_path, meta_path, spec_path, out_path = sys.argv[1:5]
    spec = json.load(open(spec_path))
    data, meta = read_csv(data_path), read_csv(meta_path)

    t_start = time.perf_counter()
    tree = [m for m in meta if m["Type"] in ("Indicator", "Aggregate")]
    indicators = [m for m in tree if m["Type"] == "Indicator"]
    aggregates = sorted([m for m in tree if m["Type"] == "Aggregate"], key=lambda m: int(m["Level"]))
    codes = [m["iCode"] for m in indicators] + [m["iCode"] for m in aggregates]
    index_of = {c: i for i, c in enumerate(codes)}
    base_w = np.array([num(m["Weight"]) for m in indicators + aggregates])
    direction = np.array([float(m["Direction"]) for m in indicators])
    n_rows = len(data)
    X = np.array([[num(r[m["iCode"]]) for m in indicators] for r in data])
    for i, m in enumerate(indicators):
        if m["Denominator"] not in ("", "NA"):
            with np.errstate(divide="ignore", invalid="ignore"):
                q = X[:, i] / np.array([num(r[m["Denominator"]]) for r in data])
            X[:, i] = np.where(np.isfinite(q), q, np.nan)  # as denominate.ts: a zero denominator leaves the cell missing
    groups = np.array([r.get("Grp") or "" for r in data])
    times = [r["Time"] for r in data]
    slices = [np.array([i for i, t in enumerate(times) if t == y]) for y in dict.fromkeys(times)]

    # tree levels as 0/1 membership matrices (children of level L → aggregates of level L + 1)
    levels_nodes = sorted({int(m["Level"]) for m in aggregates})
    level_members, level_children, level_parents = [], [], []
    prev = [m["iCode"] for m in indicators]
    for lv in levels_nodes:
        parents = [m["iCode"] for m in aggregates if int(m["Level"]) == lv]
        mat = np.zeros((len(prev), len(parents)))
        for j, p in enumerate(parents):
            for i, c in enumerate(prev):
                if next(m for m in tree if m["iCode"] == c)["Parent"] == p:
                    mat[i, j] = 1
        level_members.append(mat)
        level_children.append([index_of[c] for c in prev])
        level_parents.append(parents)
        prev = parents

    # 1. variants
    imps = spec.get("imputation") or [spec["nominal"]["impute"]]
    norms = spec.get("normalisation") or [spec["nominal"]["normalise"]]
    variants = {}
    variant_of = []
    for imp in imps:
        for nrm in norms:
            key = json.dumps([imp, nrm], sort_keys=True)
            if key not in variants:
                v = build_variant(X, direction, slices, groups, imp, nrm)
                with np.errstate(divide="ignore", invalid="ignore"):
                    variants[key] = (v, np.log(v))
            variant_of.append(key)
    nominal_key = json.dumps([spec["nominal"]["impute"], spec["nominal"]["normalise"]], sort_keys=True)
    if nominal_key not in variants:
        v = build_variant(X, direction, slices, groups, spec["nominal"]["impute"], spec["nominal"]["normalise"])
        with np.errstate(divide="ignore", invalid="ignore"):
            variants[nominal_key] = (v, np.log(v))
    t_variants = time.perf_counter()

    # 2. design and runs
    factors = []
    if spec.get("imputation"):
        factors.append(("imputation", 1, len(imps)))
    if spec.get("normalisation"):
        factors.append(("normalisation", 1, len(norms)))
    if spec.get("aggregation"):
        factors.append(("aggregation", 1, len(spec["aggregation"])))
    for w in spec.get("weights", []):
        nodes = [index_of[m["iCode"]] for m in tree if int(m["Level"]) == w["level"] and m["Parent"] not in ("", "NA")]
        factors.append(("weights", len(nodes), (nodes, w["perturbation"])))
    k = len(factors)
    N = spec["runs"] // (k + 2)
    D = sum(f[1] for f in factors)
    u = xoshiro_doubles(spec["seed"], 2 * N * D)
    A, B = u[: N * D].reshape(N, D), u[N * D :].reshape(N, D)
    runs = N * (k + 2)
    method_code = {"arithmetic": 0, "geometric": 1, "harmonic": 2}

    def run_inputs(run):
        block, j = divmod(run, N)
        row = (B[j] if block == 1 else A[j]).copy()
        if block >= 2:
            start = sum(f[1] for f in factors[: block - 2])
            width = factors[block - 2][1]
            row[start : start + width] = B[j, start : start + width]
        return row

    pick = lambda x, n: min(n - 1, int(math.floor(x * n)))

    def evaluate(variant_key, method, weights):
        values, logs = variants[variant_key]
        cur, cur_log = values, logs
        for lv, mat in enumerate(level_members):
            W = mat * weights[level_children[lv]][:, None]
            m = method
            M = ~np.isnan(cur)
            z = np.where(M, cur_log if m == 1 else cur, 0.0)
            den = M @ W
            cnt = M.astype(float) @ mat
            with np.errstate(divide="ignore", invalid="ignore"):
                mean = (z @ W) / den
            mean[cnt == 0] = np.nan
            if m == 1:
                cur_log, cur = mean, np.exp(mean)
            else:
                cur = mean
                with np.errstate(divide="ignore", invalid="ignore"):
                    cur_log = np.log(mean)
        return cur[:, 0]

    scores = np.empty((runs, n_rows))
    ranks = np.empty((runs, n_rows), dtype=np.int32)
    for run in range(runs):
        row = run_inputs(run)
        weights = base_w.copy()
        imp_i = norm_i = 0
        method = method_code["arithmetic"]
        col = 0
        for name, width, extra in factors:
            if name == "imputation":
                imp_i = pick(row[col], extra)
            elif name == "normalisation":
                norm_i = pick(row[col], extra)
            elif name == "aggregation":
                method = method_code[spec["aggregation"][pick(row[col], extra)]]
            else:
                nodes, p = extra
                weights[nodes] = base_w[nodes] * (1 + p * (2 * row[col : col + width] - 1))
            col += width
        s = evaluate(variant_of[imp_i * len(norms) + norm_i], method, weights)
        scores[run] = s
        ranks[run] = ranks_of(s, slices)
    t_runs = time.perf_counter()

    # 3. summary
    ps = spec.get("percentiles", [5, 50, 95])
    nominal_scores = evaluate(nominal_key, 0, base_w)
    nominal_ranks = ranks_of(nominal_scores, slices)
    score_bands = np.nanpercentile(scores, ps, axis=0).T
    rank_f = np.where(ranks == 0, np.nan, ranks.astype(float))
    rank_bands = np.nanpercentile(rank_f, ps, axis=0).T
    both = (ranks != 0) & (nominal_ranks != 0)
    shift = np.where(both, np.abs(ranks - nominal_ranks), 0).sum(axis=1) / both.sum(axis=1)

    def sobol(Y):
        Y = Y - Y[: 2 * N].mean(axis=0)
        var = Y[: 2 * N].var(axis=0, ddof=1)
        yA, yB = Y[:N], Y[N : 2 * N]
        first, total = [], []
        for i in range(k):
            yAB = Y[(2 + i) * N : (3 + i) * N]
            with np.errstate(divide="ignore", invalid="ignore"):
                first.append((yB * (yAB - yA)).mean(axis=0) / var)
                total.append(((yA - yAB) ** 2).sum(axis=0) / (2 * N) / var)
        return np.array(first), np.array(total)

    s_first, s_total = sobol(shift)
    row_first, row_total = sobol(scores)
    t_end = time.perf_counter()

    json.dump({
        "numpy": np.__version__,
        "runs": runs, "n": N,
        "ms": {"variants": (t_variants - t_start) * 1000, "runs": (t_runs - t_variants) * 1000,
               "summary": (t_end - t_runs) * 1000, "total": (t_end - t_start) * 1000},
        "variantsBuilt": len(variants),
        "scoreBands": [[None if np.isnan(v) else float(v) for v in r] for r in score_bands],
        "rankBands": [[None if np.isnan(v) else float(v) for v in r] for r in rank_bands],
        "sensitivity": [{"first": float(a), "total": float(b)} for a, b in zip(s_first, s_total)],
        "rowFirstMean": [float(np.nanmean(r)) for r in row_first],
    }, open(out_path, "w"))


if __name__ == "__main__":
    main()
