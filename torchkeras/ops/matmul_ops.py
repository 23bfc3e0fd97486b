"""Matrix and tensor products: ``tf.matmul``, ``tf.tensordot`` and ``tf.einsum``.

``tf.matmul`` converts ``a`` on its own and ``b`` with ``a``'s dtype as hint;
rank, size and dtype errors are TF's, naming the oneDNN ``_Mkl`` kernels where
TF's CPU build does.
"""

from __future__ import annotations

import math
import numbers
import re

import numpy as np
import torch

from ..framework import dtypes
from ..framework.convert import convert_to_tensor, to_torch_like
from ..framework.dispatch import CompositeArgumentError, dispatch
from ..framework.tensor import Tensor, TensorOperators, wrap
from ..framework.op_errors import (
    allowed_dtypes,
    check_dtype,
    dims_text,
    input_dtype_error,
    kernel_name,
    matmul_input_error,
    no_kernel,
    op_error,
)
from ._args import storage_of
from ..api_export import tf_export

_new = object.__new__

_MATMUL_ALLOWED = allowed_dtypes("MatMul")
_UNSIGNED = frozenset((torch.uint8, torch.uint16, torch.uint32, torch.uint64))
_MATMUL_KERNELS = _MATMUL_ALLOWED - _UNSIGNED
"""The dtypes MatMul has CPU kernels for (it declares the unsigned ones but has none)."""


def _torch_matmul(x, y):
    try:
        return torch.matmul(x, y)
    except RuntimeError:
        if x.dtype.is_floating_point or x.dtype.is_complex:
            raise
        return (x.unsqueeze(-1) * y.unsqueeze(-3)).sum(-2, dtype=x.dtype)


def _batch_matmul(x, y, shapes, adjoints):
    kernel = kernel_name("BatchMatMulV2", x)
    if x.shape[-1] != y.shape[-2]:
        raise op_error(
            "BatchMatMulV2",
            "Matrix size-incompatible: In[0]: %s, In[1]: %s %d %d" % (shapes + adjoints),
            x,
            kernel=kernel,
        )
    try:
        torch.broadcast_shapes(x.shape[:-2], y.shape[:-2])
    except RuntimeError:
        raise op_error(
            "BatchMatMulV2",
            "In[0] and In[1] must have compatible batch dimensions: %s vs. %s" % shapes,
            x,
            kernel=kernel,
        ) from None
    return _torch_matmul(x, y)


def _transposed(x, transpose, adjoint):
    if adjoint:
        return x.mH
    return x.mT if transpose else x


def _matmul_inputs(a, b):
    """``tf.matmul``'s conversion: ``a`` converts on its own, ``b`` with ``a``'s dtype as hint."""
    x = storage_of(a)
    y = b._value if isinstance(b, TensorOperators) else to_torch_like(b, x)
    if x.dtype != y.dtype:
        opname = "BatchMatMulV2" if x.ndim > 2 or y.ndim > 2 else "MatMul"
        raise input_dtype_error(opname, 1, x, y, kernel_name(opname, x))
    return x, y


@tf_export("linalg.matmul", "matmul")
def matmul(
    a,
    b,
    transpose_a=False,
    transpose_b=False,
    adjoint_a=False,
    adjoint_b=False,
    a_is_sparse=False,
    b_is_sparse=False,
    output_type=None,
    grad_a=False,
    grad_b=False,
    name=None,
):
    """``tf.linalg.matmul``: ``a @ b`` for rank >= 2 tensors (leading dims are broadcast batch
    dims), with ``transpose_*``/``adjoint_*``; rank and size errors are TF's.  ``output_type``
    (int8/int16 inputs only, as TF) accumulates in the wider integer type."""
    if not (transpose_a or transpose_b or adjoint_a or adjoint_b or output_type):
        if (
            type(a) is Tensor
            and type(b) is Tensor
            or isinstance(a, TensorOperators)
            and isinstance(b, TensorOperators)
        ):
            x = a._value
            y = b._value
        else:
            try:
                x, y = _matmul_inputs(a, b)
            except CompositeArgumentError as error:
                return dispatch(matmul, (a, b), {"name": name}, error)
        if x.ndim == 2:
            try:
                product = torch.mm(x, y)
            except (RuntimeError, TypeError):  # ranks, dtypes, sizes, no kernel: checked below
                pass
            else:
                if product.dtype in _MATMUL_KERNELS:
                    tensor = _new(Tensor)
                    tensor._value = product
                    return tensor
    if transpose_a and adjoint_a:
        raise ValueError(
            "Only one of `transpose_a` and `adjoint_a` can be True. Received `transpose_a`=%r, "
            "`adjoint_a`=%r." % (transpose_a, adjoint_a)
        )
    if transpose_b and adjoint_b:
        raise ValueError(
            "Only one of `transpose_b` and `adjoint_b` can be True. Received `transpose_b`=%r, "
            "`adjoint_b`=%r." % (transpose_b, adjoint_b)
        )
    try:
        x, y = _matmul_inputs(a, b)
    except CompositeArgumentError as error:
        options = dict(transpose_a=transpose_a, transpose_b=transpose_b, adjoint_a=adjoint_a)
        options.update(adjoint_b=adjoint_b, output_type=output_type, name=name)
        return dispatch(matmul, (a, b), options, error)
    if output_type is not None and dtypes.as_dtype(output_type).torch_dtype is not x.dtype:
        out = dtypes.as_dtype(output_type)
        if x.dtype not in (torch.int8, torch.int16, torch.uint8) or out.name not in (
            "int16",
            "int32",
            "int64",
        ):
            raise no_kernel("BatchMatMulV3", x)
        x, y = x.to(out.torch_dtype), y.to(out.torch_dtype)
    error = matmul_input_error(x, y)
    if error is not None:
        raise error
    kernel = kernel_name("MatMul", x)
    shapes = (dims_text(x.shape), dims_text(y.shape))
    x = _transposed(x, transpose_a, adjoint_a)
    y = _transposed(y, transpose_b, adjoint_b)
    if x.ndim == 2 and y.ndim == 2:
        if x.shape[1] != y.shape[0]:
            raise op_error(
                "MatMul",
                "Matrix size-incompatible: In[0]: %s, In[1]: %s" % shapes,
                x,
                kernel=kernel,
            )
        return wrap(_torch_matmul(x, y))
    return wrap(
        _batch_matmul(
            x, y, shapes, (int(bool(adjoint_a or transpose_a)), int(bool(adjoint_b or transpose_b)))
        )
    )


def _tensordot_axes(axes, x):
    """TF's ``_tensordot_axes``: an int N (checked against ``x``'s rank only) is ``x``'s last
    N axes and the first N; a pair of axis lists (or ints) is taken as it is; anything else is
    converted to an int32 tensor (TF's conversion errors) and its rows read."""
    if isinstance(axes, (numbers.Integral, np.integer)):
        axes = int(axes)
        if axes < 0:
            raise ValueError("`axes` must be at least 0. Received: %d." % axes)
        if axes > x.ndim:
            raise ValueError(
                "`axes` must not be larger than the number of dimensions of tensor %s.  "
                "Received %d, vs tensor dimensions %d." % (np.asarray(wrap(x)), axes, x.ndim)
            )
        return list(range(x.ndim - axes, x.ndim)), list(range(axes))
    if isinstance(axes, (list, tuple)):
        if len(axes) != 2:
            raise ValueError("`axes` must be an integer or have length 2. Received %s." % (axes,))
        a_axes, b_axes = (_host_axes(v) for v in axes)
        if isinstance(a_axes, numbers.Integral) and isinstance(b_axes, numbers.Integral):
            a_axes, b_axes = [a_axes], [b_axes]
        if len(a_axes) != len(b_axes):
            raise ValueError(
                "Different number of contraction axes `a` and `b`, %d != %d."
                % (len(a_axes), len(b_axes))
            )
        return list(a_axes), list(b_axes)
    value = convert_to_tensor(axes, dtype=dtypes.int32)._value
    if value.ndim == 0:
        raise op_error(
            "StridedSlice", "Attempting to slice scalar input.", None, name="strided_slice/"
        )
    if value.ndim == 1:
        if len(value) < 2:
            raise op_error(
                "StridedSlice",
                "slice index 1 of dimension 0 out of bounds.",
                None,
                name="strided_slice/",
            )
        raise op_error("ListDiff", "y should be a 1D vector.", None, name="")
    return value[0].reshape(-1).tolist(), value[1].reshape(-1).tolist()


def _host_axes(value):
    """One side's contraction axes in host form (a tensor's values as a list)."""
    if isinstance(value, TensorOperators):
        return value._value.tolist()
    return value


def _tensordot_matrix(t, axes, flipped):
    """TF's ``_tensordot_reshape``: ``t`` transposed and reshaped to a (free, contracted)
    matrix ((contracted, free) when ``flipped``), and its free dims; TF indexes the shape with
    the axes (Python's errors) and compares the permutation with NumPy (its error)."""
    shape = list(t.shape)
    axes = [i if i >= 0 else i + len(shape) for i in axes]
    free = [i for i in range(len(shape)) if i not in axes]
    free_dims = [shape[i] for i in free]
    contracted = math.prod([shape[i] for i in axes])
    perm = axes + free if flipped else free + axes
    if len(perm) != len(shape):
        raise ValueError(
            "operands could not be broadcast together with shapes (%d,) (%d,) "
            % (len(shape), len(perm))
        )
    size = (contracted, math.prod(free_dims)) if flipped else (math.prod(free_dims), contracted)
    return t.permute(perm).reshape(size), free_dims


@tf_export("tensordot", "linalg.tensordot")
def tensordot(a, b, axes, name=None):
    """``tf.tensordot``: contracts ``a``'s axes with ``b``'s (``axes``: an int N for the last N of
    ``a`` with the first N of ``b``, or a pair of axis lists).  As in TF, both are transposed
    and reshaped to matrices and multiplied: contracted axes need equal products of sizes, not
    equal sizes (TF's ``MatMul`` error otherwise)."""
    x, y = storage_of(a), storage_of(b)  # TF converts each on its own
    a_axes, b_axes = _tensordot_axes(axes, x)
    x2, x_free = _tensordot_matrix(x, a_axes, False)
    y2, y_free = _tensordot_matrix(y, b_axes, True)
    if x.dtype != y.dtype:
        raise input_dtype_error("MatMul", 1, x, y, kernel_name("MatMul", x))
    check_dtype(x, _MATMUL_ALLOWED, "MatMul")
    if x2.shape[1] != y2.shape[0]:
        raise op_error(
            "MatMul",
            "Matrix size-incompatible: In[0]: %s, In[1]: %s"
            % (dims_text(x2.shape), dims_text(y2.shape)),
            x,
            kernel=kernel_name("MatMul", x),
        )
    return wrap(_torch_matmul(x2, y2).reshape(x_free + y_free))


def _check_equation(equation, count):
    """The checks of TF's ``_einsum_v2_parse_and_resolve_equation`` (its ``ValueError``s) on an
    einsum ``equation`` for ``count`` inputs, before any kernel runs."""
    resolved = equation.replace(" ", "")
    ellipsis = None
    if "..." in equation:
        ellipsis = "0"
        if ellipsis in resolved:
            raise ValueError(f'Invalid character "{ellipsis}" in equation: {equation}.')
        resolved = resolved.replace("...", ellipsis)
    labels = "a-zA-Z" + (ellipsis or "")
    match = re.match("^([{0},]*)(->[{0}]*)?$".format(labels), resolved)
    if not match:
        raise ValueError("Subscripts have incorrect format: {}".format(resolved))
    input_labels = match.group(1).split(",")
    output = match.group(2)[2:] if match.group(2) else None
    if count != len(input_labels):
        raise ValueError(
            'Got {} inputs for equation "{}", expecting {}'.format(
                count, equation, len(input_labels)
            )
        )
    if output is None:
        return
    if len(set(output)) != len(output):
        raise ValueError(
            "Output subscripts contain a label appearing more than once: {}".format(equation)
        )
    present = set(match.group(1))
    for label in output:
        if label != ellipsis and label not in present:
            raise ValueError(
                "Output subscripts contain the label {} not present in the input "
                "subscripts.".format(label)
            )
    if ellipsis and output.count(ellipsis) > 1:
        raise ValueError("Output subscripts contain multiple ellipsis: {}".format(equation))


@tf_export("einsum", "linalg.einsum")
def einsum(equation, *inputs, **kwargs):
    """``tf.einsum``: Einstein summation over ``inputs`` (NumPy's notation, implicit output and
    ``...`` included); all inputs share one dtype; rank mismatches raise TF's error.  Python
    lists are refused as TF refuses them (it reads their ``shape``)."""
    for value in inputs:
        if isinstance(value, (list, tuple)):
            raise AttributeError("'%s' object has no attribute 'shape'" % type(value).__name__)
    _check_equation(equation, len(inputs))
    storages = [storage_of(v) for v in inputs]
    first = storages[0]
    for k, s in enumerate(storages[1:], 1):
        if s.dtype != first.dtype:
            raise input_dtype_error("Einsum", k, first, s, kernel_name("Einsum", first))
    check_dtype(first, _MATMUL_ALLOWED, "MatMul")
    einsum_kernel = "%s_N_%d" % (kernel_name("Einsum", first), len(storages))
    terms = equation.replace(" ", "").split("->")[0].split(",")
    if len(terms) != len(storages):
        raise op_error(
            "Einsum",
            "Expected %d inputs but got: %d" % (len(terms), len(storages)),
            first,
            kernel=einsum_kernel,
        )
    sizes = {}
    for k, (term, s) in enumerate(zip(terms, storages)):
        if "..." in term:
            continue
        if len(term) != s.ndim:
            raise op_error(
                "Einsum",
                "Expected input %d to have rank %d but got: %d" % (k, len(term), s.ndim),
                first,
                kernel=einsum_kernel,
            )
        for position, label in enumerate(term):
            size = sizes.setdefault(label, s.shape[position])
            if size != s.shape[position]:
                raise op_error(
                    "Einsum",
                    "Expected dimension %d at axis %d of the input shaped %s "
                    "but got dimension %d"
                    % (size, position, dims_text(s.shape), s.shape[position]),
                    first,
                    kernel=einsum_kernel,
                )
    try:
        return wrap(torch.einsum(equation, *storages))
    except RuntimeError as error:
        raise op_error("Einsum", str(error).split("\n")[0], first, kernel=einsum_kernel) from None
