"""``tf.py_function`` and ``tf.numpy_function``: Python functions called as ops.

``py_function`` calls ``func`` with eager Tensors and converts its results to ``Tout``; as in
TF it is differentiable with respect to its inputs (only: variables ``func`` reads itself get
no gradient), through the computation ``func`` did.  Exceptions raised by ``func`` come out
as TF's op errors (``ValueError``/``TypeError`` as ``InvalidArgumentError``, others as
``UnknownError`` ...) carrying the Python error and traceback in TF's layout.
``numpy_function`` calls ``func`` with NumPy arrays and, eagerly as in TF, converts whatever
it returns without casting to ``Tout``; it is not differentiable.
"""

from __future__ import annotations

import functools
import traceback

import numpy as np
import torch

from ..api_export import tf_export
from ..framework import dtypes, global_state
from ..framework import tree as _tree
from ..framework.convert import convert_to_tensor
from ..framework.errors import (
    InvalidArgumentError,
    OutOfRangeError,
    ResourceExhaustedError,
    UnimplementedError,
    UnknownError,
)
from ..framework.tensor import wrap
from ..framework.variable import Variable
from .tensor_spec import TensorSpec

__all__ = ["py_function", "numpy_function"]


def _decorator_or_none(script_op, op_name, func, inp, Tout, **kwargs):  # noqa: N803 - TF's name
    """TF's ``_check_args_and_maybe_make_decorator``."""
    if Tout is None:
        raise TypeError(
            "Missing required argument: 'Tout'\n"
            f"  If using {op_name} as a decorator, set `Tout`\n"
            "  **by name** above the function:\n"
            f"  `@{op_name}(Tout=tout)`"
        )
    if func is None:
        if inp is not None:
            raise TypeError(
                f"Don't set the `inp` argument when using {op_name} as a decorator (`func=None`)."
            )

        def decorator(fun):
            @functools.wraps(fun)
            def wrapper(*args):
                return script_op(fun, inp=args, Tout=Tout, **kwargs)

            return wrapper

        return decorator
    if inp is None:
        raise TypeError(
            "Missing argument `inp`:\n"
            "  You must set the `inp` argument (the list of arguments to the\n"
            f"  function), unless you use `{op_name}` as a decorator(`func=None`)."
        )
    return None


def _error_class(error):
    if isinstance(error, (ValueError, TypeError)):
        return InvalidArgumentError
    if isinstance(error, StopIteration):
        return OutOfRangeError
    if isinstance(error, MemoryError):
        return ResourceExhaustedError
    if isinstance(error, NotImplementedError):
        return UnimplementedError
    return UnknownError


def _prefix(n_in, n_out):
    return (
        "{{function_node __wrapped__EagerPyFunc_Tin_%d_Tout_%d_device_/job:localhost/replica:0"
        "/task:0/device:CPU:0}} " % (n_in, n_out)
    )


def _op_error(error, n_in, n_out):
    trace = "\n".join(traceback.format_exception(type(error), error, error.__traceback__))
    text = "%s%s: %s\n%s\n [Op:EagerPyFunc] name: " % (
        _prefix(n_in, n_out),
        type(error).__name__,
        error,
        trace,
    )
    return _error_class(error)(None, None, text)


def _convert_output(value, dtype):
    if isinstance(value, Variable):
        raise RuntimeError(
            "Attempting to return a variable from an eagerly executed py_func. Only numeric "
            "data structures like Tensors or NumPy arrays should be returned; to return the "
            "value of a variable, make sure to obtain the Tensor backing it by calling "
            "`.read_value()` on the variable in question: %s" % (value,)
        )
    return convert_to_tensor(value, dtype=dtype)


def _outputs(result, out_dtypes):
    """TF's ``EagerFunc._call`` conversion: ``None``, one value, or a list of values."""
    if isinstance(result, (tuple, list)):
        return [_convert_output(x, d) for x, d in zip(result, out_dtypes)]
    if result is None:
        return []
    return [_convert_output(result, out_dtypes[0])]


def _differentiable(storage):
    return (
        isinstance(storage, torch.Tensor)
        and storage.requires_grad
        and (storage.is_floating_point() or storage.is_complex())
    )


class _Recorded:
    """What ``func`` computed from its private input leaves, for the backward pass."""

    __slots__ = ("leaves", "outputs")

    def __init__(self, leaves, outputs):
        self.leaves, self.outputs = leaves, outputs


class _PyFunctionGrad(torch.autograd.Function):
    """Connects ``func``'s outputs to the op's inputs: the backward pass differentiates what
    ``func`` computed from its (private) input leaves, as TF's ``EagerPyFunc`` gradient does."""

    @staticmethod
    def forward(ctx, recorded, *inputs):
        ctx.recorded = recorded
        outputs = tuple(o.detach() for o in recorded.outputs)
        ctx.mark_non_differentiable(*[o for o in outputs if not o.is_floating_point()])
        return outputs

    @staticmethod
    def backward(ctx, *grads):
        recorded = ctx.recorded
        pairs = [
            (o, g) for o, g in zip(recorded.outputs, grads) if o.requires_grad and g is not None
        ]
        leaves = [leaf for leaf in recorded.leaves if leaf is not None]
        if not pairs or not leaves:
            return (None,) + (None,) * len(recorded.leaves)
        found = iter(
            torch.autograd.grad(
                [o for o, _ in pairs], leaves, [g for _, g in pairs], allow_unused=True
            )
        )
        return (None,) + tuple(None if leaf is None else next(found) for leaf in recorded.leaves)


def _call(func, inputs, out_dtypes):
    """Runs ``func`` on the input Tensors; its outputs, connected to the inputs' graph."""
    storages = [t._value for t in inputs]
    leaves = [s.detach().requires_grad_() if _differentiable(s) else None for s in storages]
    if not any(leaf is not None for leaf in leaves):
        return _outputs(func(*inputs), out_dtypes)
    args = [t if leaf is None else wrap(leaf) for t, leaf in zip(inputs, leaves)]
    with torch.enable_grad():
        outputs = _outputs(func(*args), out_dtypes)
    recorded = _Recorded(leaves, [o._value for o in outputs])
    connected = _PyFunctionGrad.apply(recorded, *storages)
    return [wrap(s) for s in connected]


def _out_dtype(t):
    if isinstance(t, TensorSpec):
        return t.dtype
    return dtypes.as_dtype(t)


@tf_export("py_function")
def py_function(func=None, inp=None, Tout=None, name=None):  # noqa: N803 - TF's name
    """``tf.py_function``: ``func(*inp)`` run eagerly on Tensors, its results converted to
    ``Tout`` (a dtype or ``TensorSpec``, or a list/tuple of them: then a list is returned).

    Usable as a decorator (``@tf.py_function(Tout=...)``).  Differentiable with respect to
    ``inp``."""
    decorator = _decorator_or_none(py_function, "tf.py_function", func, inp, Tout)
    if decorator is not None:
        return decorator
    if not callable(func):
        raise ValueError(
            f"Expected func to be callable. Received func={func} of type {type(func)}."
        )
    is_list_or_tuple = isinstance(Tout, (list, tuple))
    out_dtypes = [_out_dtype(t) for t in (Tout if is_list_or_tuple else [Tout])]
    inputs = [convert_to_tensor(x) for x in inp]
    process = global_state.PROCESS
    token = "pyfunc_%d" % process.py_function_count
    process.py_function_count += 1
    try:
        outputs = _call(func, inputs, out_dtypes)
    except Exception as error:  # noqa: BLE001 - every Python error becomes TF's op error
        raise _op_error(error, len(inputs), len(out_dtypes)) from None
    if len(outputs) != len(out_dtypes):
        raise InvalidArgumentError(
            None,
            None,
            "%s%s returns %d values, but expects to see %d values. [Op:EagerPyFunc] name: "
            % (_prefix(len(inputs), len(out_dtypes)), token, len(outputs), len(out_dtypes)),
        )
    return outputs if is_list_or_tuple else outputs[0]


@tf_export("numpy_function")
def numpy_function(func=None, inp=None, Tout=None, stateful=True, name=None):  # noqa: N803
    """``tf.numpy_function``: ``func(*arrays)`` called with NumPy copies of ``inp``; each
    value it returns (flattened with ``tf.nest``) converted to a Tensor (``None`` kept), one
    value returned bare.

    As eager TF does, the results keep their own dtypes (``Tout`` is required but not applied)
    and are not differentiable.  ``stateful`` is accepted.  Usable as a decorator."""
    decorator = _decorator_or_none(
        numpy_function, "tf.numpy_function", func, inp, Tout, stateful=stateful
    )
    if decorator is not None:
        return decorator
    result = func(*[np.array(x) for x in inp])
    result = [x if x is None else convert_to_tensor(x) for x in _tree.flatten(result)]
    if len(result) == 1:
        (result,) = result
    return result
