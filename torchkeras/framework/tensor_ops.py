"""The machinery behind Tensor operators: TF's operand rules and error texts.

``binary`` implements TF's rule for ``x <op> y``: the non-tensor operand is
converted with the tensor's dtype as a hint, two tensors of different dtypes
raise ``InvalidArgumentError``; torch's errors for cases TF reports (shapes,
devices, integer division by zero) are translated to TF's class and text
(``op_errors.translate_error``).
"""

from __future__ import annotations

import numpy as np
import torch

from . import dtypes
from . import convert as _convert
from . import np_promotion
from . import global_state
from .global_state import PROCESS
from .composite_tensor import CompositeTensor
from .dispatch import CompositeArgumentError, operator_operand
from .op_errors import (
    allowed_dtypes,
    attr_error,
    cannot_convert,
    dims_text,
    dtype_of,
    input_dtype_error,
    matmul_input_error,
    kernel_name,
    op_error,
    translate_error,
    type_name,
)
from .tensor import Tensor, TensorOperators, wrap

__all__ = [
    "binary",
    "rbinary",
    "inputs",
    "unary",
    "equality",
    "strided_slice",
    "truediv",
    "floordiv",
    "matmul2",
]

_new = object.__new__


_REFUSED = {}
"""Op name -> the torch dtypes its kernel refuses (TF's ``T`` list, complemented)."""


_CHECKED_OPERATORS = frozenset(
    (
        "AddV2",
        "Sub",
        "Pow",
        "Less",
        "LessEqual",
        "Greater",
        "GreaterEqual",
        "FloorDiv",
        "FloorMod",
        "RealDiv",
    )
)
"""The operators whose kernel TF runs as such (``*`` on bools is ``logical_and`` in TF, ``&``
and ``|`` are logical or bitwise ops with no ``T`` list)."""


def _refused(opname):
    refused = _REFUSED.get(opname)
    if refused is None:
        if opname not in _CHECKED_OPERATORS:
            _REFUSED[opname] = frozenset()
            return _REFUSED[opname]
        allowed = allowed_dtypes(opname)
        refused = _REFUSED[opname] = frozenset(
            d
            for d in (
                torch.bool,
                torch.uint8,
                torch.uint16,
                torch.uint32,
                torch.uint64,
                torch.int8,
                torch.int16,
                torch.complex64,
                torch.complex128,
            )
            if d not in allowed
        )
    return refused


def check_operand(a, opname):
    """TF's attr error when operator ``opname``'s kernel does not take ``a``'s dtype
    (``bool + bool``, ``uint8 ** uint8``); ``/`` on bool is TF's ``TypeError``."""
    if isinstance(a, np.ndarray) or a.dtype in _refused(opname):
        if opname == "RealDiv":
            raise TypeError(
                "Invalid dtype tf.%s in __truediv__. Expected one of {tf.uint8, tf.int8, "
                "tf.uint16, tf.int16, tf.uint32, tf.int32, tf.uint64, tf.int64, tf.bfloat16, "
                "tf.float16, tf.float32, tf.float64, tf.complex64, tf.complex128}."
                % dtype_of(a).name
            )
        if isinstance(a, np.ndarray):
            return
        raise attr_error(opname, a)


def binary(fn, x, y, opname, scalars=True):
    """``fn(x, y)`` for operator ``x <op> y`` with TF's operand rules (NumPy's promotion once
    NumPy behavior is enabled)."""
    if PROCESS.numpy_behavior:
        x, y = np_promotion.promote_operands(x, y)
    a = x._value
    ty = type(y)
    if ty is Tensor or isinstance(y, TensorOperators):
        b = y._value
        if b.dtype is not a.dtype:
            raise _mixed_dtypes(opname, a, b)
    elif scalars and ty is float and (a.dtype.is_floating_point or a.dtype.is_complex):
        b = y
    elif scalars and ty is int and a.dtype is not torch.bool and isinstance(a, torch.Tensor):
        b = y
    elif isinstance(y, CompositeTensor):
        return operator_operand(opname, x, y)
    elif opname in _HINTED_LEFT:
        b = _convert.to_torch_like(y, a)
        if dtype_of(b) is not dtype_of(a):
            raise _mixed_dtypes(opname, a, b)
    else:
        b = operand_like(y, a)
    check_operand(a, opname)
    try:
        result = fn(a, b)
    except (RuntimeError, TypeError, ValueError) as error:
        if isinstance(a, np.ndarray):
            return wrap(_string_binary(opname, a, b))
        raise translate_error(
            error, opname, a, b if isinstance(b, torch.Tensor) else None
        ) from None
    tensor = _new(Tensor)
    tensor._value = result
    return tensor


_BITWISE = {"LogicalAnd": "BitwiseAnd", "LogicalOr": "BitwiseOr", "LogicalXor": "BitwiseXor"}
_BITWISE_ALLOWED = {name: allowed_dtypes(name) for name in _BITWISE.values()}


def _no_ror(y):
    """TF's ``|`` with an operand it cannot convert: it then calls the operand's ``__ror__``."""
    return AttributeError("'%s' object has no attribute '__ror__'" % type(y).__name__)


def logical_binary(fn, x, y, opname):
    """``x & y``, ``x | y``, ``x ^ y`` (``opname``: the logical op): logical on bool tensors,
    TF's bitwise kernel otherwise, with TF's order of checks: the other operand's conversion
    (``|`` then looks for the operand's ``__ror__``, an ``AttributeError``), the kernel's dtype
    list, the operands' dtypes, their shapes."""
    a = x._value
    if a.dtype is torch.bool or PROCESS.numpy_behavior or not isinstance(a, torch.Tensor):
        if opname != "LogicalOr" or isinstance(y, TensorOperators):
            return binary(fn, x, y, opname)
        try:
            return binary(fn, x, y, opname)
        except (TypeError, ValueError):
            raise _no_ror(y) from None
    kernel = _BITWISE[opname]
    if isinstance(y, TensorOperators):
        b = y._value
    else:
        try:
            b = operand_like(y, a)
        except (TypeError, ValueError):
            if opname != "LogicalOr":
                raise
            raise _no_ror(y) from None
    if a.dtype not in _BITWISE_ALLOWED[kernel]:
        raise attr_error(kernel, a)
    if b.dtype is not a.dtype:
        raise input_dtype_error(kernel, 1, a, b)
    try:
        return wrap(fn(a, b))
    except (RuntimeError, TypeError, ValueError) as error:
        raise translate_error(error, kernel, a, b) from None


_HINTED_OPERATORS = frozenset(("AddV2", "MatMul"))
_HINTED_LEFT = _HINTED_OPERATORS | {"RealDiv"}
"""``/`` converts its right operand with a dtype hint too (then checks the dtypes in Python)."""
"""Operators that convert their other operand with the tensor's dtype as a hint only (TF's
``+`` and ``@``): a value of another kind reaches the kernel's dtype check."""


def _mixed_dtypes(opname, a, b):
    """TF's error for an operator on two tensors of different dtypes: ``/`` checks them in Python
    (``TypeError``), the others in the kernel (``MatMul`` names oneDNN's kernel)."""
    if opname == "RealDiv":
        return TypeError(
            "`x` and `y` must have the same dtype, got tf.%s != tf.%s."
            % (dtype_of(a).name, dtype_of(b).name)
        )
    kernel = kernel_name(opname, a) if opname == "MatMul" else None
    return input_dtype_error(opname, 1, a, b, kernel=kernel)


def operand_like(value, like):
    """A non-tensor operand converted to the tensor operand's dtype, as TF's operators convert
    it (``convert_to_tensor(value, dtype=x.dtype)``): ``TypeError`` when it does not fit."""
    try:
        if type(value) is bool and isinstance(like, torch.Tensor):  # an explicit dtype takes it
            storage = torch.tensor(value, dtype=like.dtype, device=like.device)
        else:
            storage = _convert.to_torch_like(value, like)
    except (TypeError, ValueError) as error:
        if str(error).startswith("Attempt to convert"):
            raise
        raise cannot_convert(value, like) from None
    if storage.dtype != like.dtype:
        raise cannot_convert(value, like)
    return storage


def rbinary(fn, x, y, opname, scalars=True):
    """``fn(y, x)`` for the reflected operator ``y <op> x`` (``y`` is not a Tensor; a
    composite ``y`` that has no such operator fails with TF's plain ``ValueError``)."""
    if PROCESS.numpy_behavior:
        x, y = np_promotion.promote_operands(x, y)
    a = x._value
    try:
        b = _convert.to_torch_like(y, a) if opname in _HINTED_OPERATORS else operand_like(y, a)
    except CompositeArgumentError as error:
        raise ValueError(*error.args) from None
    if opname in _HINTED_OPERATORS and b.dtype != a.dtype:
        raise input_dtype_error(opname, 1, b, a)
    if isinstance(a, np.ndarray):
        return wrap(_string_binary(opname, b, a))
    check_operand(a, opname)
    try:
        return wrap(fn(b, a))
    except (RuntimeError, TypeError, ValueError) as error:
        raise translate_error(error, opname, b, a) from None


def inputs(x, y, opname):
    """Storage of two op inputs, converted and checked with TF's rules (for ``tf.add`` etc.).

    As in TF, a non-tensor ``x`` is converted on its own; ``y`` takes ``x``'s dtype as a hint.
    """
    a = x._value if isinstance(x, TensorOperators) else _convert.to_torch(x)
    b = _convert.to_torch_like(y, a)
    if a.dtype != b.dtype:
        raise input_dtype_error(opname, 1, a, b)
    return a, b


def unary(fn, x, opname):
    """``fn(x)`` wrapped, with torch's dtype errors reported as TF's."""
    a = x._value
    try:
        return wrap(fn(a))
    except (RuntimeError, TypeError) as error:
        raise translate_error(error, opname, a) from None


def equality(x, y, opname):
    """TF2's ``==`` / ``!=``: elementwise, but ``False``/``True`` when shapes cannot broadcast."""
    equal = opname == "Equal"
    if y is None:
        return not equal
    if PROCESS.numpy_behavior:
        x, y = np_promotion.promote_operands(x, y)
    a = x._value
    if type(y) is Tensor or isinstance(y, TensorOperators):
        b = y._value
    elif isinstance(a, torch.Tensor):
        b = operand_like(y, a)  # TF converts it with the tensor's dtype: TypeError if it cannot
    else:
        try:
            b = _convert.to_torch_like(y, a)
        except CompositeArgumentError:
            return operator_operand(opname, x, y)
        except (ValueError, TypeError):
            raise cannot_convert(y, a) from None
    if (b.dtype if isinstance(b, torch.Tensor) else np.dtype(object)) != (
        a.dtype if isinstance(a, torch.Tensor) else np.dtype(object)
    ):
        raise input_dtype_error(opname, 1, a, b)
    if isinstance(a, np.ndarray):
        try:
            return wrap(_string_binary(opname, a, b))
        except ValueError:
            return wrap(torch.tensor(not equal))
    try:
        torch.broadcast_shapes(a.shape, b.shape)
    except RuntimeError:
        return wrap(torch.tensor(not equal, device=a.device))
    try:
        return wrap(torch.eq(a, b) if equal else torch.ne(a, b))
    except RuntimeError as error:
        raise translate_error(error, opname, a, b) from None


def _string_binary(opname, a, b):
    if isinstance(b, str) or isinstance(b, bytes):
        b = np.array(b.encode() if isinstance(b, str) else b, dtype=object)
    if opname == "AddV2":
        return np.asarray(np.add(a, b), dtype=object)
    if opname == "Equal":
        return torch.from_numpy(np.asarray(np.equal(a, b), dtype=bool))
    if opname == "NotEqual":
        return torch.from_numpy(np.asarray(np.not_equal(a, b), dtype=bool))
    raise attr_error(opname, "string")


def truediv(a, b):
    """TF's ``/``: integers are divided as float32 (8/16-bit) or float64 (32/64-bit)."""
    if a.dtype.is_floating_point or a.dtype.is_complex:
        return torch.div(a, b)
    target = torch.float32 if a.dtype in (torch.int8, torch.int16, torch.uint8) else torch.float64
    return torch.div(a.to(target), b.to(target) if isinstance(b, torch.Tensor) else b)


def floordiv(a, b):
    """TF's ``//`` (floor division; integer results stay integer)."""
    return torch.floor_divide(a, b)


_MATMUL_DIRECT = frozenset(
    (torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int32, torch.int64)
)


def matmul2(a, b):
    """``a @ b`` with TF's dtype, rank and size checks (rank >= 2 on both sides)."""
    if a.ndim < 2 or b.ndim < 2 or a.dtype not in _MATMUL_DIRECT:
        error = matmul_input_error(a, b)
        if error is not None:
            raise error
    if a.shape[-1] != b.shape[-2]:
        raise op_error(
            "MatMul",
            "Matrix size-incompatible: In[0]: %s, In[1]: %s"
            % (dims_text(a.shape), dims_text(b.shape)),
            a,
        )
    return torch.matmul(a, b)


def bitwise_and(a, b):
    """``&``: logical for bool tensors, bitwise for integers."""
    return torch.bitwise_and(a, b)


def bitwise_or(a, b):
    """``|``: logical for bool tensors, bitwise for integers."""
    return torch.bitwise_or(a, b)


def bitwise_xor(a, b):
    """``^``: logical for bool tensors, bitwise for integers."""
    return torch.bitwise_xor(a, b)


def invert(a):
    """``~``: logical not for bool tensors, bitwise not for integers."""
    return torch.bitwise_not(a)


_INDEX_ERROR = (
    "Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar "
    "tf.int32/tf.int64 tensors are valid indices, got %r"
)


def _normalize_index(item):
    """An index element as TF accepts it, converted for torch."""
    if item is None or item is Ellipsis or type(item) is int or type(item) is slice:
        return item
    if isinstance(item, (bool, np.bool_)):
        raise TypeError(_INDEX_ERROR % (item,))
    if isinstance(item, (int, np.integer)):
        return int(item)
    if isinstance(item, TensorOperators):
        value = item._value
        if (
            isinstance(value, torch.Tensor)
            and value.dtype in (torch.int32, torch.int64)
            and value.ndim == 0
        ):
            return int(value)
    raise TypeError(_INDEX_ERROR % (item,))


def strided_slice(value, key, source=None):
    """TF's ``tensor[key]``: ints, slices (negative steps too), ``None``, ``...``,
    scalar int tensors, and a boolean mask tensor as the whole key."""
    if isinstance(key, TensorOperators) and key.dtype is dtypes.bool:
        return value[key._value]
    if type(key) is not tuple:
        key = tuple(key) if isinstance(key, list) else (key,)
    key = tuple(_normalize_index(k) for k in key)
    if sum(1 for k in key if k is Ellipsis) > 1:
        raise _slice_error("Multiple ellipses in slice spec not allowed", value)
    rank = value.ndim
    consumed = sum(1 for k in key if k is not None and k is not Ellipsis)
    if consumed and rank == 0:
        raise _slice_error("Attempting to slice scalar input.", value)
    if consumed > rank:
        raise _slice_error(
            "Index out of range using input dim %d; input has only %d dims" % (rank, rank), value
        )
    torch_key = []
    dim = 0
    for position, k in enumerate(key):
        if k is None:
            torch_key.append(None)
        elif k is Ellipsis:
            torch_key.append(Ellipsis)
            dim += rank - consumed
        elif type(k) is int:
            size = value.shape[dim]
            if not -size <= k < size:
                graph = _graph_index_error(value, key, k + size if k < 0 else k, dim, source)
                if graph is not None:
                    raise graph
                raise _slice_error(
                    "slice index %d of dimension %d out of bounds."
                    % (k + size if k < 0 else k, dim),
                    value,
                )
            torch_key.append(k)
            dim += 1
        else:
            step = 1 if k.step is None else int(k.step)
            if step == 0:
                raise _slice_error("strides[%d] must be non-zero" % position, value)
            if step < 0 and isinstance(value, torch.Tensor):
                size = value.shape[dim]
                start, stop, step = k.indices(size)
                value = value.flip(dim)
                k = slice(size - 1 - start, size - 1 - stop, -step)
            torch_key.append(k)
            dim += 1
    result = value[tuple(torch_key)]
    if isinstance(value, np.ndarray) and not isinstance(result, np.ndarray):
        return np.array(result, dtype=object)
    return result


def _graph_index_error(value, key, index, dim, source):
    """In a traced ``tf.function``, TF's shape-inference ``ValueError`` for an integer index
    out of bounds (keys of plain ints only; ``None`` otherwise or eagerly).  ``source``: the
    indexed Tensor, whose graph name TF prints (``Const`` for one made in the function; the
    node is always named as a function's first slice, ``strided_slice``)."""
    if global_state.PER_THREAD.function_trace is None or not all(type(k) is int for k in key):
        return None
    text = getattr(source, "_symbolic_text", None)
    name = text.split('"')[1].split(":")[0] if text else "Const"

    def values(items):
        return " ".join(str(v) for v in items)

    return slice_node_error(
        "slice index %d of dimension %d out of bounds." % (index, dim),
        type_name(dtype_of(value)).upper(),
        name,
        dims_text(list(value.shape)),
        len(key),
        "input[1] = <%s>, input[2] = <%s>, input[3] = <%s>"
        % (values(key), values(k + 1 for k in key), values(1 for _ in key)),
    )


def slice_node_error(reason, type_name_upper, input_name, input_shape, count, computed):
    """TF's shape-inference ``ValueError`` for a function's first ``StridedSlice`` node (an index
    of ``count`` plain ints into ``input_name``): ``reason``, then the node as TF prints it;
    ``computed``: the computed-inputs part (``input[3] = <1>``)."""
    return ValueError(
        "%s for '{{node strided_slice}} = StridedSlice[Index=DT_INT32, T=DT_%s, begin_mask=0, "
        "ellipsis_mask=0, end_mask=0, new_axis_mask=0, shrink_axis_mask=%d](%s, "
        "strided_slice/stack, strided_slice/stack_1, strided_slice/stack_2)' with input shapes: "
        "%s, [%d], [%d], [%d] and with computed input tensors: %s."
        % (
            reason,
            type_name_upper,
            (1 << count) - 1,
            input_name,
            input_shape,
            count,
            count,
            count,
            computed,
        )
    )


def _slice_error(text, value):
    return op_error("StridedSlice", text, value, name="strided_slice/")
