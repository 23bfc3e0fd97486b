"""Calling layers on KerasTensors: shape inference without computing.

The layer's ``call`` runs on torch ``meta`` tensors (``ops.symbolic_trace``):
shapes and dtypes, no data, no arithmetic.  This module adds what is proper to
layers: building before the first symbolic call, ``compute_output_shape`` when a
class defines it, and recording the call's ``Node``.
"""

from ..backend.keras_tensor import KerasTensor
from ..ops.node import Node, flatten, pack_like
from ..ops.symbolic_trace import UNKNOWN, compute_output_spec, real_mode, tracing, unknown_to_none

__all__ = [
    "UNKNOWN",
    "any_symbolic",
    "tracing",
    "real_mode",
    "unknown_to_none",
    "trace",
    "output_spec",
    "infer_output_shape",
    "symbolic_call",
    "replace_leaves",
]


def any_symbolic(inputs):
    """Whether ``inputs`` is, or contains, a KerasTensor."""
    if type(inputs) is KerasTensor:
        return True
    if type(inputs) in (list, tuple, dict):
        return any(isinstance(x, KerasTensor) for x in flatten(inputs))
    return False


def _map(structure, fn):
    if isinstance(structure, (list, tuple)):
        mapped = [_map(item, fn) for item in structure]
        return mapped if isinstance(structure, list) else tuple(mapped)
    if isinstance(structure, dict):
        return {key: _map(value, fn) for key, value in structure.items()}
    return fn(structure)


def _shape_structure_to_specs(shapes, dtype):
    if isinstance(shapes, tuple) and all(d is None or isinstance(d, int) for d in shapes):
        return KerasTensor(shapes, dtype=dtype)
    if isinstance(shapes, (list, tuple)):
        return [_shape_structure_to_specs(s, dtype) for s in shapes]
    if isinstance(shapes, dict):
        return {key: _shape_structure_to_specs(s, dtype) for key, s in shapes.items()}
    return KerasTensor(tuple(shapes), dtype=dtype)


def trace(layer, inputs, rest, kwargs):
    """Runs ``layer(inputs, *rest, **kwargs)`` on meta tensors; returns the output KerasTensors."""
    try:
        return compute_output_spec(layer.__call__, [inputs] + list(rest), kwargs)
    finally:
        for sublayer in layer._flatten_layers():
            sublayer._losses.clear()


def output_spec(layer, inputs, rest, kwargs):
    """Output KerasTensors: ``compute_output_shape`` when the class defines it, else a trace."""
    from .layer import Layer

    if (
        type(layer).compute_output_shape is not Layer.compute_output_shape
        and not rest
        and not kwargs
    ):
        shapes = layer.compute_output_shape(
            _map(inputs, lambda x: x.shape if isinstance(x, KerasTensor) else x)
        )
        return _shape_structure_to_specs(shapes, layer.compute_dtype)
    return trace(layer, inputs, rest, kwargs)


def infer_output_shape(layer, input_shape):
    """``compute_output_shape`` by tracing on a KerasTensor of ``input_shape``."""

    def spec(shape):
        return KerasTensor(shape, dtype=layer.compute_dtype, name="shape_probe")

    if isinstance(input_shape, tuple) and all(d is None or isinstance(d, int) for d in input_shape):
        probe = spec(input_shape)
    else:
        probe = (
            _map(input_shape, spec)
            if isinstance(input_shape, (list, dict))
            else spec(tuple(input_shape))
        )
    return _map(trace(layer, probe, (), {}), lambda x: x.shape)


def symbolic_call(layer, inputs, rest, kwargs):
    """``layer(inputs)`` on KerasTensors: checks ``input_spec`` (before building and, as Keras,
    again after), builds the layer, infers outputs, records the ``Node``."""
    from .input_spec import assert_input_compatibility

    if layer.input_spec is not None:
        assert_input_compatibility(layer.input_spec, inputs, layer.name)
    if not layer.built:
        with (
            layer._open_name_scope()
        ):  # weights built by the first call nest under the layer's name
            with real_mode():
                layer._build_and_recheck(inputs)
            outputs = _output_spec(layer, inputs, rest, kwargs)
    else:
        outputs = _output_spec(layer, inputs, rest, kwargs)
    Node(layer, (inputs,) + tuple(rest), kwargs, outputs)
    return outputs


def _symbolic_arguments(*args, **kwargs):
    """The signature Keras' ``Operation.symbolic_call`` shows in its call context."""


def _output_spec(layer, inputs, rest, kwargs):
    """``layer.compute_output_spec``; an error gets Keras' call context, as Keras wraps
    ``symbolic_call`` (``args=(...)``, and ``kwargs`` unbound when there are none)."""
    from ..backend import traceback_utils

    try:
        return layer.compute_output_spec(inputs, *rest, **kwargs)
    except Exception as error:  # noqa: BLE001 - re-raised with Keras' context
        raise traceback_utils.inject_call_info(
            error,
            _symbolic_arguments,
            (inputs,) + tuple(rest),
            kwargs,
            "%s.call()" % type(layer).__name__,
        ) from None


def replace_leaves(structure, values):
    """``structure`` with its KerasTensors replaced by ``values[id(tensor)]``."""
    leaves = flatten(structure)
    return pack_like(
        structure, iter([values[id(x)] if isinstance(x, KerasTensor) else x for x in leaves])
    )
