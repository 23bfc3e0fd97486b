"""``tf.debugging``: runtime assertions with TF's eager messages.

Each assertion checks at once (eager) and returns ``None`` when it holds;
otherwise it raises TF's class (``InvalidArgumentError`` for value checks,
``ValueError``/``TypeError`` for static shape and dtype checks) with TF's
message text, including its summary of the offending values.
"""

from __future__ import annotations

import numpy as np
import torch

from ..framework import dtypes
from ..framework.convert import convert_to_tensor
from ..framework.errors import InvalidArgumentError
from ..framework.op_errors import attr_error, dims_text, op_error
from ..framework.tensor import Tensor, TensorOperators, wrap
from ..framework.tensor_ops import inputs as _binary_inputs
from ..api_export import tf_export

__all__ = [
    "Assert",
    "assert_equal",
    "assert_none_equal",
    "assert_less",
    "assert_less_equal",
    "assert_greater",
    "assert_greater_equal",
    "assert_near",
    "assert_positive",
    "assert_negative",
    "assert_non_negative",
    "assert_non_positive",
    "assert_rank",
    "assert_rank_at_least",
    "assert_rank_in",
    "assert_scalar",
    "assert_type",
    "assert_integer",
    "assert_shapes",
    "check_numerics",
    "assert_all_finite",
    "is_numeric_tensor",
]


def _message_prefix(message):
    return "%s.  " % message if message else ""


def _tensor(value):
    return convert_to_tensor(value)


def _pretty(item, summarize):
    """TF's ``_pretty_print``: a tensor as a list of its first ``summarize`` element texts."""
    if isinstance(item, TensorOperators):
        array = item.numpy()
        if np.isscalar(array) or not isinstance(array, np.ndarray):
            return str(array)
        flat = array.reshape(-1)
        texts = [str(v) for v in flat[:summarize]]
        if len(texts) < flat.size:
            texts.append("...")
        return str(texts)
    return str(item)


def _compare(x, y, torch_op, opname, symbol, message, summarize, data):
    x = _tensor(x)
    y = _tensor(y)
    a, b = _binary_inputs(x, y, opname)
    try:
        holds = torch_op(a, b)
    except RuntimeError:
        raise op_error(
            opname, "Incompatible shapes: %s vs. %s" % (dims_text(a.shape), dims_text(b.shape)), a
        ) from None
    if bool(holds.all()):
        return None
    summarize = 3 if summarize is None else (10**9 if summarize < 0 else int(summarize))
    if data is None:
        data = _assert_data(symbol, x, y, holds, summarize)
    if message is not None:
        data = [message] + list(data)
    raise InvalidArgumentError(None, None, "\n".join(_pretty(d, summarize) for d in data))


def _assert_data(symbol, x, y, holds, summarize):
    data = ["Condition x %s y did not hold." % symbol]
    if summarize > 0:
        if x.shape == y.shape and x.shape.as_list():
            failed = ~holds
            indices = failed.nonzero().cpu().numpy()
            count = min(summarize, indices.shape[0])
            x_values = np.asarray(x)[failed.cpu().numpy()].reshape(-1)
            y_values = np.asarray(y)[failed.cpu().numpy()].reshape(-1)
            data += [
                "Indices of first %d different values:" % count,
                indices[:count],
                "Corresponding x values:",
                x_values[:count],
                "Corresponding y values:",
                y_values[:count],
            ]
        x_flat = np.asarray(x).reshape(-1)
        y_flat = np.asarray(y).reshape(-1)
        x_count, y_count = min(x_flat.size, summarize), min(y_flat.size, summarize)
        data += [
            "First %d elements of x:" % x_count,
            x_flat[:x_count],
            "First %d elements of y:" % y_count,
            y_flat[:y_count],
        ]
    return data


@tf_export("debugging.assert_equal", "assert_equal")
def assert_equal(x, y, message=None, summarize=None, name=None):
    """``tf.debugging.assert_equal``: ``InvalidArgumentError`` unless ``x == y`` everywhere."""
    return _compare(x, y, _equal, "Equal", "==", message, summarize, None)


def _equal(a, b):
    if isinstance(a, np.ndarray):
        return torch.from_numpy(np.asarray(np.equal(a, b), dtype=bool))
    return torch.eq(a, b)


def _not_equal(a, b):
    if isinstance(a, np.ndarray):
        return torch.from_numpy(np.asarray(np.not_equal(a, b), dtype=bool))
    return torch.ne(a, b)


@tf_export("debugging.assert_none_equal")
def assert_none_equal(x, y, summarize=None, message=None, name=None):
    """``tf.debugging.assert_none_equal``: ``InvalidArgumentError`` if ``x == y`` anywhere."""
    return _compare(x, y, _not_equal, "NotEqual", "!=", message, summarize, None)


@tf_export("debugging.assert_less", "assert_less")
def assert_less(x, y, message=None, summarize=None, name=None):
    """``tf.debugging.assert_less``: ``InvalidArgumentError`` unless ``x < y`` everywhere."""
    return _compare(x, y, torch.lt, "Less", "<", message, summarize, None)


@tf_export("debugging.assert_less_equal")
def assert_less_equal(x, y, message=None, summarize=None, name=None):
    """``tf.debugging.assert_less_equal``: ``InvalidArgumentError`` unless ``x <= y`` everywhere."""
    return _compare(x, y, torch.le, "LessEqual", "<=", message, summarize, None)


@tf_export("debugging.assert_greater", "assert_greater")
def assert_greater(x, y, message=None, summarize=None, name=None):
    """``tf.debugging.assert_greater``: ``InvalidArgumentError`` unless ``x > y`` everywhere."""
    return _compare(x, y, torch.gt, "Greater", ">", message, summarize, None)


@tf_export("debugging.assert_greater_equal")
def assert_greater_equal(x, y, message=None, summarize=None, name=None):
    """``tf.debugging.assert_greater_equal``: ``InvalidArgumentError`` unless ``x >= y``
    everywhere."""
    return _compare(x, y, torch.ge, "GreaterEqual", ">=", message, summarize, None)


def _sign_assert(x, message, summarize, condition, zero_first, torch_op, opname):
    prefix = _message_prefix(message)
    x = _tensor(x)
    zero = convert_to_tensor(0, dtype=x.dtype)
    described = "x (shape=%s dtype=%s) = " % (x.shape, x.dtype.name)
    if condition is None:
        data = [prefix, "Condition x <= 0 did not hold element-wise:" + described, x]
    else:
        data = [prefix, condition, described, x]
    first, second = (zero, x) if zero_first else (x, zero)
    return _compare(first, second, torch_op, opname, "", None, summarize, data)


@tf_export("debugging.assert_positive")
def assert_positive(x, message=None, summarize=None, name=None):
    """``tf.debugging.assert_positive``: ``InvalidArgumentError`` unless ``x > 0`` everywhere."""
    return _sign_assert(
        x, message, summarize, "Condition x > 0 did not hold element-wise:", True, torch.lt, "Less"
    )


@tf_export("debugging.assert_negative")
def assert_negative(x, message=None, summarize=None, name=None):
    """``tf.debugging.assert_negative``: ``InvalidArgumentError`` unless ``x < 0`` everywhere."""
    return _sign_assert(
        x, message, summarize, "Condition x < 0 did not hold element-wise:", False, torch.lt, "Less"
    )


@tf_export("debugging.assert_non_negative")
def assert_non_negative(x, message=None, summarize=None, name=None):
    """``tf.debugging.assert_non_negative``: ``InvalidArgumentError`` unless ``x >= 0``
    everywhere."""
    return _sign_assert(
        x,
        message,
        summarize,
        "Condition x >= 0 did not hold element-wise:",
        True,
        torch.le,
        "LessEqual",
    )


@tf_export("debugging.assert_non_positive")
def assert_non_positive(x, message=None, summarize=None, name=None):
    """``tf.debugging.assert_non_positive``: ``InvalidArgumentError`` unless ``x <= 0`` everywhere
    (its message runs two lines together, as TF's does)."""
    return _sign_assert(x, message, summarize, None, False, torch.le, "LessEqual")


def _summarize_eager(item, summarize):
    """TF's ``_summarize_eager``: how ``tf.debugging.Assert`` shows one data item."""
    if not isinstance(item, TensorOperators):
        item = convert_to_tensor(item)
    summarize = (
        3 if summarize is None else (item.shape.num_elements() if summarize < 0 else summarize)
    )
    array = item.numpy()
    if item.ndim:
        flat = array.reshape(-1)
        texts = [str(v) for v in flat[:summarize]]
        if len(texts) < flat.size:
            texts.append("...")
    else:
        texts = [str(array)] if summarize != 0 else []
    return ", ".join(texts)


@tf_export("debugging.Assert", "Assert")
def Assert(condition, data, summarize=None, name=None):  # noqa: N802 - TF's name
    """``tf.debugging.Assert``: ``InvalidArgumentError`` listing ``data`` unless ``condition`` is
    true."""
    if bool(condition if not isinstance(condition, TensorOperators) else condition.numpy()):
        return None
    shown = "\n".join(_summarize_eager(d, summarize) for d in data)
    raise InvalidArgumentError(
        None, None, "Expected '%s' to be true. Summarized data: %s" % (condition, shown)
    )


@tf_export("debugging.assert_near")
def assert_near(x, y, rtol=None, atol=None, message=None, summarize=None, name=None):
    """``tf.debugging.assert_near``: ``InvalidArgumentError`` unless ``|x - y| <= atol + rtol *
    |y|`` everywhere (tolerances default to 10 machine epsilons of the dtype)."""
    prefix = _message_prefix(message)
    x = _tensor(x)
    try:
        y = convert_to_tensor(y, dtype=x.dtype)
    except ValueError as error:
        raise ValueError("y: %s" % error) from None
    dtype = x.dtype.real_dtype
    eps = np.finfo(dtype.as_numpy_dtype).eps
    rtol = convert_to_tensor(10 * eps if rtol is None else rtol, dtype=dtype)
    atol = convert_to_tensor(10 * eps if atol is None else atol, dtype=dtype)
    diff = abs(x - y)
    tolerance = atol + rtol * abs(y)
    condition = wrap(torch.all(diff._value <= tolerance._value))
    data = [
        prefix,
        "x and y not equal to tolerance rtol = %s, atol = %s" % (rtol, atol),
        "x (shape=%s dtype=%s) = " % (x.shape, x.dtype.name),
        x,
        "y (shape=%s dtype=%s) = " % (y.shape, y.dtype.name),
        y,
    ]
    return Assert(condition, data, summarize=summarize)


@tf_export("debugging.assert_rank", "assert_rank")
def assert_rank(x, rank, message=None, name=None):
    """``tf.debugging.assert_rank``: ``ValueError`` unless ``x`` has rank ``rank``."""
    expected = _rank_value(rank)
    x = _tensor(x)
    if x.ndim != expected:
        raise ValueError(
            "%sTensor  must have rank %d.  Received rank %d, shape %s"
            % (_message_prefix(message), expected, x.ndim, x.shape)
        )


def _rank_value(rank):
    value = rank.numpy() if isinstance(rank, TensorOperators) else np.asarray(rank)
    if np.ndim(value) != 0:
        raise ValueError("Rank must be a scalar.")
    return int(value)


@tf_export("debugging.assert_rank_at_least")
def assert_rank_at_least(x, rank, message=None, name=None):
    """``tf.debugging.assert_rank_at_least``: ``ValueError`` unless ``x`` has rank >= ``rank``."""
    expected = _rank_value(rank)
    x = _tensor(x)
    if x.ndim < expected:
        raise ValueError(
            "%sTensor  must have rank at least %d.  Received rank %d, shape %s"
            % (_message_prefix(message), expected, x.ndim, x.shape)
        )


@tf_export("debugging.assert_rank_in")
def assert_rank_in(x, ranks, message=None, name=None):
    """``tf.debugging.assert_rank_in``: ``ValueError`` unless ``x``'s rank is one of ``ranks``."""
    allowed = tuple(_rank_value(r) for r in ranks)
    x = _tensor(x)
    if x.ndim not in allowed:
        raise ValueError(
            "%sTensor  must have rank in %s.  Received rank %d, shape %s"
            % (_message_prefix(message), allowed, x.ndim, x.shape)
        )


@tf_export("debugging.assert_scalar")
def assert_scalar(tensor, message=None, name=None):
    """``tf.debugging.assert_scalar``: ``ValueError`` unless ``tensor`` has rank 0; returns
    None (TF 2's ``assert_scalar_v2``)."""
    tensor = _tensor(tensor)
    if tensor.ndim != 0:
        raise ValueError(
            "%sExpected scalar shape, saw shape: %s." % (_message_prefix(message), tensor.shape)
        )


@tf_export("debugging.assert_type")
def assert_type(tensor, tf_type, message=None, name=None):
    """``tf.debugging.assert_type``: ``TypeError`` unless ``tensor``'s dtype is ``tf_type``."""
    expected = dtypes.as_dtype(tf_type)
    tensor = _tensor(tensor)
    if tensor.dtype is not expected:
        raise TypeError(
            "%stensor must be of type %r; got %r"
            % (_message_prefix(message), expected, tensor.dtype)
        )


@tf_export("debugging.assert_integer")
def assert_integer(x, message=None, name=None):
    """``tf.debugging.assert_integer``: ``TypeError`` unless ``x`` has an integer dtype."""
    x = _tensor(x)
    if not x.dtype.is_integer:
        raise TypeError(
            '%sExpected "x" to be integer type.  Found: tensor of dtype %s'
            % (_message_prefix(message), x.dtype)
        )


@tf_export("debugging.is_numeric_tensor")
def is_numeric_tensor(tensor):
    """``tf.debugging.is_numeric_tensor``: True for tensors of a numeric (or bool) dtype."""
    return isinstance(tensor, TensorOperators) and tensor.dtype is not dtypes.string


def _spec_items(shapes):
    if isinstance(shapes, dict):
        return list(shapes.items())
    return [tuple(item) for item in shapes]


@tf_export("debugging.assert_shapes")
def assert_shapes(shapes, data=None, summarize=None, message=None, name=None):
    """``tf.debugging.assert_shapes``: checks each ``(tensor, dims)`` pair; dims are ints,
    ``None``/``'.'`` (any size), symbols (the same size wherever used) and a leading
    ``'*'``/``'...'`` for any number of leading dims.  ``ValueError`` with TF's text."""
    prefix = _message_prefix(message)
    sizes = {}
    for tensor, spec in _spec_items(shapes):
        tensor = _tensor(tensor)
        spec = tuple(spec) if isinstance(spec, (list, tuple)) else (spec,)
        dims = tensor.shape.as_list()
        leading = bool(spec) and spec[0] == "*"
        body = spec[1:] if leading else spec
        if (leading and len(dims) < len(body)) or (not leading and len(dims) != len(body)):
            raise ValueError(
                "%sTensor  must have rank %d.  Received rank %d, shape %s"
                % (prefix, len(body), len(dims), tensor.shape)
            )
        offset = len(dims) - len(body)
        described = "shape=%s dtype=%s" % (tensor.shape, tensor.dtype.name)
        for position, symbol in enumerate(body):
            index = offset + position
            size = dims[index]
            if symbol is None or symbol == ".":
                continue
            if isinstance(symbol, str):
                if symbol not in sizes:
                    sizes[symbol] = (size, described, index)
                    continue
                want, origin, origin_index = sizes[symbol]
                source = "Specified by tensor %s dimension %d" % (origin, origin_index)
            else:
                want, source = int(symbol), "Specified explicitly"
            if size != want:
                raise ValueError(
                    "%s%s.  Tensor %s dimension %d must have size %d.  Received size %d, shape %s"
                    % (prefix, source, described, index, want, size, tensor.shape)
                )


@tf_export("debugging.check_numerics")
def check_numerics(tensor, message, name=None):
    """``tf.debugging.check_numerics``: ``tensor`` itself, or ``InvalidArgumentError`` if it has
    NaN or Inf."""
    if not isinstance(tensor, TensorOperators):
        tensor = convert_to_tensor(tensor)
    storage = tensor._value
    if not isinstance(storage, torch.Tensor) or not storage.is_floating_point():
        raise attr_error("CheckNumerics", tensor.dtype, name=name or "")
    has_nan = bool(torch.isnan(storage).any())
    has_inf = bool(torch.isinf(storage).any())
    if has_nan or has_inf:
        kind = "Inf and NaN" if has_nan and has_inf else ("NaN" if has_nan else "Inf")
        raise op_error(
            "CheckNumerics", "%s : Tensor had %s values" % (message, kind), storage, name=name or ""
        )
    return tensor if type(tensor) is Tensor else wrap(storage)


@tf_export("debugging.assert_all_finite")
def assert_all_finite(x, message, name=None):
    """``tf.debugging.assert_all_finite``: ``check_numerics`` under its TF2 name."""
    return check_numerics(x, message, name)
