"""``tf.debugging.enable_check_numerics`` and ``set_log_device_placement``.

TF checks (or logs) every eagerly executed op.  torchkeras has no central op dispatch, so
while either switch is on, the public ``tf.*`` op functions (every ``tf.*`` name defined
in ``torchkeras.ops``, as reached through the namespaces) and the tensor operators are
replaced by wrappers that log the op's placement and check its float outputs, raising
TF's ``InvalidArgumentError`` (``CheckNumericsV2``'s text) for NaN or Infinity; turning
both off restores the originals, so neither costs anything while off.

Differences from TF: ops called inside torchkeras (Keras layers, optimizers, the replay
of a traced ``tf.function``) are not checked; the op name is TF's for the common ops and
the function's name in CamelCase otherwise; placement is logged as one line per op
(``AddV2: (AddV2): /job:localhost/replica:0/task:0/device:CPU:0``) on stderr.
"""

from __future__ import annotations

import functools
import sys
import types

import numpy as np
import torch

from .. import api_export
from ..framework import convert
from ..framework.device import tf_device_string
from ..framework.global_state import PROCESS
from ..framework.op_errors import op_error
from ..framework.tensor import TensorOperators

__all__ = ["enable_check_numerics", "disable_check_numerics", "set_log_device_placement"]

# TF's op names for the public functions whose name differs from CamelCase of theirs.
_OP_NAMES = {
    "add": "AddV2",
    "subtract": "Sub",
    "multiply": "Mul",
    "divide": "RealDiv",
    "truediv": "RealDiv",
    "floordiv": "FloorDiv",
    "floormod": "FloorMod",
    "mod": "FloorMod",
    "negative": "Neg",
    "reduce_sum": "Sum",
    "reduce_mean": "Mean",
    "reduce_prod": "Prod",
    "reduce_max": "Max",
    "reduce_min": "Min",
    "log1p": "Log1p",
    "expm1": "Expm1",
    "pow": "Pow",
    "matmul": "MatMul",
    "xlogy": "Xlogy",
    "xdivy": "Xdivy",
    "div_no_nan": "DivNoNan",
    "lgamma": "Lgamma",
    "log_softmax": "LogSoftmax",
    "bias_add": "BiasAdd",
}
# Ops whose second operand TF converts with the first operand's dtype.
_BINARY = {"AddV2", "Sub", "Mul", "RealDiv", "FloorDiv", "FloorMod", "Pow", "MatMul"}
_BINARY |= {"Maximum", "Minimum", "SquaredDifference", "DivNoNan", "Xlogy", "Xdivy"}
_OPERATORS = {
    "__add__": "AddV2",
    "__radd__": "AddV2",
    "__sub__": "Sub",
    "__rsub__": "Sub",
    "__mul__": "Mul",
    "__rmul__": "Mul",
    "__truediv__": "RealDiv",
    "__rtruediv__": "RealDiv",
    "__floordiv__": "FloorDiv",
    "__rfloordiv__": "FloorDiv",
    "__mod__": "FloorMod",
    "__rmod__": "FloorMod",
    "__pow__": "Pow",
    "__rpow__": "Pow",
    "__matmul__": "MatMul",
    "__rmatmul__": "MatMul",
    "__neg__": "Neg",
    "__abs__": "Abs",
}
_INSTALLED = []


def _op_name(name):
    return _OP_NAMES.get(name) or "".join(part.capitalize() for part in name.split("_"))


def _outputs(result):
    if isinstance(result, TensorOperators):
        return [result]
    if isinstance(result, (list, tuple)):
        return [r for r in result if isinstance(r, TensorOperators)]
    return []


def _inputs(args, opname):
    hint = next((a.dtype for a in args if isinstance(a, TensorOperators)), None)
    inputs = []
    for arg in args:
        if isinstance(arg, bool) or not isinstance(
            arg, (TensorOperators, np.ndarray, int, float, list)
        ):
            continue
        try:
            inputs.append(
                convert.convert_to_tensor(arg, dtype_hint=hint if opname in _BINARY else None)
            )
        except (TypeError, ValueError):
            continue
    return inputs


def _counts(storage):
    values = storage if not storage.is_complex() else torch.view_as_real(storage)
    return (
        ("-Inf", int(torch.isneginf(values).sum())),
        ("+Inf", int(torch.isposinf(values).sum())),
        ("NaN", int(torch.isnan(values).sum())),
    )


def _joined(kinds):
    if len(kinds) == 1:
        return kinds[0]
    if len(kinds) == 2:
        return "%s and %s" % tuple(kinds)
    return "%s, and %s" % (", ".join(kinds[:-1]), kinds[-1])


def _check(opname, result, args):
    outputs = _outputs(result)
    for index, tensor in enumerate(outputs):
        storage = tensor._value
        if not isinstance(storage, torch.Tensor):
            continue
        if not (storage.is_floating_point() or storage.is_complex()):
            continue
        if bool(torch.isfinite(storage).all()):
            continue
        found = [(kind, n) for kind, n in _counts(storage) if n]
        lines = [
            "",
            "",
            '!!! Detected Infinity or NaN in output %d of eagerly-executing op "%s" '
            "(# of outputs: %d) !!!" % (index, opname, len(outputs)),
            "  dtype: <dtype: '%s'>" % tensor.dtype.name,
            "  shape: %s" % (tuple(storage.shape),),
        ]
        lines += [
            "  # of %s elements: %d" % ("+NaN" if kind == "NaN" else kind, n) for kind, n in found
        ]
        inputs = _inputs(args, opname)
        lines.append("")
        if len(inputs) == 1:
            lines.append("  Input tensor: %s" % (inputs[0],))
        elif inputs:
            lines.append("  Input tensors (%d):" % len(inputs))
            lines += ["         %d: %s" % (i, t) for i, t in enumerate(inputs)]
        lines += ["", " : Tensor had %s values" % _joined([kind for kind, _ in found])]
        raise op_error("CheckNumericsV2", "\n".join(lines), storage)


def _log_placement(opname, result):
    outputs = _outputs(result)
    if outputs and isinstance(outputs[0]._value, torch.Tensor):
        where = tf_device_string(outputs[0]._value.device)
    else:
        where = tf_device_string(torch.device("cpu"))
    print("%s: (%s): %s" % (opname, opname, where), file=sys.stderr)


def _hooked(fn, opname, reflected=False):
    @functools.wraps(fn)
    def hooked(*args, **kwargs):
        result = fn(*args, **kwargs)
        if PROCESS.log_device_placement:
            _log_placement(opname, result)
        if PROCESS.check_numerics:
            _check(opname, result, args[::-1] if reflected else args)
        return result

    return hooked


def _targets():
    import torchkeras

    seen = {}
    for full in api_export.registered_names():
        obj = api_export.symbol(full)
        if not full.startswith("tf.") or not isinstance(obj, types.FunctionType):
            continue
        module = getattr(obj, "__module__", "") or ""
        if not module.startswith("torchkeras.ops.") or module.endswith(".op_hooks"):
            continue
        namespace, _, name = full.rpartition(".")
        owner = torchkeras if namespace == "tf" else api_export.symbol(namespace)
        if isinstance(owner, types.ModuleType) and getattr(owner, name, None) is obj:
            seen[(id(owner), name)] = (owner, name, obj, _op_name(obj.__name__.rstrip("_")))
    return list(seen.values())


def _update():
    wanted = PROCESS.check_numerics or PROCESS.log_device_placement
    if wanted and not _INSTALLED:
        for owner, name, fn, opname in _targets():
            _INSTALLED.append((owner, name, fn))
            setattr(owner, name, _hooked(fn, opname))
        for name, opname in _OPERATORS.items():
            fn = TensorOperators.__dict__[name]
            _INSTALLED.append((TensorOperators, name, fn))
            setattr(TensorOperators, name, _hooked(fn, opname, name.startswith("__r")))
    elif not wanted:
        while _INSTALLED:
            owner, name, fn = _INSTALLED.pop()
            setattr(owner, name, fn)


@api_export.tf_export("debugging.enable_check_numerics")
def enable_check_numerics(stack_height_limit=30, path_length_limit=50):
    """Makes the public ``tf.*`` ops and tensor operators raise ``InvalidArgumentError``
    (TF's ``CheckNumericsV2`` text) when a float output holds NaN or Infinity."""
    PROCESS.check_numerics = True
    _update()


@api_export.tf_export("debugging.disable_check_numerics")
def disable_check_numerics():
    """Turns :func:`enable_check_numerics` off (nothing happens if it was not on)."""
    PROCESS.check_numerics = False
    _update()


@api_export.tf_export("debugging.set_log_device_placement")
def set_log_device_placement(enabled):
    """Logs the device each public ``tf.*`` op and tensor operator runs on, one line per op
    on stderr, while ``enabled``."""
    PROCESS.log_device_placement = bool(enabled)
    _update()
