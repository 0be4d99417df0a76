namespace MedGrpc.Core.Diarization;

/// <summary>
/// Sufficient statistics of a set of feature frames (count, sum, sum of outer products): enough
/// to fit a full-covariance Gaussian and to merge two sets without revisiting their frames.
/// </summary>
public sealed class GaussianStats
{
    // Keeps the covariance of short segments invertible.
    private const double Floor = 1e-3;

    private readonly double[] _sum;
    private readonly double[,] _outer;

    public GaussianStats(int dimensions)
    {
        _sum = new double[dimensions];
        _outer = new double[dimensions, dimensions];
    }

    public int Count { get; private set; }

    public int Dimensions => _sum.Length;

    public void Add(float[] frame)
    {
        Count++;
        for (var i = 0; i < _sum.Length; i++)
        {
            _sum[i] += frame[i];
            for (var j = 0; j <= i; j++) _outer[i, j] += frame[i] * (double)frame[j];
        }
    }

    public static GaussianStats Merge(GaussianStats a, GaussianStats b)
    {
        var merged = new GaussianStats(a.Dimensions) { Count = a.Count + b.Count };
        for (var i = 0; i < a.Dimensions; i++)
        {
            merged._sum[i] = a._sum[i] + b._sum[i];
            for (var j = 0; j <= i; j++) merged._outer[i, j] = a._outer[i, j] + b._outer[i, j];
        }
        return merged;
    }

    /// <summary>log |Σ| of the maximum-likelihood covariance, by Cholesky factorisation.</summary>
    public double LogDeterminant()
    {
        var d = Dimensions;
        var n = Math.Max(Count, 1);
        var l = new double[d, d];
        var logDet = 0.0;
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var value = _outer[i, j] / n - _sum[i] / n * (_sum[j] / n) + (i == j ? Floor : 0);
                for (var k = 0; k < j; k++) value -= l[i, k] * l[j, k];
                if (i == j)
                {
                    var diagonal = Math.Sqrt(Math.Max(value, Floor));
                    l[i, i] = diagonal;
                    logDet += 2 * Math.Log(diagonal);
                }
                else
                {
                    l[i, j] = value / l[j, j];
                }
            }
        }
        return logDet;
    }
}
