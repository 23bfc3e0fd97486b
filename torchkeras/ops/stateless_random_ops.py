"""``tf.random.stateless_*``: TF's exact numbers for a seed pair (Philox, ``ops/philox.py``).

As TF (``alg="auto_select"`` and ``"philox"``): the seed pair is scrambled into a Philox key
and counter (``StatelessRandomGetKeyCounter``), the raw op fills the shape from that stream,
and the Python wrapper scales it (``rnd * (maxval - minval) + minval``,
``rnd * stddev + mean``) in the output dtype.  ``"threefry"`` is refused.
"""

from __future__ import annotations

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import device as _device
from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.tensor import TensorOperators, wrap
from . import philox
from ._args import shape_arg
from .shape_ops import stack
from ..framework.op_errors import attr_error, dims_text, op_error

__all__ = []

_FLOATS = (dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64)
_INTS = (dtypes.int32, dtypes.int64, dtypes.uint32, dtypes.uint64)
_ALGS = {None: 1, "auto_select": 1, "philox": 1, 1: 1, 3: 1, "threefry": 2, 2: 2}


def check_alg(alg):
    """TF's algorithm argument as its id; only Philox (1) and auto-select (3 -> Philox) run."""
    value = getattr(alg, "value", alg)
    value = value.lower() if isinstance(value, str) else value
    if value not in _ALGS:
        raise ValueError(
            "Argument `alg` got unsupported value %s. Supported values are %s for "
            "the Philox algorithm, %s for the ThreeFry algorithm, and %s for "
            "auto-selection." % (alg, ["philox", 1], ["threefry", 2], ["auto_select", 3])
        )
    if _ALGS[value] != 1:
        raise NotImplementedError(
            "torchkeras runs TF's Philox random streams only; the ThreeFry "
            "algorithm is not available."
        )
    return 1


def seed_key_counter(seed):
    """The Philox key and counter words TF derives from a stateless ``seed`` pair."""
    storage = seed._value if isinstance(seed, TensorOperators) else convert_to_tensor(seed)._value
    if (
        isinstance(storage, torch.Tensor)
        and storage.dtype in (torch.int32, torch.int64)
        and tuple(storage.shape) == (2,)
    ):
        first, second = storage.tolist()
        return philox.scramble_seed(first, second)
    if isinstance(storage, np.ndarray) or storage.dtype not in (torch.int32, torch.int64):
        raise attr_error("StatelessRandomGetKeyCounter", storage, "Tseed", name=None)
    raise op_error(
        "StatelessRandomGetKeyCounter",
        "seed must have shape [2], not %s" % dims_text(storage.shape),
        storage,
        name=None,
    )


def torch_dtype(dtype):
    """The torch dtype of a random op's output (unsigned kinds need torch's uint dtypes)."""
    if dtype.torch_dtype is None:
        raise TypeError("dtype %s is not supported by this torch build" % dtype.name)
    return dtype.torch_dtype


def draw(kind, shape, dtype, key, counter, op, low=None, high=None):
    """TF's raw op output: ``kind`` (see ``philox.fill``) for ``shape`` of TF ``dtype``."""
    dims = shape_arg(shape, op, "", attr="Tshape")
    device = _device.current()
    if dtype in (dtypes.uint32, dtypes.uint64):
        signed = torch.int32 if dtype is dtypes.uint32 else torch.int64
        values = philox.fill(kind, dims, signed, key, counter, device)
        return values.view(torch_dtype(dtype))
    return philox.fill(kind, dims, dtype.torch_dtype, key, counter, device, low, high)


def _scalar(value, dtype):
    """A bound or scale argument as storage of the output dtype (TF's conversion errors)."""
    return convert_to_tensor(value, dtype=dtype)._value


def uniform_from(shape, dtype, minval, maxval, key, counter, ops):
    """``uniform`` of TF's stateless and Generator wrappers, for a key/counter already drawn."""
    full_op, int_op, float_op = ops
    if dtype.is_integer and minval is None:
        return wrap(draw("full_int", shape, dtype, key, counter, full_op))
    low = _scalar(minval, dtype)
    high = _scalar(maxval, dtype)
    if dtype.is_integer:
        if low.ndim or high.ndim:
            which, bad = ("minval", low) if low.ndim else ("maxval", high)
            raise op_error(
                int_op, "%s must be 0-D, got shape %s" % (which, list(bad.shape)), None, ""
            )
        lo, hi = int(low), int(high)
        if lo >= hi:
            raise op_error(int_op, "Need minval < maxval, got %d >= %d" % (lo, hi), None, "")
        return wrap(draw("uniform_int", shape, dtype, key, counter, int_op, lo, hi))
    rnd = draw("uniform", shape, dtype, key, counter, float_op)
    return wrap(rnd * (high - low) + low)


def check_uniform_args(dtype, minval, maxval, accepted):
    """TF's argument checks of ``stateless_uniform``; returns the (defaulted) ``maxval``."""
    if dtype not in accepted:
        raise ValueError(
            "Argument `dtype` got invalid value %r. Accepted dtypes are (%s)."
            % (dtype, ", ".join(repr(d) for d in accepted))
        )
    if dtype.is_integer:
        if (minval is None) != (maxval is None):
            raise ValueError(
                "For integer `dtype` argument %r, argument `minval` and `maxval` must "
                "be both None or not None. Got `minval`=%s and `maxval`=%s."
                % (dtype, minval, maxval)
            )
        if minval is not None and dtype in (dtypes.uint32, dtypes.uint64):
            raise ValueError(
                "Argument `dtype` got invalid value %r when argument `minval` is not "
                "None. Please don't use unsigned integers in this case." % dtype
            )
        return maxval
    return 1 if maxval is None else maxval


@tf_export("random.stateless_uniform")
def stateless_uniform(
    shape, seed, minval=0, maxval=None, dtype=dtypes.float32, name=None, alg="auto_select"
):
    """``tf.random.stateless_uniform``: TF's exact uniform numbers for ``seed`` (a pair of ints).

    Floats in ``[minval, maxval)`` (default ``[0, 1)``); integers need both bounds, or
    neither for the full range.
    """
    dtype = dtypes.as_dtype(dtype)
    maxval = check_uniform_args(dtype, minval, maxval, _FLOATS + _INTS)
    check_alg(alg)
    if minval is None and not dtype.is_integer:
        raise ValueError(
            "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) "
            "to a Tensor."
        )
    key, counter = seed_key_counter(seed)
    return uniform_from(
        shape,
        dtype,
        minval,
        maxval,
        key,
        counter,
        (
            "StatelessRandomUniformFullIntV2",
            "StatelessRandomUniformIntV2",
            "StatelessRandomUniformV2",
        ),
    )


def _float_dtype(dtype):
    dtype = dtypes.as_dtype(dtype)
    if dtype not in _FLOATS:
        raise TypeError(
            "Value passed to parameter 'dtype' has DataType %s not in list of allowed "
            "values: float16, bfloat16, float32, float64" % dtype.name
        )
    return dtype


def scaled(kind, shape, mean, stddev, dtype, key, counter, op):
    """``rnd * stddev + mean`` of a raw normal-type op, as TF's wrappers compute it."""
    mean = _scalar(mean, dtype)
    stddev = _scalar(stddev, dtype)
    rnd = draw(kind, shape, dtype, key, counter, op)
    return wrap(rnd * stddev + mean)


@tf_export("random.stateless_normal")
def stateless_normal(
    shape, seed, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None, alg="auto_select"
):
    """``tf.random.stateless_normal``: TF's exact normal numbers for ``seed`` (Box-Muller)."""
    dtype = _float_dtype(dtype)
    check_alg(alg)
    key, counter = seed_key_counter(seed)
    return scaled("normal", shape, mean, stddev, dtype, key, counter, "StatelessRandomNormalV2")


@tf_export("random.stateless_truncated_normal")
def stateless_truncated_normal(
    shape, seed, mean=0.0, stddev=1.0, dtype=dtypes.float32, name=None, alg="auto_select"
):
    """``tf.random.stateless_truncated_normal``: TF's exact normal numbers within two standard
    deviations for ``seed``."""
    dtype = _float_dtype(dtype)
    check_alg(alg)
    key, counter = seed_key_counter(seed)
    return scaled(
        "truncated_normal", shape, mean, stddev, dtype, key, counter, "StatelessTruncatedNormalV2"
    )


@tf_export("random.split", "random.experimental.stateless_split")
def split(seed, num=2, alg="auto_select"):
    """``tf.random.split``: ``num`` new seed pairs (a ``[num, 2]`` tensor of ``seed``'s dtype)
    drawn from ``seed`` with ``stateless_uniform``'s full integer range, TF's exact values."""
    seed = convert_to_tensor(seed)
    return stateless_uniform(
        shape=[num, 2], seed=seed, dtype=seed.dtype, minval=None, maxval=None, alg=alg
    )


@tf_export("random.fold_in", "random.experimental.stateless_fold_in")
def fold_in(seed, data, alg="auto_select"):
    """``tf.random.fold_in``: the seed pair ``[uniform_full_int(seed), data]`` in ``data``'s
    dtype, TF's exact values."""
    data = convert_to_tensor(data)
    first = stateless_uniform(
        shape=[], seed=seed, dtype=data.dtype, minval=None, maxval=None, alg=alg
    )
    return stack([first, data])
