namespace ProvinceIct.Indicators.Aggregation;

/// <summary>The outcome of <see cref="Simplex"/>.</summary>
internal enum SimplexStatus
{
    /// <summary>An optimum was found.</summary>
    Optimal,

    /// <summary>No point satisfies the constraints and bounds.</summary>
    Infeasible,

    /// <summary>The objective grows without limit over the feasible set.</summary>
    Unbounded,

    /// <summary>The iteration limit was reached (does not happen with the anti-cycling rule unless the problem is huge).</summary>
    IterationLimit,
}

/// <summary>
/// A small dense two-phase tableau simplex: maximise <c>c x</c> subject to <c>A x &lt;= b</c> and
/// <c>lower &lt;= x &lt;= upper</c> (lower finite, 0 by default; upper may be +infinity). Lower bounds are substituted
/// (<c>x = lower + v</c>), finite upper bounds become rows <c>v &lt;= upper - lower</c>, rows with a negative right-hand
/// side get an artificial variable (phase I). Pivoting: Dantzig's largest-coefficient rule until the first degenerate
/// pivot, then Bland's smallest-index rule for the rest of the solve (entering: the lowest column with a negative
/// reduced cost; leaving: the lowest basic variable among ratio ties), so the method cannot cycle. Allocation-free:
/// the caller passes the tableau and basis scratch (<see cref="TableauLength"/>, <see cref="BasisLength"/>).
/// </summary>
internal static class Simplex
{
    /// <summary>Tolerance on pivot elements and reduced costs (the problems here are scaled to about 1).</summary>
    public const double Eps = 1e-11;

    /// <summary>The tableau length needed for <paramref name="constraints"/> rows (including upper-bound rows) and <paramref name="variables"/> variables, with room for <paramref name="artificials"/> artificial variables.</summary>
    /// <param name="constraints">Rows of A plus finite upper bounds.</param>
    /// <param name="variables">Columns of A.</param>
    /// <param name="artificials">The largest number of rows with a negative right-hand side (at most <paramref name="constraints"/>).</param>
    /// <returns>The length.</returns>
    public static int TableauLength(int constraints, int variables, int artificials) =>
        (constraints + 2) * (variables + constraints + artificials + 1);

    /// <summary>The basis length needed for <paramref name="constraints"/> rows.</summary>
    /// <param name="constraints">Rows of A plus finite upper bounds.</param>
    /// <returns>The length.</returns>
    public static int BasisLength(int constraints) => constraints;

    /// <summary>Solves the problem; see the class summary.</summary>
    /// <param name="a">A, row-major, m rows by k columns.</param>
    /// <param name="b">b, m values.</param>
    /// <param name="c">c, k values.</param>
    /// <param name="lower">Lower bounds, k finite values (empty for all 0).</param>
    /// <param name="upper">Upper bounds, k values, +infinity for none (empty for none).</param>
    /// <param name="x">Receives the optimal x (k values) when optimal.</param>
    /// <param name="value">Receives the optimal <c>c x</c> when optimal, NaN otherwise.</param>
    /// <param name="tableau">Scratch, at least <see cref="TableauLength"/> long.</param>
    /// <param name="basis">Scratch, at least <see cref="BasisLength"/> long.</param>
    /// <returns>The status.</returns>
    public static SimplexStatus Maximise(
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper,
        Span<double> x, out double value, Span<double> tableau, Span<int> basis)
    {
        var k = c.Length;
        var m = b.Length;
        value = double.NaN;
        var upperRows = 0;
        var constant = 0.0;
        for (var j = 0; j < k; j++)
        {
            var lo = lower.IsEmpty ? 0 : lower[j];
            var up = upper.IsEmpty ? double.PositiveInfinity : upper[j];
            if (up < lo)
            {
                return SimplexStatus.Infeasible;
            }

            upperRows += double.IsPositiveInfinity(up) ? 0 : 1;
            constant += c[j] * lo;
        }

        var rows = m + upperRows;
        var artificials = 0;
        for (var i = 0; i < m; i++)
        {
            artificials += ShiftedRhs(a, b, lower, i, k) < 0 ? 1 : 0;
        }

        // Columns: k structural, rows slacks, artificials, rhs. Rows: constraints, phase II objective, phase I objective.
        var vars = k + rows + artificials;
        var width = vars + 1;
        var t = tableau[..((rows + 2) * width)];
        t.Clear();
        var art = k + rows;
        var r = 0;
        for (var i = 0; i < m; i++, r++)
        {
            var rhs = ShiftedRhs(a, b, lower, i, k);
            var sign = rhs < 0 ? -1.0 : 1.0;
            var row = t.Slice(r * width, width);
            for (var j = 0; j < k; j++)
            {
                row[j] = sign * a[(i * k) + j];
            }

            row[k + r] = sign;
            row[vars] = sign * rhs;
            if (rhs < 0)
            {
                row[art] = 1;
                basis[r] = art++;
            }
            else
            {
                basis[r] = k + r;
            }
        }

        for (var j = 0; j < k && upperRows > 0; j++)
        {
            var lo = lower.IsEmpty ? 0 : lower[j];
            var up = upper.IsEmpty ? double.PositiveInfinity : upper[j];
            if (double.IsPositiveInfinity(up))
            {
                continue;
            }

            var row = t.Slice(r * width, width);
            row[j] = 1;
            row[k + r] = 1;
            row[vars] = up - lo;
            basis[r] = k + r;
            r++;
        }

        var obj = t.Slice(rows * width, width);
        for (var j = 0; j < k; j++)
        {
            obj[j] = -c[j];
        }

        if (artificials > 0)
        {
            // Phase I: maximise -sum(artificials); the reduced-cost row is +1 on artificials minus their rows.
            var phase1 = t.Slice((rows + 1) * width, width);
            for (var j = k + rows; j < vars; j++)
            {
                phase1[j] = 1;
            }

            for (var i = 0; i < rows; i++)
            {
                if (basis[i] >= k + rows)
                {
                    var row = t.Slice(i * width, width);
                    for (var j = 0; j < width; j++)
                    {
                        phase1[j] -= row[j];
                    }
                }
            }

            var s1 = Iterate(t, basis, rows, width, vars, rows + 1, rows + 2);
            if (s1 == SimplexStatus.IterationLimit)
            {
                return s1;
            }

            if (phase1[vars] < -Eps * Math.Max(1, MaxAbs(b)))
            {
                return SimplexStatus.Infeasible;
            }

            // Drive artificials at zero out of the basis; a row without a usable pivot is redundant and stays.
            for (var i = 0; i < rows; i++)
            {
                if (basis[i] < k + rows)
                {
                    continue;
                }

                var row = t.Slice(i * width, width);
                for (var j = 0; j < k + rows; j++)
                {
                    if (Math.Abs(row[j]) > Eps)
                    {
                        Pivot(t, basis, i, j, width, rows, rows + 2);
                        break;
                    }
                }
            }
        }

        // Phase II: artificials may not enter.
        var s2 = Iterate(t, basis, rows, width, k + rows, rows, rows + 1);
        if (s2 != SimplexStatus.Optimal)
        {
            return s2;
        }

        for (var j = 0; j < k; j++)
        {
            x[j] = lower.IsEmpty ? 0 : lower[j];
        }

        for (var i = 0; i < rows; i++)
        {
            if (basis[i] < k)
            {
                x[basis[i]] += t[(i * width) + vars];
            }
        }

        value = obj[vars] + constant;
        return SimplexStatus.Optimal;
    }

    /// <summary>
    /// Runs phase II on a tableau the caller has filled in standard form (b &gt;= 0, a slack basis): rows
    /// <c>[A | I | b]</c> for <paramref name="rows"/> constraints, then the objective row <c>[-c | 0 | 0]</c>. Used by
    /// benefit of the doubt, which builds its tableau in place. The optimum is <c>t[rows * width + width - 1]</c>.
    /// </summary>
    /// <param name="t">The tableau, <c>(rows + 1) * width</c> values, width = columns + 1.</param>
    /// <param name="basis">The basis (slack of each row on entry).</param>
    /// <param name="rows">The number of constraint rows.</param>
    /// <param name="width">The row width (variables + 1).</param>
    /// <returns>The status.</returns>
    public static SimplexStatus SolveStandard(Span<double> t, Span<int> basis, int rows, int width) =>
        Iterate(t, basis, rows, width, width - 1, rows, rows + 1);

    private static double ShiftedRhs(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> lower, int i, int k)
    {
        var rhs = b[i];
        for (var j = 0; j < k && !lower.IsEmpty; j++)
        {
            rhs -= a[(i * k) + j] * lower[j];
        }

        return rhs;
    }

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        var m = 0.0;
        foreach (var x in v)
        {
            m = Math.Max(m, Math.Abs(x));
        }

        return m;
    }

    /// <summary>Primal simplex iterations on the objective row <paramref name="objRow"/>; columns below <paramref name="enterLimit"/> may enter; rows below <paramref name="updateRows"/> are updated.</summary>
    private static SimplexStatus Iterate(Span<double> t, Span<int> basis, int rows, int width, int enterLimit, int objRow, int updateRows)
    {
        var rhs = width - 1;
        var bland = false;
        var limit = 50 * (rows + width) + 1000;
        for (var iter = 0; iter < limit; iter++)
        {
            var obj = t.Slice(objRow * width, width);
            var e = -1;
            var best = -Eps;
            for (var j = 0; j < enterLimit; j++)
            {
                if (obj[j] < best)
                {
                    e = j;
                    if (bland)
                    {
                        break;
                    }

                    best = obj[j];
                }
            }

            if (e < 0)
            {
                return SimplexStatus.Optimal;
            }

            var leave = -1;
            var ratio = double.PositiveInfinity;
            for (var i = 0; i < rows; i++)
            {
                var p = t[(i * width) + e];
                if (p <= Eps)
                {
                    continue;
                }

                var q = t[(i * width) + rhs] / p;
                var tol = 1e-13 * Math.Max(1, Math.Abs(ratio));
                if (leave < 0 || q < ratio - tol)
                {
                    leave = i;
                    ratio = q;
                }
                else if (q <= ratio + tol && basis[i] < basis[leave])
                {
                    leave = i; // ratio tie: the lowest basic variable leaves (Bland)
                    ratio = Math.Min(ratio, q);
                }
            }

            if (leave < 0)
            {
                return SimplexStatus.Unbounded;
            }

            // A degenerate step (no progress) switches to Bland's rule for good: Dantzig's steps before it strictly
            // increase the objective, Bland's rule cannot cycle, so the solve terminates.
            bland |= ratio <= Eps;
            Pivot(t, basis, leave, e, width, rows, updateRows);
        }

        return SimplexStatus.IterationLimit;
    }

    private static void Pivot(Span<double> t, Span<int> basis, int row, int col, int width, int rows, int updateRows)
    {
        var pr = t.Slice(row * width, width);
        var inv = 1 / pr[col];
        for (var j = 0; j < width; j++)
        {
            pr[j] *= inv;
        }

        pr[col] = 1;
        for (var i = 0; i < updateRows; i++)
        {
            if (i == row)
            {
                continue;
            }

            var ri = t.Slice(i * width, width);
            var f = ri[col];
            if (f == 0)
            {
                continue;
            }

            for (var j = 0; j < width; j++)
            {
                ri[j] -= f * pr[j];
            }

            ri[col] = 0;
            if (i < rows && ri[width - 1] < 0 && ri[width - 1] > -Eps)
            {
                ri[width - 1] = 0; // rounding below a zero right-hand side
            }
        }

        basis[row] = col;
    }
}
