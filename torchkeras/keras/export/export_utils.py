"""What every export format shares: the input signature, sample inputs, and the torch module
that serves a Keras model on plain ``torch.Tensor`` arguments (Keras' ``export_utils``)."""

import torch

from ...framework import dtypes
from ...framework.tensor import TensorOperators, wrap
from ...ops import nest
from ...ops.tensor_spec import TensorSpec
from ..backend.keras_tensor import KerasTensor
from ..layers.input_spec import InputSpec

__all__ = [
    "get_input_signature",
    "make_input_spec",
    "flat_specs",
    "sample_inputs",
    "ServingModule",
    "input_names",
]


def get_input_signature(model):
    """The model's input signature: a list with one entry per positional argument of ``call``.

    Functional models take one argument (their whole input structure), Sequential models their
    input, subclassed ones the shapes of their first call (batch dimension ``None``)."""
    from ..models.functional import Functional
    from ..models.model import Model

    if not isinstance(model, Model):
        raise TypeError(
            "The model must be a `keras.Model`. Received: model=%s of the type %s"
            % (model, type(model))
        )
    if not model.built:
        raise ValueError(
            "The model provided has not yet been built. It must be built before export."
        )
    if isinstance(model, Functional):
        return [nest.map_structure(make_input_spec, model._inputs_struct)]
    try:
        return [make_input_spec(x) for x in model.inputs]
    except AttributeError:  # a Sequential built by its first call, or a subclassed model
        pass
    shapes = model._build_shapes
    if shapes is None:
        raise ValueError(
            "The model provided has never called. It must be called at least once before export."
        )
    return [_spec_from_shapes(shapes, model.compute_dtype)]


def _is_shape(value):
    return isinstance(value, (tuple, list)) and all(isinstance(d, (int, type(None))) for d in value)


def _spec_from_shapes(shapes, dtype):
    if _is_shape(shapes):
        return InputSpec(shape=(None,) + tuple(shapes)[1:], dtype=dtype)
    if isinstance(shapes, dict):
        return {key: _spec_from_shapes(value, dtype) for key, value in shapes.items()}
    return type(shapes)(_spec_from_shapes(value, dtype) for value in shapes)


def make_input_spec(x):
    """An ``InputSpec`` (shape and dtype, batch dimension ``None``) for one signature entry:
    an ``InputSpec`` (kept), a ``tf.TensorSpec`` (kept as is, name included), a KerasTensor
    or a tensor."""
    if isinstance(x, InputSpec):
        if x.shape is None or x.dtype is None:
            raise ValueError("The `shape` and `dtype` must be provided. Received: x=%s" % (x,))
        return x
    if isinstance(x, TensorSpec):
        if x.shape.rank is None:
            raise ValueError("The `shape` and `dtype` must be provided. Received: x=%s" % (x,))
        return InputSpec(shape=tuple(x.shape.as_list()), dtype=x.dtype.name, name=x.name)
    if isinstance(x, KerasTensor):
        return InputSpec(shape=(None,) + tuple(x.shape)[1:], dtype=x.dtype, name=x.name)
    if isinstance(x, (TensorOperators, torch.Tensor)):
        shape = tuple(x.shape)
        dtype = x.dtype.name if isinstance(x, TensorOperators) else dtypes.from_torch(x.dtype).name
        return InputSpec(shape=(None,) + shape[1:], dtype=dtype)
    raise TypeError(
        "Unsupported x=%s of the type (%s). Supported types are: `keras.InputSpec`, "
        "`keras.KerasTensor` and backend tensor." % (x, type(x))
    )


def normalize_signature(input_signature):
    """``input_signature`` as a list of positional-argument specs (a lone spec is one argument),
    every leaf an ``InputSpec``."""
    if not isinstance(input_signature, (list, tuple)):
        input_signature = [input_signature]
    return [nest.map_structure(make_input_spec, arg) for arg in input_signature]


def flat_specs(signature):
    """The signature's leaves, in the order the exported program takes its inputs."""
    return nest.flatten(signature)


def input_names(specs):
    """One name per flat input: the spec's name, else ``input_<i>`` (Keras' names); repeated
    names get ``_<i>`` suffixes so each input of the artifact is distinct."""
    names = []
    for i, spec in enumerate(specs):
        name = getattr(spec, "name", None) or "input_%d" % i
        names.append(name if name not in names else "%s_%d" % (name, i))
    return names


def sample_inputs(specs, none_size, device):
    """Example torch tensors for the flat specs on ``device`` (the model's), ``None``
    dimensions set to ``none_size``."""
    return tuple(
        torch.ones(
            [none_size if d is None else d for d in spec.shape],
            dtype=dtypes.as_dtype(spec.dtype).torch_dtype,
            device=device,
        )
        for spec in specs
    )


def _storage(value):
    return value._value if isinstance(value, TensorOperators) else value


class ServingModule(torch.nn.Module):
    """``model(*args, training=False)`` on flat ``torch.Tensor`` inputs, returning torch tensors
    in the output structure (a tensor, or lists / dicts of them).

    The model's variables are read through their parameters while exporting, so the exported
    program holds each weight once, under its Keras path (``dense/kernel`` as ``dense.kernel``
    in torch's naming)."""

    def __init__(self, model, signature):
        super().__init__()
        self.model = model
        self._signature = signature
        self._variables = {name: variable for name, variable in _named_variables(model)}

    def forward(self, *flat_inputs):
        args = nest.pack_sequence_as(self._signature, [wrap(x) for x in flat_inputs])
        current = dict(self.model.named_parameters())
        saved = {}
        try:
            for name, variable in self._variables.items():
                saved[name] = variable._param
                variable._param = current[name]
            outputs = self.model(*args, training=False)
        finally:
            for name, param in saved.items():
                self._variables[name]._param = param
        return nest.map_structure(_storage, outputs)


def _named_variables(model):
    """``(parameter name, Variable)`` for every variable whose parameter the model registers
    (each variable once)."""
    by_param = {}
    for variable in model.variables:
        param = getattr(variable, "_param", None)
        if isinstance(param, torch.nn.Parameter):
            by_param[id(param)] = variable
    for name, param in model.named_parameters():  # one name per parameter: tied weights once
        variable = by_param.get(id(param))
        if variable is not None:
            yield name, variable
