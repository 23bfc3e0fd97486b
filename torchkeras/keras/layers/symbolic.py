"""Calling layers on KerasTensors: shape inference without computing.

The layer's ``call`` runs on torch "fake" tensors (``FakeTensorMode``: shapes
and dtypes, no data, no arithmetic), with unknown dims replaced by a sentinel
size that is mapped back to ``None`` in the outputs.  Weights read inside are
real; weights created inside (a sublayer building lazily) are made outside
the fake mode, so they are real too.
"""
import contextlib

import torch
from torch._subclasses.fake_tensor import FakeTensorMode, unset_fake_temporarily

from ...framework import device as _device
from ...framework import dtypes
from ...framework.tensor import TensorOperators, wrap
from ..backend.keras_tensor import KerasTensor
from .node import Node, flatten, pack_like

UNKNOWN = 9973
"""The size given to unknown (``None``) dims while tracing."""

_TRACING = [False]


def any_symbolic(inputs):
    """Whether ``inputs`` is, or contains, a KerasTensor."""
    if type(inputs) is KerasTensor:
        return True
    if type(inputs) in (list, tuple, dict):
        return any(isinstance(x, KerasTensor) for x in flatten(inputs))
    return False


def tracing():
    """True while a layer's ``call`` runs on fake tensors."""
    return _TRACING[0]


def real_mode():
    """A context where new tensors are real even inside a trace (for creating weights)."""
    return unset_fake_temporarily() if _TRACING[0] else contextlib.nullcontext()


def unknown_to_none(shape):
    """A traced shape with the sentinel dims turned back into ``None``."""
    return tuple(None if d == UNKNOWN else d for d in shape)


def _fake(tensor, mode):
    shape = tuple(UNKNOWN if d is None else d for d in tensor.shape)
    with mode:
        return wrap(torch.empty(shape, dtype=dtypes.as_dtype(tensor.dtype).torch_dtype, device=_device.current()))


def _to_keras_tensor(value):
    if isinstance(value, TensorOperators):
        return KerasTensor(unknown_to_none(tuple(value._value.shape)), dtype=dtypes.from_torch(value._value.dtype).name)
    return value


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
    """Runs ``layer(inputs, *rest, **kwargs)`` on fake tensors; returns the output KerasTensors."""
    mode = FakeTensorMode(allow_non_fake_inputs=True)
    fake_inputs = _map(inputs, lambda x: _fake(x, mode) if isinstance(x, KerasTensor) else x)
    fake_rest = _map(list(rest), lambda x: _fake(x, mode) if isinstance(x, KerasTensor) else x)
    fake_kwargs = _map(kwargs, lambda x: _fake(x, mode) if isinstance(x, KerasTensor) else x)
    previous = _TRACING[0]
    _TRACING[0] = True
    try:
        with mode:
            outputs = layer.__call__(fake_inputs, *fake_rest, **fake_kwargs)
    finally:
        _TRACING[0] = previous
        for sublayer in layer._flatten_layers():
            sublayer._losses.clear()
    return _map(outputs, _to_keras_tensor)


def output_spec(layer, inputs, rest, kwargs):
    """Output KerasTensors: ``compute_output_shape`` when the class defines it, else a trace."""
    from .layer import Layer
    if type(layer).compute_output_shape is not Layer.compute_output_shape and not rest and not kwargs:
        shapes = layer.compute_output_shape(_map(inputs, lambda x: x.shape if isinstance(x, KerasTensor) else x))
        return _shape_structure_to_specs(shapes, layer.compute_dtype)
    return trace(layer, inputs, rest, kwargs)


def infer_output_shape(layer, input_shape):
    """``compute_output_shape`` by tracing on a KerasTensor of ``input_shape``."""
    def spec(shape):
        return KerasTensor(shape, dtype=layer.compute_dtype, name="shape_probe")
    if isinstance(input_shape, tuple) and all(d is None or isinstance(d, int) for d in input_shape):
        probe = spec(input_shape)
    else:
        probe = _map(input_shape, spec) if isinstance(input_shape, (list, dict)) else spec(tuple(input_shape))
    return _map(trace(layer, probe, (), {}), lambda x: x.shape)


def symbolic_call(layer, inputs, rest, kwargs):
    """``layer(inputs)`` on KerasTensors: builds the layer, infers outputs, records the ``Node``."""
    from .input_spec import assert_input_compatibility
    if not layer.built:
        with real_mode():
            layer._maybe_build(inputs)
    if layer.input_spec is not None:
        assert_input_compatibility(layer.input_spec, inputs, layer.name)
    outputs = layer.compute_output_spec(inputs, *rest, **kwargs)
    Node(layer, (inputs,) + tuple(rest), kwargs, outputs)
    return outputs


def replace_leaves(structure, values):
    """``structure`` with its KerasTensors replaced by ``values[id(tensor)]``."""
    leaves = flatten(structure)
    return pack_like(structure, iter([values[id(x)] if isinstance(x, KerasTensor) else x for x in leaves]))
