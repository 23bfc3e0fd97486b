"""``keras.layers.InputLayer`` and ``keras.Input``: the entry points of a functional graph."""

from ...backend.keras_tensor import KerasTensor
from ..layer import Layer
from ...ops.node import Node
from ....api_export import keras_export
from ...backend.shape_utils import standardize_shape
from ...ops._dtypes import standardize_dtype


@keras_export("keras.layers.InputLayer")
class InputLayer(Layer):
    """Holds the symbolic input of a functional model (``output`` is a KerasTensor)."""

    def __init__(
        self,
        shape=None,
        batch_size=None,
        dtype=None,
        sparse=None,
        ragged=None,
        batch_shape=None,
        input_tensor=None,
        optional=False,
        name=None,
        **kwargs,
    ):
        super().__init__(name=name, **kwargs)
        if shape is not None and batch_shape is not None:
            raise ValueError("You cannot pass both `shape` and `batch_shape` at the same time.")
        if batch_size is not None and batch_shape is not None:
            raise ValueError(
                "You cannot pass both `batch_size` and `batch_shape` at the same time."
            )
        if shape is None and batch_shape is None and input_tensor is None:
            raise ValueError("You must pass a `shape` argument.")
        if input_tensor is not None:
            if not isinstance(input_tensor, KerasTensor):
                raise ValueError(
                    "Argument `input_tensor` must be a KerasTensor. Received invalid type: "
                    "input_tensor=%s (of type %s)" % (input_tensor, type(input_tensor))
                )
            batch_shape = input_tensor.shape
            dtype = input_tensor.dtype
        elif batch_shape is None:
            batch_shape = (batch_size,) + standardize_shape(shape)
        self._batch_shape = standardize_shape(batch_shape)
        dtype = standardize_dtype(dtype)
        self._dtype_name = dtype
        self.sparse = bool(sparse)
        self.ragged = bool(ragged)
        if self.ragged:
            raise ValueError("`ragged=True` is not supported with the torch backend")
        self.optional = optional
        tensor = (
            input_tensor
            if input_tensor is not None
            else KerasTensor(self._batch_shape, dtype=dtype, name=name)
        )
        Node(self, (), {}, tensor, is_input=True)
        self.built = True

    @property
    def batch_shape(self):
        """The full input shape, batch dim included."""
        return self._batch_shape

    @property
    def dtype(self):
        """The input's dtype name."""
        return self._dtype_name

    def __call__(self, *args, **kwargs):
        if args:  # Keras binds the arguments to its ``call()``, which takes none
            raise TypeError("too many positional arguments")
        return super().__call__(*args, **kwargs)

    def call(self, inputs):
        return inputs

    def get_config(self):
        return {
            "batch_shape": self._batch_shape,
            "dtype": self._dtype_name,
            "sparse": self.sparse,
            "ragged": self.ragged,
            "name": self.name,
            "optional": self.optional,
        }


@keras_export("keras.layers.Input", "keras.Input")
def Input(  # noqa: N802
    shape=None,
    batch_size=None,
    dtype=None,
    sparse=None,
    ragged=None,
    batch_shape=None,
    name=None,  # noqa: N802
    tensor=None,
    optional=False,
):
    """``keras.Input``: a symbolic KerasTensor of ``shape`` (batch dim excluded) to start a
    functional model."""
    layer = InputLayer(
        shape=shape,
        batch_size=batch_size,
        dtype=dtype,
        sparse=sparse,
        ragged=ragged,
        batch_shape=batch_shape,
        name=name,
        input_tensor=tensor,
        optional=optional,
    )
    return layer.output
