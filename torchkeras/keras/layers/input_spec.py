"""``keras.layers.InputSpec``: the rank, dtype and axis sizes a layer accepts, and the check."""

import torch
from ...api_export import keras_export

from ...framework import tree as _tree


@keras_export("keras.InputSpec", "keras.layers.InputSpec")
class InputSpec:
    """What a layer expects of one input; ``None`` fields are unconstrained.

    ``axes`` maps an axis (negative allowed) to its required size.
    """

    def __init__(
        self,
        dtype=None,
        shape=None,
        ndim=None,
        max_ndim=None,
        min_ndim=None,
        axes=None,
        allow_last_axis_squeeze=False,
        name=None,
        optional=False,
    ):
        self.dtype = dtype
        self.shape = tuple(shape) if shape is not None else None
        self.ndim = len(shape) if shape is not None else ndim
        self.max_ndim = max_ndim
        self.min_ndim = min_ndim
        self.axes = dict(axes or {})
        self.allow_last_axis_squeeze = allow_last_axis_squeeze
        self.name = name
        self.optional = optional

    def __repr__(self):
        fields = [
            "dtype=" + str(self.dtype) if self.dtype else "",
            "shape=" + str(self.shape) if self.shape else "",
            "ndim=" + str(self.ndim) if self.ndim else "",
            "max_ndim=" + str(self.max_ndim) if self.max_ndim else "",
            "min_ndim=" + str(self.min_ndim) if self.min_ndim else "",
            "axes=" + str(self.axes) if self.axes else "",
        ]
        return "InputSpec(%s)" % ", ".join(f for f in fields if f)

    def get_config(self):
        """The constructor arguments."""
        return {
            "dtype": self.dtype,
            "shape": self.shape,
            "ndim": self.ndim,
            "max_ndim": self.max_ndim,
            "min_ndim": self.min_ndim,
            "axes": self.axes,
        }


def _flat(obj):
    return _tree.flatten(obj, _tree.KERAS)


class _Head:
    """The start of an input-spec error message, formatted only when an error is raised."""

    __slots__ = ("index", "spec", "layer_name")

    def __init__(self, index, spec, layer_name):
        self.index, self.spec, self.layer_name = index, spec, layer_name

    def __add__(self, rest):
        return "Input %d with name '%s' of layer '%s' is incompatible with the layer: %s" % (
            self.index,
            self.spec.name,
            self.layer_name,
            rest,
        )


def _dtype_name(x):
    dtype = x.dtype
    return getattr(dtype, "name", dtype)


def _shape_of(x):
    """``x``'s shape as a tuple, read from the torch storage when ``x`` is a Tensor."""
    value = getattr(x, "_value", None)
    return tuple(value.shape) if isinstance(value, torch.Tensor) else tuple(x.shape)


def assert_input_compatibility(input_spec, inputs, layer_name):
    """Raises Keras' ``ValueError`` when ``inputs`` do not satisfy ``input_spec``."""
    if isinstance(input_spec, InputSpec) and not isinstance(inputs, (list, tuple, dict)):
        specs, flat = [input_spec], [inputs]
    else:
        specs, flat = _flat(input_spec), _flat(inputs)
    if len(flat) != len(specs):
        raise ValueError(
            'Layer "%s" expects %d input(s), but it received %d input tensors. Inputs received: %s'
            % (layer_name, len(specs), len(flat), flat)
        )
    for index, (x, spec) in enumerate(zip(flat, specs)):
        if spec is None or (x is None and spec.optional):
            continue
        if not hasattr(x, "shape"):
            raise ValueError(
                "Inputs to a layer should be tensors. Got '%s' (of type %s) as input for layer "
                "'%s'." % (x, type(x), layer_name)
            )
        shape = _shape_of(x)
        ndim = len(shape)
        head = _Head(index, spec, layer_name)
        if spec.ndim is not None and not spec.allow_last_axis_squeeze and ndim != spec.ndim:
            raise ValueError(
                head
                + "expected ndim=%d, found ndim=%d. Full shape received: %s"
                % (spec.ndim, ndim, shape)
            )
        if spec.max_ndim is not None and ndim > spec.max_ndim:
            raise ValueError(head + "expected max_ndim=%d, found ndim=%d" % (spec.max_ndim, ndim))
        if spec.min_ndim is not None and ndim < spec.min_ndim:
            raise ValueError(
                head
                + "expected min_ndim=%d, found ndim=%d. Full shape received: %s"
                % (spec.min_ndim, ndim, shape)
            )
        if spec.dtype is not None and _dtype_name(x) != spec.dtype:
            raise ValueError(
                head + "expected dtype=%s, found dtype=%s" % (spec.dtype, _dtype_name(x))
            )
        for axis, value in spec.axes.items():
            if value is not None and shape[axis] not in (value, None):
                raise ValueError(
                    head + "expected axis %d of input shape to have value %s, but received input "
                    "with shape %s" % (axis, value, shape)
                )
        if spec.shape is not None:
            spec_shape = spec.shape
            if spec.allow_last_axis_squeeze:
                shape = shape[:-1] if shape and shape[-1] == 1 else shape
                spec_shape = spec_shape[:-1] if spec_shape and spec_shape[-1] == 1 else spec_shape
            for spec_dim, dim in zip(spec_shape, shape):
                if spec_dim is not None and dim is not None and spec_dim != dim:
                    raise ValueError(
                        head + "expected shape=%s, found shape=%s" % (spec.shape, shape)
                    )
