"""``keras.layers.Embedding``: integer indices -> dense vectors."""

import torch
import torch.nn.functional as F

from ....framework.convert import to_torch
from ....framework.tensor import wrap
from ... import constraints, initializers, regularizers
from ..layer import Layer
from ....api_export import keras_export
from ....ops.gather_ops import index_error


@keras_export("keras.layers.Embedding")
class Embedding(Layer):
    """Looks up rows of ``embeddings`` (shape ``(input_dim, output_dim)``) for integer inputs.

    ``mask_zero=True`` makes ``compute_mask`` flag index 0 as padding; the mask is attached
    to the output, so mask-aware layers downstream (RNNs, attention, pooling) skip the padding.
    """

    _input_op = "cast_int32"  # the Keras op its call starts with (string input errors)

    def __init__(
        self,
        input_dim,
        output_dim,
        embeddings_initializer="uniform",
        embeddings_regularizer=None,
        embeddings_constraint=None,
        mask_zero=False,
        weights=None,
        quantization_config=None,
        **kwargs,
    ):
        if quantization_config is not None:
            raise NotImplementedError(
                "torchkeras' Embedding does not support quantization (`quantization_config`)."
            )
        input_length = kwargs.pop("input_length", None)
        if input_length is not None:
            raise ValueError("Argument `input_length` is deprecated. Just remove it.")
        for argument, value in (("input_dim", input_dim), ("output_dim", output_dim)):
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(
                    "`%s` must be a positive integer. Received: %s=%r (of type %s)."
                    % (argument, argument, value, type(value).__name__)
                )
        super().__init__(**kwargs)
        self.input_dim = input_dim
        self.output_dim = output_dim
        self.embeddings_initializer = initializers.get(embeddings_initializer)
        self.embeddings_regularizer = regularizers.get(embeddings_regularizer)
        self.embeddings_constraint = constraints.get(embeddings_constraint)
        self.mask_zero = mask_zero
        self.supports_masking = mask_zero
        self.autocast = False
        if weights is not None:
            self.build()
            self.set_weights(weights if isinstance(weights, list) else [weights])

    def build(self, input_shape=None):
        if self.built:
            return
        self.embeddings = self.add_weight(
            shape=(self.input_dim, self.output_dim),
            initializer=self.embeddings_initializer,
            name="embeddings",
            regularizer=self.embeddings_regularizer,
            constraint=self.embeddings_constraint,
            trainable=True,
        )
        self.built = True

    def call(self, inputs):
        indices = inputs._value
        if indices.dtype is not torch.int64:
            indices = indices.long()
        table = self.embeddings._value
        try:
            out = F.embedding(indices, table)
        except IndexError:  # torch's CPU kernel; TF's names the first bad index
            # Keras' take counts negative ids from the end (-1: the last row) before gathering
            indices = torch.where(indices < 0, indices + table.shape[0], indices)
            try:
                out = F.embedding(indices, table)
            except IndexError:
                raise index_error(indices, table.shape[0], "GatherV2", table) from None
        return wrap(
            out if out.dtype is self._compute_torch_dtype else out.to(self._compute_torch_dtype)
        )

    def compute_mask(self, inputs, mask=None):
        """Keras' padding mask: ``inputs != 0`` when ``mask_zero`` (any tensor-like input), else
        ``None``."""
        if not self.mask_zero:
            return None
        return wrap(to_torch(inputs) != 0)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape) + (self.output_dim,)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "input_dim": self.input_dim,
                "output_dim": self.output_dim,
                "embeddings_initializer": initializers.serialize(self.embeddings_initializer),
                "embeddings_regularizer": regularizers.serialize(self.embeddings_regularizer),
                "activity_regularizer": regularizers.serialize(self.activity_regularizer),
                "embeddings_constraint": constraints.serialize(self.embeddings_constraint),
                "mask_zero": self.mask_zero,
                "quantization_config": None,
            }
        )
        return config
