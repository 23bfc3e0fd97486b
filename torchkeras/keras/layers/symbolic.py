"""Calling layers on KerasTensors: shape inference without computing.

The layer's ``call`` runs on tensors of torch's ``meta`` device (shapes and
dtypes, no data, no arithmetic), with unknown dims replaced by a sentinel size
that is mapped back to ``None`` in the outputs.  A ``TorchFunctionMode``
moves every other tensor an op receives (weights, constants) to ``meta`` as
well; weights created during the trace (a sublayer building lazily) are made
with the mode paused, so they are real.
"""
import contextlib

import torch
from torch.overrides import TorchFunctionMode

from ...framework import dtypes, global_state
from ...framework.tensor import TensorOperators, wrap
from ..backend.keras_tensor import KerasTensor
from .node import Node, flatten, pack_like

UNKNOWN = 9973
"""The size given to unknown (``None``) dims while tracing."""

_STATE = global_state.PER_THREAD


def _to_meta(obj):
    if isinstance(obj, torch.Tensor):
        return obj if obj.device.type == "meta" else torch.empty_like(obj, device="meta")
    if type(obj) in (list, tuple):
        return type(obj)(_to_meta(item) for item in obj)
    if type(obj) is dict:
        return {key: _to_meta(value) for key, value in obj.items()}
    return obj


class _MetaMode(TorchFunctionMode):
    """Runs every torch function on ``meta`` copies of its tensor arguments (unless paused)."""

    def __init__(self):
        super().__init__()
        self.paused = False

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if self.paused:
            return func(*args, **kwargs)
        return func(*_to_meta(args), **_to_meta(kwargs))


@contextlib.contextmanager
def _paused(mode):
    mode.paused = True
    try:
        yield
    finally:
        mode.paused = False


def any_symbolic(inputs):
    """Whether ``inputs`` is, or contains, a KerasTensor."""
    if type(inputs) is KerasTensor:
        return True
    if type(inputs) in (list, tuple, dict):
        return any(isinstance(x, KerasTensor) for x in flatten(inputs))
    return False


def tracing():
    """True while a layer's ``call`` runs on meta tensors."""
    return _STATE.symbolic_tracing is not None


def real_mode():
    """A context where tensors are real even inside a trace (for creating weights)."""
    mode = _STATE.symbolic_tracing
    return _paused(mode) if mode is not None and not mode.paused else contextlib.nullcontext()


def unknown_to_none(shape):
    """A traced shape with the sentinel dims turned back into ``None``."""
    return tuple(None if d == UNKNOWN else d for d in shape)


def _fake(tensor):
    shape = tuple(UNKNOWN if d is None else d for d in tensor.shape)
    return wrap(torch.empty(shape, dtype=dtypes.as_dtype(tensor.dtype).torch_dtype, device="meta"))


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
    """Runs ``layer(inputs, *rest, **kwargs)`` on meta tensors; returns the output KerasTensors."""
    def fake(x):
        return _fake(x) if isinstance(x, KerasTensor) else x
    fake_inputs, fake_rest, fake_kwargs = _map(inputs, fake), _map(list(rest), fake), _map(kwargs, fake)
    previous = _STATE.symbolic_tracing
    mode = _MetaMode()
    _STATE.symbolic_tracing = mode
    try:
        with mode:
            outputs = layer.__call__(fake_inputs, *fake_rest, **fake_kwargs)
    finally:
        _STATE.symbolic_tracing = previous
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
    """``layer(inputs)`` on KerasTensors: checks ``input_spec`` (before building and, as Keras, again
    after), builds the layer, infers outputs, records the ``Node``."""
    from .input_spec import assert_input_compatibility
    if layer.input_spec is not None:
        assert_input_compatibility(layer.input_spec, inputs, layer.name)
    if not layer.built:
        with layer._open_name_scope():  # weights built by the first call nest under the layer's name
            with real_mode():
                layer._build_and_recheck(inputs)
            outputs = layer.compute_output_spec(inputs, *rest, **kwargs)
    else:
        outputs = layer.compute_output_spec(inputs, *rest, **kwargs)
    Node(layer, (inputs,) + tuple(rest), kwargs, outputs)
    return outputs


def replace_leaves(structure, values):
    """``structure`` with its KerasTensors replaced by ``values[id(tensor)]``."""
    leaves = flatten(structure)
    return pack_like(structure, iter([values[id(x)] if isinstance(x, KerasTensor) else x for x in leaves]))
