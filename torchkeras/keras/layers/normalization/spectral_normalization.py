"""``keras.layers.SpectralNormalization``."""

import torch

from ....framework.tensor import wrap
from ... import initializers
from ..core.wrapper import Wrapper
from ..input_spec import InputSpec
from ....api_export import keras_export

_EPSILON = 1e-7


def _l2_normalize(x):
    """``x`` divided by its L2 norm over all entries (Keras' ``normalize(x, axis=None)``)."""
    return x * torch.clamp(torch.rsqrt(torch.sum(torch.square(x))), max=1.0 / _EPSILON)


@keras_export("keras.layers.SpectralNormalization")
class SpectralNormalization(Wrapper):
    """Wraps a layer with a ``kernel`` (``Dense``, ``Conv*``...) or ``embeddings`` (``Embedding``):
    each ``training`` call first divides that weight by its largest singular value, estimated by
    ``power_iterations`` steps of the power method from the non-trainable ``vector_u`` (which is
    updated), unless the weight is all zeros.  Weights: the layer's kernel, ``vector_u``, then the
    layer's others, in Keras' order."""

    def __init__(self, layer, power_iterations=1, **kwargs):
        super().__init__(layer, **kwargs)
        if power_iterations <= 0:
            raise ValueError(
                "`power_iterations` should be greater than zero. Received: `power_iterations=%s`"
                % (power_iterations,)
            )
        self.power_iterations = power_iterations

    def build(self, input_shape):
        super().build(input_shape)
        self.input_spec = InputSpec(min_ndim=1, axes={-1: input_shape[-1]})
        if getattr(self.layer, "kernel", None) is not None:
            self.kernel = self.layer.kernel
        elif getattr(self.layer, "embeddings", None) is not None:
            self.kernel = self.layer.embeddings
        else:
            raise ValueError(
                "%s object has no attribute 'kernel' nor 'embeddings'" % type(self.layer).__name__
            )
        self.kernel_shape = tuple(self.kernel.shape)
        self.vector_u = self.add_weight(
            shape=(1, self.kernel_shape[-1]),
            initializer=initializers.TruncatedNormal(stddev=0.02),
            trainable=False,
            name="vector_u",
            dtype=self.kernel.dtype,
        )
        self.built = True

    def call(self, inputs, training=False):
        if training:
            with torch.no_grad():
                kernel = self.kernel._value
                vector_u, normalized = self._normalized_weights(kernel)
                all_zero = torch.all(kernel == 0)
                self.vector_u.assign(wrap(torch.where(all_zero, self.vector_u._value, vector_u)))
                self.kernel.assign(wrap(torch.where(all_zero, kernel, normalized)))
        output = self.layer(inputs)
        return wrap(output._value.to(inputs._value.dtype))

    def _normalized_weights(self, kernel):
        weights = kernel.reshape(-1, self.kernel_shape[-1])
        vector_u = self.vector_u._value
        for _ in range(self.power_iterations):
            vector_v = _l2_normalize(vector_u @ weights.T)
            vector_u = _l2_normalize(vector_v @ weights)
        sigma = (vector_v @ weights) @ vector_u.T
        return vector_u, (kernel / sigma).reshape(self.kernel_shape)

    def compute_output_shape(self, input_shape):
        return self.layer.compute_output_shape(input_shape)

    def get_config(self):
        config = super().get_config()
        config["power_iterations"] = self.power_iterations
        return config
