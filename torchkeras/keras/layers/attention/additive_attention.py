"""``keras.layers.AdditiveAttention``: Bahdanau-style attention over ``[query, value(, key)]``."""

import torch

from ....framework.op_errors import broadcast_shapes
from .attention import Attention
from ....api_export import keras_export

__all__ = ["AdditiveAttention"]


@keras_export("keras.layers.AdditiveAttention")
class AdditiveAttention(Attention):
    """Additive attention, a.k.a. Bahdanau-style attention (Keras 3's ``AdditiveAttention``).

    Scores are ``sum(scale * tanh(query + key), axis=-1)`` with a trainable
    ``scale`` of shape ``(dim,)`` (Glorot-uniform) when ``use_scale`` (the
    default), else ``sum(tanh(query + key))``; masking, dropout, causal masking
    and the returned scores are :class:`Attention`'s.
    """

    def __init__(self, use_scale=True, dropout=0.0, **kwargs):
        super().__init__(use_scale=use_scale, dropout=dropout, **kwargs)

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        self.scale = None
        if self.use_scale:
            self.scale = self.add_weight(
                name="scale",
                shape=(input_shape[0][-1],),
                initializer="glorot_uniform",
                trainable=True,
            )
        self.built = True

    def _calculate_scores(self, query, key):
        query, key = query.unsqueeze(-2), key.unsqueeze(-3)
        try:
            total = torch.tanh(query + key)
        except RuntimeError:
            broadcast_shapes("AddV2", query.shape, key.shape, query)  # TF's error
            raise
        if self.scale is not None:
            total = self.scale._value.to(total.dtype) * total
        return total.sum(-1)

    def get_config(self):
        config = super().get_config()
        del config["score_mode"]
        return config
