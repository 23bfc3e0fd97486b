"""TF's rejection samplers over Philox streams (gamma, Poisson, binomial), vectorised in torch.

TF's gamma kernels (``RandomGamma``, ``StatelessRandomGammaV3``) give output ``i`` (alpha-major:
``i = alpha_index * samples_per_alpha + sample_index``) its own Philox stream, the base counter
skipped by ``256 * i`` blocks.  Each sample runs Marsaglia-Tsang in float64: a normal ``x``
(from a buffer of TF's double Box-Muller pairs), ``v = (1 + c x)**3`` (redrawn while
``1 + c x <= 0``), a uniform ``u`` (a buffer of TF's double uniforms), accepted by the squeeze
``u < 1 - 0.0331 x**4`` or ``log u < x**2/2 + d (1 - v + log v)``; for ``alpha < 1`` one more
uniform ``b`` scales by ``b ** (1 / alpha)``.  ``alpha == 1`` is an exponential,
``-log1p(-u)`` from one uniform.
TF's Poisson kernels (``RandomPoissonV2``, ``StatelessRandomPoisson``) use the same per-sample
streams with double uniforms: Knuth's product of uniforms for rates below 10, Hormann's
transformed rejection (with ``lgamma``) above.  Its binomial kernels (``StatelessRandomBinomial``,
``StatefulRandomBinomial``) draw by inversion (sums of geometric variables, 42 blocks per
output) when ``n p < 10`` and by Hormann's BTRS (256 blocks per output) otherwise, on the
smaller of ``p`` and ``1 - p``.  Its categorical kernels (``Multinomial``,
``StatelessMultinomial``) read one stream in row-major order: each sample is a double uniform
(two words) scaled by the row's unnormalised total and located in the cumulative sums of
``exp(logit - max)`` (finite logits only), as one CPU shard does.
Here every sample advances one step per round (a loop over rounds, not samples), with its
buffers and next block per sample; the transcendental functions are glibc's
(``libm_double.py``), so the values are TF's bits.
"""

from __future__ import annotations

import math

import torch

from . import libm_double, philox

__all__ = ["binomial", "categorical", "gamma", "poisson"]

_RESERVED = 256  # TF's kReservedSamplesPerOutput


class _Buffers:
    """Per-sample Philox positions and two-value buffers of double normals and uniforms, taken
    in TF's order (the second value of a block first)."""

    def __init__(self, key, counter, starts):
        self.key, self.counter = key, counter
        self.position = starts.clone()
        count = starts.numel()
        device = starts.device
        self.values = {
            kind: torch.zeros((count, 2), dtype=torch.float64, device=device)
            for kind in ("normal", "uniform")
        }
        self.left = {
            kind: torch.zeros(count, dtype=torch.int64, device=device)
            for kind in ("normal", "uniform")
        }

    def take(self, kind, rows):
        """The next ``kind`` value of each sample in ``rows`` (refilling empty buffers)."""
        left = self.left[kind]
        empty = rows[left[rows] == 0]
        if empty.numel():
            words = philox._blocks_at(self.key, self.counter, self.position[empty])
            self.position[empty] += 1
            if kind == "normal":
                first, second = philox._box_muller_double(
                    words[:, 0], words[:, 1], words[:, 2], words[:, 3]
                )
            else:
                first = philox._unit_double(words[:, 0], words[:, 1])
                second = philox._unit_double(words[:, 2], words[:, 3])
            self.values[kind][empty] = torch.stack((first, second), dim=1)
            left[empty] = 2
        left[rows] -= 1
        return self.values[kind][rows, left[rows]]


def _samples(params, samples_per_param, key, counter):
    """TF's layout of ``samples_per_param`` samples of each parameter: the flat sample
    indices (a parameter's samples together), each sample's parameter, and the samples'
    ``_Buffers`` (``_RESERVED`` Philox blocks apart)."""
    total = params.numel() * samples_per_param
    index = torch.arange(total, dtype=torch.int64, device=params.device)
    return index, params[index // samples_per_param], _Buffers(key, counter, index * _RESERVED)


def gamma(alpha, samples_per_alpha, key, counter):
    """Gamma(``alpha``, 1) samples as TF draws them: ``alpha`` a float64 vector; returns a
    float64 ``[samples_per_alpha, alpha.numel()]`` tensor."""
    count = alpha.numel()
    device = alpha.device
    total = count * samples_per_alpha
    index, alphas, buffers = _samples(alpha, samples_per_alpha, key, counter)
    out = torch.empty(total, dtype=torch.float64, device=device)
    exponential = index[alphas == 1.0]
    if exponential.numel():
        u = buffers.take("uniform", exponential)
        out[exponential] = -libm_double.log1p(-u)
    small = alphas < 1
    offset = torch.full_like(alphas, -1.0 / 3)
    offset[small] = 2.0 / 3
    d = alphas + offset
    # torch's ``scalar / tensor`` multiplies by a reciprocal: divide tensors, as C does.
    c = torch.full_like(d, 1.0 / 3) / libm_double.sqrt(d)
    pending = index[alphas != 1.0]
    while pending.numel():
        x = buffers.take("normal", pending)
        v = 1 + c[pending] * x
        positive = ~(v <= 0)
        rows, x, v = pending[positive], x[positive], v[positive]
        v = v * v * v
        u = buffers.take("uniform", rows)
        accept = u < 1 - 0.0331 * (x * x) * (x * x)
        check = ~accept
        if bool(check.any()):
            dc, vc = d[rows[check]], v[check]
            xc = x[check]
            bound = 0.5 * xc * xc + dc * (1 - vc + libm_double.log(vc))
            accept[check] = libm_double.log(u[check]) < bound
        done, result = rows[accept], d[rows[accept]] * v[accept]
        scaled = small[done]
        if bool(scaled.any()):
            b = buffers.take("uniform", done[scaled])
            result[scaled] = result[scaled] * libm_double.pow(
                b, torch.ones_like(b) / alphas[done[scaled]]
            )
        out[done] = result
        finished = torch.zeros(total, dtype=torch.bool, device=device)
        finished[done] = True
        pending = pending[~finished[pending]]
    return out.reshape(count, samples_per_alpha).T


def _divide(numerator, denominator):
    """``numerator / denominator`` as C divides (torch's ``scalar / tensor`` multiplies by a
    reciprocal)."""
    return torch.full_like(denominator, numerator) / denominator


def poisson(rates, samples_per_rate, key, counter, highest):
    """Poisson(``rates``) samples as TF draws them: ``rates`` a float64 vector; returns a
    float64 ``[samples_per_rate, rates.numel()]`` tensor of integer values (``highest``: the
    output dtype's largest value, above which TF redraws)."""
    count = rates.numel()
    device = rates.device
    total = count * samples_per_rate
    index, rate, buffers = _samples(rates, samples_per_rate, key, counter)
    out = torch.full((total,), float("nan"), dtype=torch.float64, device=device)
    knuth = rate < 10
    finite = torch.isfinite(rate)  # TF's loop never ends for NaN or infinite rates
    _knuth(buffers, index[knuth], libm_double.exp(-rate), highest, out)
    _hormann(buffers, index[~knuth & finite], rate, highest, out)
    return out.reshape(count, samples_per_rate).T


def _knuth(buffers, pending, limit, highest, out):
    """Knuth's method: the number of uniforms multiplied before the product reaches
    ``exp(-rate)``."""
    product = torch.ones(out.numel(), dtype=torch.float64, device=out.device)
    x = torch.zeros_like(product)
    while pending.numel():
        product[pending] = product[pending] * buffers.take("uniform", pending)
        done = (product[pending] <= limit[pending]) & (x[pending] <= highest)
        out[pending[done]] = x[pending[done]]
        pending = pending[~done]
        x[pending] += 1


def _hormann(buffers, pending, rate, highest, out):
    """Hormann's transformed rejection (PTRS) for rates of 10 and more."""
    if not pending.numel():
        return
    log_rate = torch.zeros_like(rate)
    log_rate[pending] = libm_double.log(rate[pending])
    b = 0.931 + 2.53 * libm_double.sqrt(rate)
    a = -0.059 + 0.02483 * b
    inv_alpha = 1.1239 + _divide(1.1328, b - 3.4)
    v_r = 0.9277 - _divide(3.6224, b - 2)
    while pending.numel():
        u = buffers.take("uniform", pending) - 0.5
        v = buffers.take("uniform", pending)
        shifted = 0.5 - u.abs()
        ar, br = a[pending], b[pending]
        k = torch.floor(((2 * ar) / shifted + br) * u + rate[pending] + 0.43)
        valid = ~(k > highest)
        quick = valid & (shifted >= 0.07) & (v <= v_r[pending])
        check = valid & ~quick & ~((k < 0) | ((shifted < 0.013) & (v > shifted)))
        accept = quick.clone()
        if bool(check.any()):
            rows = pending[check]
            sc = shifted[check]
            s = libm_double.log(v[check] * inv_alpha[rows] / (ar[check] / (sc * sc) + br[check]))
            kc = k[check]
            t = -rate[rows] + kc * log_rate[rows] - libm_double.lgamma_of_values(kc + 1)
            accept[check] = s <= t
        out[pending[accept]] = k[accept]
        pending = pending[~accept]


_STIRLING_TAIL = (
    0.0810614667953272,
    0.0413406959554092,
    0.0276779256849983,
    0.02079067210376509,
    0.0166446911898211,
    0.0138761288230707,
    0.0118967099458917,
    0.0104112652619720,
    0.00925546218271273,
    0.00833056343336287,
)


def _stirling_tail(k):
    """TF's ``stirling_approx_tail``: a table for ``k <= 9``, the series above."""
    table = torch.tensor(_STIRLING_TAIL, dtype=torch.float64, device=k.device)
    small = k <= 9
    index = torch.where(small, k, torch.zeros_like(k)).to(torch.int64)
    kp1sq = (k + 1) * (k + 1)
    series = (1.0 / 12 - (1.0 / 360 - _divide(1.0 / 1260, kp1sq)) / kp1sq) / (k + 1)
    return torch.where(small, table[index], series)


def binomial(counts, probs, smaller, samples_per_batch, key, counter, small_product):
    """Binomial(``counts``, ``probs``) samples as TF draws them, from float64 vectors over the
    (broadcast) batch: ``smaller`` is ``min(p, 1 - p)`` and ``small_product`` TF's
    ``count * smaller < 10`` test, both computed in the parameters' dtype as TF does.  Returns
    a float64 ``[samples_per_batch, batch]`` tensor."""
    count = counts.numel()
    device = counts.device
    total = count * samples_per_batch
    index = torch.arange(total, dtype=torch.int64, device=device)
    batch = index // samples_per_batch
    n, p, q = counts[batch], probs[batch], smaller[batch]
    out = torch.full((total,), float("nan"), dtype=torch.float64, device=device)
    zero = (n <= 0) | (p <= 0)
    out[zero] = 0.0
    full = ~zero & (p >= 1)
    out[full] = n[full]
    # TF: NaN for a NaN p; its loop never ends for a NaN count (NaN here).
    sampled = ~zero & ~full & ~torch.isnan(p) & ~torch.isnan(n)
    inversion = sampled & small_product[batch]
    btrs = sampled & ~small_product[batch]
    draws = torch.zeros_like(out)
    _inversion(_Buffers(key, counter, index * 42), index[inversion], n, q, draws)
    _btrs(_Buffers(key, counter, index * _RESERVED), index[btrs], n, q, draws)
    rows = inversion | btrs
    flip = p[rows] > 0.5
    out[rows] = torch.where(flip, n[rows] - draws[rows], draws[rows])
    return out.reshape(count, samples_per_batch).T


def _inversion(buffers, pending, n, q, out):
    """Binomial inversion: how many geometric(q) variables fit in ``n``."""
    if not pending.numel():
        return
    log_q = torch.zeros_like(q)
    log_q[pending] = libm_double.log1p(-q[pending])
    total = torch.zeros_like(q)
    while pending.numel():
        u = buffers.take("uniform", pending)
        total[pending] = total[pending] + torch.ceil(libm_double.log(u) / log_q[pending])
        done = total[pending] > n[pending]
        pending = pending[~done]
        out[pending] += 1


def _btrs(buffers, pending, n, p, out):
    """Hormann's BTRS transformed rejection, for ``n p >= 10``."""
    if not pending.numel():
        return
    stddev = libm_double.sqrt(n * p * (1 - p))
    b = 1.15 + 2.53 * stddev
    a = -0.0873 + 0.0248 * b + 0.01 * p
    c = n * p + 0.5
    v_r = 0.92 - _divide(4.2, b)
    r = p / (1 - p)
    alpha = (2.83 + _divide(5.1, b)) * stddev
    m = torch.floor((n + 1) * p)
    while pending.numel():
        u = buffers.take("uniform", pending)
        v = buffers.take("uniform", pending)
        u = u - 0.5
        us = 0.5 - u.abs()
        ap, bp, nk = a[pending], b[pending], n[pending]
        k = torch.floor((2 * ap / us + bp) * u + c[pending])
        accept = (us >= 0.07) & (v <= v_r[pending])
        check = ~accept & ~((k < 0) | (k > nk))
        if bool(check.any()):
            rows = pending[check]
            kc, nc, mc, rc, usc = k[check], n[rows], m[rows], r[rows], us[check]
            log = libm_double.log
            lhs = log(v[check] * alpha[rows] / (ap[check] / (usc * usc) + bp[check]))
            bound = (
                (mc + 0.5) * log((mc + 1) / (rc * (nc - mc + 1)))
                + (nc + 1) * log((nc - mc + 1) / (nc - kc + 1))
                + (kc + 0.5) * log(rc * (nc - kc + 1) / (kc + 1))
                + _stirling_tail(mc)
                + _stirling_tail(nc - mc)
                - _stirling_tail(kc)
                - _stirling_tail(nc - kc)
            )
            accept[check] = lhs <= bound
        out[pending[accept]] = k[accept]
        pending = pending[~accept]


def categorical(logits, num_samples, key, counter):
    """``num_samples`` class indices per row of ``logits`` (a float64 ``[batch, classes]``
    tensor) as TF's CPU kernel draws them in one shard: an int64 ``[batch, num_samples]``
    tensor."""
    rows = logits.shape[0]
    device = logits.device
    words = 2 * rows * num_samples
    blocks = philox.philox_blocks(key, counter, -(-words // 4), device).reshape(-1)[:words]
    uniforms = philox._unit_double(blocks[0::2], blocks[1::2]).reshape(rows, num_samples)
    finite = torch.isfinite(logits)
    largest = torch.where(finite, logits, torch.full_like(logits, -math.inf)).amax(dim=1)
    cdf = torch.where(finite, torch.exp(logits - largest[:, None]), torch.zeros_like(logits))
    cdf = torch.cumsum(cdf, dim=1)
    target = uniforms * cdf[:, -1:]
    return torch.searchsorted(cdf.contiguous(), target.contiguous(), right=True)
