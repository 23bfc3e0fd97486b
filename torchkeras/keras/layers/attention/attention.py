"""``keras.layers.Attention``: dot-product (Luong-style) attention over ``[query, value(,
key)]``."""

import numpy as np
import torch

from ....framework.op_errors import attr_error, dims_text, op_error
from ....framework.tensor import wrap
from ..layer import Layer
from ..preprocessing._image_layer import check_seed
from . import _masks
from ....api_export import keras_export

__all__ = ["Attention"]


@keras_export("keras.layers.Attention")
class Attention(Layer):
    """Dot-product attention, a.k.a. Luong-style attention (Keras 3's ``Attention``).

    Called on ``[query (B, Tq, dim), value (B, Tv, dim)]`` or ``[query, value, key]``:
    scores are ``query @ key^T`` (``score_mode="dot"``, times the scalar weight
    ``scale`` when ``use_scale``) or ``concat_score_weight * sum(tanh(query + key))``
    (``"concat"``); masked scores lose ``1e9`` (``65504`` in float16) before the
    softmax; ``dropout`` applies to the distribution when ``training``.
    ``mask=[query_mask, value_mask]``: the output is zero at masked query steps.
    ``use_causal_mask`` keeps step ``i`` from attending to ``j > i``.
    ``return_attention_scores`` also returns the distribution.  Dropout masks
    come from torch's generator (``seed`` makes them reproducible, not Keras' bits).
    """

    def __init__(self, use_scale=False, score_mode="dot", dropout=0.0, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.use_scale = use_scale
        self.score_mode = score_mode
        self.dropout = dropout
        self.seed = seed
        self._generator = None
        if self.dropout > 0:  # Keras' comparison (a TypeError for a non-number)
            check_seed(seed)
        if self.score_mode not in ["dot", "concat"]:
            raise ValueError(
                "Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. "
                "Received: score_mode=%s" % (score_mode,)
            )

    def build(self, input_shape):
        self._validate_inputs(input_shape)
        self.scale = None
        self.concat_score_weight = None
        if self.use_scale:
            self.scale = self.add_weight(name="scale", shape=(), initializer="ones", trainable=True)
        if self.score_mode == "concat":
            self.concat_score_weight = self.add_weight(
                name="concat_score_weight", shape=(), initializer="ones", trainable=True
            )
        self.built = True

    def _calculate_scores(self, query, key):
        """``(B, Tq, Tv)`` scores of the query and key storages."""
        scale = None if self.scale is None else self.scale._value.to(query.dtype)
        if self.score_mode == "dot":
            if query.shape[-1] != key.shape[-1]:
                raise op_error(
                    "BatchMatMulV2",
                    "Matrix size-incompatible: In[0]: %s, In[1]: %s 0 0"
                    % (dims_text(query.shape), dims_text(key.transpose(-2, -1).shape)),
                    query,
                    kernel="_MklBatchMatMulV2",
                )
            scores = torch.matmul(query, key.transpose(-2, -1))
            return scores if scale is None else scores * scale
        total = query.unsqueeze(-2) + key.unsqueeze(-3)
        if scale is not None:
            total = scale * total
        return self.concat_score_weight._value.to(query.dtype) * torch.tanh(total).sum(-1)

    def _apply_scores(self, scores, value, scores_mask=None, training=False):
        """``(softmax(masked scores) @ value, distribution)`` as storages."""
        if scores_mask is not None:
            if scores_mask.ndim == 2:
                scores_mask = scores_mask.unsqueeze(-2)
            max_value = 65504.0 if scores.dtype is torch.float16 else 1.0e9
            scores = torch.where(scores_mask, scores, scores - max_value)
        if not scores.is_floating_point():
            raise attr_error("Softmax", scores)  # integer inputs' dot-product scores
        weights = torch.softmax(scores, dim=-1)
        if training and self.dropout > 0:
            weights = self._dropout(weights)
        if value.dtype is not weights.dtype:
            value = value.to(weights.dtype)  # Keras' matmul promotes integer values
        return torch.matmul(weights, value), weights

    def _dropout(self, weights):
        if self.seed is None:
            return torch.nn.functional.dropout(weights, self.dropout, True)
        if self._generator is None:
            self._generator = torch.Generator(device=weights.device).manual_seed(int(self.seed))
        keep = (
            torch.rand(weights.shape, device=weights.device, generator=self._generator)
            >= self.dropout
        )
        return weights * keep.to(weights.dtype) / (1.0 - self.dropout)

    @staticmethod
    def _calculate_score_mask(scores, value_mask, use_causal_mask):
        if not use_causal_mask:
            return value_mask
        causal = _masks.causal_mask(scores.shape[-2], scores.shape[-1], scores.device)
        return causal if value_mask is None else value_mask.unsqueeze(-2) & causal

    def call(
        self,
        inputs,
        mask=None,
        training=False,
        return_attention_scores=False,
        use_causal_mask=False,
    ):
        self._validate_inputs(inputs=inputs, mask=mask)
        try:
            query, value = inputs[0]._value, inputs[1]._value
            key = inputs[2]._value if len(inputs) > 2 else value
        except AttributeError:
            raise ValueError(
                "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) "
                "to a Tensor."
            ) from None
        if isinstance(query, np.ndarray) or isinstance(key, np.ndarray):
            raise ValueError("dtype='string' is not a valid dtype for Keras type promotion.")
        query_mask = _masks.as_bool(mask[0]) if mask and mask[0] is not None else None
        value_mask = _masks.as_bool(mask[1]) if mask and mask[1] is not None else None
        scores = self._calculate_scores(query, key)
        scores_mask = self._calculate_score_mask(scores, value_mask, use_causal_mask)
        output, weights = self._apply_scores(scores, value, scores_mask, training)
        if query_mask is not None:
            output = torch.where(
                query_mask.unsqueeze(-1),
                output,
                torch.zeros((), dtype=output.dtype, device=output.device),
            )
        if return_attention_scores:
            return wrap(output), wrap(weights)
        return wrap(output)

    def compute_mask(self, inputs, mask=None):
        self._validate_inputs(inputs=inputs, mask=mask)
        if mask is None or mask[0] is None:
            return None
        return wrap(_masks.as_bool(mask[0]))

    def compute_output_shape(self, input_shape):
        return (*input_shape[0][:-1], input_shape[1][-1])

    def _validate_inputs(self, inputs, mask=None):
        class_name = type(self).__name__
        if not isinstance(inputs, list):
            raise ValueError(
                "%s layer must be called on a list of inputs, namely [query, value] or [query, "
                "value, "
                "key]. Received: inputs=%s." % (class_name, inputs)
            )
        if len(inputs) < 2 or len(inputs) > 3:
            raise ValueError(
                "%s layer accepts inputs list of length 2 or 3, namely [query, value] or [query, "
                "value, "
                "key]. Received length: %d." % (class_name, len(inputs))
            )
        if mask is not None:
            if not isinstance(mask, list):
                raise ValueError(
                    "%s layer mask must be a list, namely [query_mask, value_mask]. Received: "
                    "mask=%s." % (class_name, mask)
                )
            if len(mask) < 2 or len(mask) > 3:
                raise ValueError(
                    "%s layer accepts mask list of length 2 or 3. Received: inputs=%s, mask=%s."
                    % (class_name, inputs, mask)
                )

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "use_scale": self.use_scale,
                "score_mode": self.score_mode,
                "dropout": self.dropout,
                "seed": self.seed,
            }
        )
        return config
