"""``keras.layers.Permute``: permutes the non-batch dims."""

from ....framework.tensor import wrap
from ..input_spec import InputSpec
from ..layer import Layer
from ....api_export import keras_export


@keras_export("keras.layers.Permute")
class Permute(Layer):
    """Permutes the dims after the batch dim by ``dims`` (1-based, as in Keras)."""

    def __init__(self, dims, **kwargs):
        super().__init__(**kwargs)
        self.dims = tuple(dims)
        if sorted(self.dims) != list(range(1, len(self.dims) + 1)):
            raise ValueError(
                "Invalid permutation argument `dims` for Permute Layer. The set of indices in "
                "`dims` must be consecutive and start from 1. Received dims=%s" % (self.dims,)
            )
        self.input_spec = InputSpec(ndim=len(self.dims) + 1)
        self.built = True

    def call(self, inputs):
        return wrap(inputs._value.permute((0,) + self.dims))

    def compute_output_shape(self, input_shape):
        return (input_shape[0],) + tuple(input_shape[d] for d in self.dims)

    def get_config(self):
        config = super().get_config()
        config["dims"] = self.dims
        return config
