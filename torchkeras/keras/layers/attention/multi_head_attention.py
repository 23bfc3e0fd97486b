"""``keras.layers.MultiHeadAttention``: multi-head scaled dot-product attention with Keras'
weights."""

import math

import torch
import torch.nn.functional as F

from ....framework.op_errors import dims_text, kernel_name, op_error
from ....framework.tensor import wrap
from ... import constraints, initializers, regularizers
from .. import symbolic
from ..core.einsum_dense import EinsumDense
from ..layer import Layer
from ..regularization.dropout import Dropout
from . import _equations, _masks
from ....api_export import keras_export

__all__ = ["MultiHeadAttention"]

_SOFTMAX_NEGATIVE = {torch.float16: -3e4}
"""What Keras' masked ``Softmax`` writes at masked scores (``-1e9`` for other dtypes)."""
_FUSED_NEGATIVE = -0.7 * 3.38953e38
"""What Keras' ``dot_product_attention`` writes at masked logits (computed in float32 or wider)."""


def _shape(x):
    shape = tuple(None if d is None else int(d) for d in x.shape)
    return symbolic.unknown_to_none(shape) if symbolic.tracing() else shape


@keras_export("keras.layers.MultiHeadAttention")
class MultiHeadAttention(Layer):
    """Multi-head attention (Vaswani et al., 2017) with Keras 3's weights, masks and results.

    ``query``, ``value`` and ``key`` (default: ``value``) are projected by the
    ``EinsumDense`` sublayers ``query_dense``, ``key_dense``, ``value_dense``
    (kernels ``(dim, num_heads, key_dim)``, biases ``(num_heads, key_dim)``);
    the heads attend over ``attention_axes`` (default: every axis but batch and
    features) and ``output_dense`` (kernel ``(num_heads, value_dim, *output_shape)``)
    projects back.  ``get_weights()`` lists query, key, (gate,) value, output
    kernels and biases in Keras' order, so ``set_weights`` transplants Keras'.

    Masks follow Keras: ``attention_mask`` ``(B, T, S)``, ``value_mask`` /
    ``key_mask`` ``(B, S)``, ``use_causal_mask`` and ``sliding_window`` are
    combined with AND; the query mask is the one a previous layer attached to
    ``query`` (``_keras_mask``; an explicit ``query_mask=`` is ignored, as in
    Keras), and it is attached to the output.  Without dropout, without
    ``return_attention_scores`` and for rank-3 inputs the attention runs on
    ``torch.nn.functional.scaled_dot_product_attention`` (a fully masked query
    row then averages all values, as Keras' fused path does); otherwise it runs
    on einsums and Keras' masked softmax (a fully masked row gives zero
    scores).  ``flash_attention=True`` is allowed (torch picks its kernel);
    TensorFlow's backend would reject it.

    >>> layer = keras.layers.MultiHeadAttention(num_heads=2, key_dim=2)
    >>> layer(np.zeros((1, 8, 16)), np.zeros((1, 4, 16))).shape
    TensorShape([1, 8, 16])
    """

    def __init__(
        self,
        num_heads,
        key_dim,
        value_dim=None,
        dropout=0.0,
        use_bias=True,
        output_shape=None,
        attention_axes=None,
        sliding_window=None,
        flash_attention=None,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        use_gate=False,
        seed=None,
        **kwargs,
    ):
        if not isinstance(num_heads, int) or num_heads <= 0:
            raise ValueError(
                "Received an invalid value for argument `num_heads`, expected a positive integer. "
                "Received: num_heads=%s" % (num_heads,)
            )
        if not isinstance(key_dim, int) or key_dim <= 0:
            raise ValueError(
                "Received an invalid value for argument `key_dim`, expected a positive integer. "
                "Received: key_dim=%s" % (key_dim,)
            )
        if value_dim is not None and (not isinstance(value_dim, int) or value_dim <= 0):
            raise ValueError(
                "Received an invalid value for argument `value_dim`, expected a positive integer "
                "or "
                "`None`. Received: value_dim=%s" % (value_dim,)
            )
        super().__init__(**kwargs)
        self.supports_masking = True
        self._num_heads = num_heads
        self._key_dim = key_dim
        self._value_dim = value_dim if value_dim else key_dim
        self._dropout = dropout
        self._use_bias = use_bias
        self._use_gate = use_gate
        if output_shape:
            if isinstance(output_shape, int):
                output_shape = (output_shape,)
            try:
                output_shape = tuple(output_shape)
            except TypeError:
                raise ValueError(
                    "Invalid `output_shape`: %s. When specified, the `output_shape` should be of "
                    "type "
                    "tuple, list, or int." % (output_shape,)
                ) from None
        self._output_shape = output_shape or None
        self._flash_attention = bool(flash_attention)
        self._kernel_initializer = initializers.get(kernel_initializer)
        self._bias_initializer = initializers.get(bias_initializer)
        self._kernel_regularizer = regularizers.get(kernel_regularizer)
        self._bias_regularizer = regularizers.get(bias_regularizer)
        self._sublayer_activity_regularizer = regularizers.get(activity_regularizer)
        self._kernel_constraint = constraints.get(kernel_constraint)
        self._bias_constraint = constraints.get(bias_constraint)
        if isinstance(attention_axes, int):
            attention_axes = (attention_axes,)
        elif attention_axes and not isinstance(attention_axes, (list, tuple)):
            raise ValueError(
                "`attention_axes` must be an int, list, or tuple.Received: attention_axes=%s"
                % (attention_axes,)
            )
        self._attention_axes = attention_axes
        if sliding_window is not None and (
            not isinstance(sliding_window, int) or sliding_window <= 0
        ):
            raise ValueError(
                "`sliding_window` must be `None` or a positive integer. Received: sliding_window=%s"
                % (sliding_window,)
            )
        self._sliding_window = sliding_window
        self.seed = seed
        self._inverse_sqrt_key_dim = 1.0 / math.sqrt(float(self._key_dim))
        self._build_shapes_dict = None
        if self._flash_attention and self._dropout > 0.0:
            raise ValueError(
                "Dropout is not supported when flash attention is enabled. Please set dropout to "
                "0.0 to "
                "use flash attention."
            )

    @property
    def num_heads(self):
        """The number of attention heads."""
        return self._num_heads

    @property
    def key_dim(self):
        """The size of each head for query and key."""
        return self._key_dim

    @property
    def value_dim(self):
        """The size of each head for value (``key_dim`` when not given)."""
        return self._value_dim

    @property
    def dropout(self):
        """The dropout rate on the attention scores."""
        return self._dropout

    @property
    def use_bias(self):
        """Whether the projections have biases."""
        return self._use_bias

    @property
    def attention_axes(self):
        """The axes attended over (normalised to non-negative ones once built)."""
        return self._attention_axes

    # ------------------------------------------------------------------ build
    def _sublayer_kwargs(self):
        return dict(
            kernel_regularizer=self._kernel_regularizer,
            bias_regularizer=self._bias_regularizer,
            activity_regularizer=self._sublayer_activity_regularizer,
            kernel_constraint=self._kernel_constraint,
            bias_constraint=self._bias_constraint,
            dtype=self.dtype_policy,
            kernel_initializer=self._kernel_initializer.clone(),
            bias_initializer=self._bias_initializer.clone(),
        )

    def _projection(self, input_rank, last_dims, name, **kwargs):
        equation, bias_axes, output_rank = _equations.projection_equation(input_rank - 1, 1, 2)
        return EinsumDense(
            equation,
            output_shape=_equations.partial_output_shape(output_rank - 1, last_dims),
            bias_axes=bias_axes if self._use_bias else None,
            name=name,
            **kwargs,
            **self._sublayer_kwargs(),
        )

    def build(self, query_shape, value_shape, key_shape=None):
        """Creates the projections for inputs of these shapes (``key_shape`` defaults to
        ``value_shape``)."""
        shapes = {"query_shape": query_shape, "value_shape": value_shape}
        if key_shape is not None:
            shapes["key_shape"] = key_shape
        query_shape, value_shape = tuple(query_shape), tuple(value_shape)
        key_shape = value_shape if key_shape is None else tuple(key_shape)
        if value_shape[1:-1] != key_shape[1:-1]:
            raise ValueError(
                "All dimensions of `value` and `key`, except the last one, must be equal. "
                "Received: "
                "value_shape=%s and key_shape=%s" % (value_shape, key_shape)
            )
        self.query_dense = self._projection(
            len(query_shape), [self._num_heads, self._key_dim], "query"
        )
        self.query_dense.build(query_shape)
        self.key_dense = self._projection(len(key_shape), [self._num_heads, self._key_dim], "key")
        self.key_dense.build(key_shape)
        if self._use_gate:
            self._gate_dense = self._projection(
                len(query_shape), [self._num_heads, self._value_dim], "gate", activation="sigmoid"
            )
            self._gate_dense.build(query_shape)
        self.value_dense = self._projection(
            len(value_shape), [self._num_heads, self._value_dim], "value"
        )
        self.value_dense.build(value_shape)
        self._build_attention(len(query_shape) + 1)
        output_shape = self._output_shape or [query_shape[-1]]
        equation, bias_axes, output_rank = _equations.projection_equation(
            len(query_shape) - 1, 2, len(output_shape)
        )
        self.output_dense = EinsumDense(
            equation,
            output_shape=_equations.partial_output_shape(output_rank - 1, output_shape),
            bias_axes=bias_axes if self._use_bias else None,
            name="attention_output",
            **self._sublayer_kwargs(),
        )
        output_input_shape = list(self.query_dense.compute_output_shape(query_shape))
        output_input_shape[-1] = self._value_dim
        self.output_dense.build(tuple(output_input_shape))
        self._build_shapes_dict = shapes
        self.built = True

    def _build_attention(self, rank):
        if self._attention_axes is None:
            self._attention_axes = tuple(range(1, rank - 2))
        else:
            self._attention_axes = tuple(
                axis if axis >= 0 else (rank - 1) + axis for axis in self._attention_axes
            )
        self._dot_product_equation, self._combine_equation, scores_rank = (
            _equations.attention_equations(rank, self._attention_axes)
        )
        self._norm_axes = tuple(range(scores_rank - len(self._attention_axes), scores_rank))
        self._mask_expansion_axis = -len(self._attention_axes) * 2 - 1
        self._dropout_layer = Dropout(rate=self._dropout, dtype=self.dtype_policy, seed=self.seed)

    def get_build_config(self):
        """Keras' ``{'shapes_dict': {'query_shape': ..., 'value_shape': ...[, 'key_shape':
        ...]}}``."""
        if self._build_shapes_dict is None:
            return None
        return {"shapes_dict": self._build_shapes_dict}

    def build_from_config(self, config):
        """Builds from :meth:`get_build_config`'s output."""
        if config and config.get("shapes_dict"):
            self.build(**config["shapes_dict"])
        else:
            super().build_from_config(config)

    # ------------------------------------------------------------------- call
    def __call__(self, query, value, key=None, **kwargs):
        if not symbolic.any_symbolic(query):
            value = self._convert_input(value)
            key = None if key is None else self._convert_input(key)
        if not self.built:
            with symbolic.real_mode():
                self.build(_shape(query), _shape(value), None if key is None else _shape(key))
        if key is None:
            return super().__call__(query, value, **kwargs)
        return super().__call__(query, value, key, **kwargs)

    def call(
        self,
        query,
        value,
        key=None,
        query_mask=None,
        value_mask=None,
        key_mask=None,
        attention_mask=None,
        return_attention_scores=False,
        training=None,
        use_causal_mask=False,
    ):
        if key is None:
            key = value
        query_mask = _masks.keras_mask(query)
        for tensor in (query, value, key):
            if _masks.keras_mask(tensor) is not None:
                tensor._keras_mask = None
        causal_only = (
            use_causal_mask
            and query_mask is None
            and value_mask is None
            and key_mask is None
            and attention_mask is None
            and self._sliding_window is None
            and type(self)._compute_attention is MultiHeadAttention._compute_attention
        )
        if causal_only:
            attention_mask = None
        else:
            attention_mask = self._compute_attention_mask(
                query, value, query_mask, value_mask, key_mask, attention_mask, use_causal_mask
            )
        gate = self._gate_dense(query) if self._use_gate else None
        query = self.query_dense(query)
        key = self.key_dense(key)
        value = self.value_dense(value)
        extra = {"use_causal_mask": True} if causal_only else {}
        output, scores = self._compute_attention(
            query, key, value, attention_mask, training, return_attention_scores, **extra
        )
        if gate is not None:
            output = wrap(output._value * gate._value)
        output = self.output_dense(output)
        if query_mask is not None:
            output._keras_mask = query_mask
        if return_attention_scores:
            return output, scores
        return output

    def _compute_attention_mask(
        self,
        query,
        value,
        query_mask=None,
        value_mask=None,
        key_mask=None,
        attention_mask=None,
        use_causal_mask=False,
    ):
        """The ``(B, T, S)``-broadcastable boolean mask (a ``tf.Tensor``) combining every mask
        source, or ``None``."""
        auto = None
        if query_mask is not None:
            auto = _masks.as_bool(query_mask).unsqueeze(-1)
        for mask in (value_mask, key_mask):
            if mask is not None:
                mask = _masks.as_bool(mask).unsqueeze(-2)
                auto = mask if auto is None else auto & mask
        device = query._value.device
        query_length, value_length = query._value.shape[1], value._value.shape[1]
        if use_causal_mask:
            mask = _masks.causal_mask(query_length, value_length, device)
            auto = mask if auto is None else auto & mask
        if self._sliding_window is not None:
            rows = torch.arange(query_length, device=device).view(1, -1, 1)
            cols = torch.arange(value_length, device=device).view(1, 1, -1)
            mask = (rows - cols).abs() < self._sliding_window
            auto = mask if auto is None else auto & mask
        if attention_mask is not None:
            attention_mask = _masks.as_bool(attention_mask)
        if auto is not None:
            attention_mask = auto if attention_mask is None else attention_mask & auto
        return None if attention_mask is None else wrap(attention_mask)

    def _compute_attention(
        self,
        query,
        key,
        value,
        attention_mask=None,
        training=None,
        return_attention_scores=False,
        use_causal_mask=False,
    ):
        """Attention of the projected ``query (B, T, N, key_dim)``, ``key``, ``value``; returns
        ``(output (B, T, N, value_dim), scores or None)``.  Subclasses may override it, as in
        Keras."""
        if self._flash_attention and return_attention_scores:
            raise ValueError(
                "Returning attention scores is not supported when flash attention is enabled. "
                "Please "
                "disable flash attention to access attention scores."
            )
        q, k, v = query._value, key._value, value._value
        _check_batch(q, k)
        mask = None if attention_mask is None else _masks.as_bool(attention_mask)
        if not (self._dropout > 0.0 or return_attention_scores or q.ndim != 4):
            return wrap(self._fused_attention(q, k, v, mask, use_causal_mask)), None
        if use_causal_mask:
            causal = _masks.causal_mask(q.shape[1], v.shape[1], q.device)
            mask = causal if mask is None else mask & causal
        q = q * torch.tensor(self._inverse_sqrt_key_dim, dtype=q.dtype)
        scores = self._masked_softmax(torch.einsum(self._dot_product_equation, k, q), mask)
        weights = scores
        if self._dropout > 0.0:
            weights = self._dropout_layer(wrap(scores), training=training)._value
        return wrap(torch.einsum(self._combine_equation, weights, v)), wrap(scores)

    def _fused_attention(self, q, k, v, mask, is_causal):
        """Keras' ``dot_product_attention`` on torch's fused kernel: ``(B, T, N, H)`` layout, logits
        and softmax in float32 or wider, masked logits set to ``-0.7 * 3.38953e38``."""
        dtype = q.dtype
        if dtype in (torch.float16, torch.bfloat16):
            q, k, v = q.float(), k.float(), v.float()
        bias = None
        if mask is not None:
            while mask.ndim < 4:
                mask = mask.unsqueeze(-3)
            bias = torch.zeros(mask.shape, dtype=q.dtype, device=q.device).masked_fill_(
                ~mask, _FUSED_NEGATIVE
            )
        out = F.scaled_dot_product_attention(
            q.transpose(1, 2),
            k.transpose(1, 2),
            v.transpose(1, 2),
            attn_mask=bias,
            is_causal=is_causal and bias is None,
            scale=self._inverse_sqrt_key_dim,
        )
        return out.transpose(1, 2).to(dtype)

    def _masked_softmax(self, scores, mask=None):
        """Keras' masked ``Softmax`` over the key attention axes: masked scores are ``-1e9`` before
        and ``0`` after the softmax (so a fully masked row is all zeros)."""
        if mask is not None:
            while mask.ndim < scores.ndim:
                mask = mask.unsqueeze(self._mask_expansion_axis)
            scores = scores.masked_fill(~mask, _SOFTMAX_NEGATIVE.get(scores.dtype, -1e9))
        if len(self._norm_axes) > 1:
            out = torch.exp(scores - torch.logsumexp(scores, dim=self._norm_axes, keepdim=True))
        else:
            out = torch.softmax(scores, dim=-1)
        if mask is not None:
            out = out.masked_fill(~mask, 0.0)
        return out

    # ----------------------------------------------------------------- shapes
    def compute_output_shape(self, query_shape, value_shape, key_shape=None):
        query_shape, value_shape = tuple(query_shape), tuple(value_shape)
        key_shape = value_shape if key_shape is None else tuple(key_shape)
        if value_shape[1:-1] != key_shape[1:-1]:
            raise ValueError(
                "All dimensions of `value` and `key`, except the last one, must be equal. "
                "Received: "
                "value_shape=%s and key_shape=%s" % (value_shape, key_shape)
            )
        if self._output_shape:
            query_shape = query_shape[:-1] + self._output_shape
        return query_shape

    # ----------------------------------------------------------------- config
    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "num_heads": self._num_heads,
                "key_dim": self._key_dim,
                "value_dim": self._value_dim,
                "dropout": self._dropout,
                "use_bias": self._use_bias,
                "use_gate": self._use_gate,
                "output_shape": self._output_shape,
                "attention_axes": self._attention_axes,
                "sliding_window": self._sliding_window,
                "kernel_initializer": initializers.serialize(self._kernel_initializer),
                "bias_initializer": initializers.serialize(self._bias_initializer),
                "kernel_regularizer": regularizers.serialize(self._kernel_regularizer),
                "bias_regularizer": regularizers.serialize(self._bias_regularizer),
                "activity_regularizer": regularizers.serialize(self._sublayer_activity_regularizer),
                "kernel_constraint": constraints.serialize(self._kernel_constraint),
                "bias_constraint": constraints.serialize(self._bias_constraint),
                "seed": self.seed,
            }
        )
        return config


def _check_batch(q, k):
    """TF's error for a key/value batch that is not the query's (Keras' TF backend fails in the
    score einsum; torch would broadcast a batch of 1)."""
    if q.ndim and k.ndim and q.shape[0] != k.shape[0]:
        raise op_error(
            "Einsum",
            "Expected dimension %d at axis 0 of the input shaped %s but got dimension %d"
            % (q.shape[0], dims_text(k.shape), k.shape[0]),
            k,
            kernel="%s_N_2" % kernel_name("Einsum", k),
        )
