"""The shared machinery of Keras' recurrent cells: weights' arguments, activations and dropout
masks."""

import torch

from ....framework import device
from ....framework.tensor import wrap
from ... import activations, constraints, initializers, regularizers
from ..core import _activation_util
from ..layer import Layer
from .._weight_args import add_weight_from_args


def set_weight_args(
    cell,
    use_bias,
    kernel_initializer,
    recurrent_initializer,
    bias_initializer,
    kernel_regularizer,
    recurrent_regularizer,
    bias_regularizer,
    kernel_constraint,
    recurrent_constraint,
    bias_constraint,
    dropout,
    recurrent_dropout,
    seed,
):
    """Sets the arguments every recurrent cell shares (kernel / recurrent kernel / bias
    initializers, regularizers and constraints resolved; dropout rates clipped to [0, 1]; no
    dropout masks drawn yet)."""
    cell.use_bias = use_bias
    cell.kernel_initializer = initializers.get(kernel_initializer)
    cell.recurrent_initializer = initializers.get(recurrent_initializer)
    cell.bias_initializer = initializers.get(bias_initializer)
    cell.kernel_regularizer = regularizers.get(kernel_regularizer)
    cell.recurrent_regularizer = regularizers.get(recurrent_regularizer)
    cell.bias_regularizer = regularizers.get(bias_regularizer)
    cell.kernel_constraint = constraints.get(kernel_constraint)
    cell.recurrent_constraint = constraints.get(recurrent_constraint)
    cell.bias_constraint = constraints.get(bias_constraint)
    cell.dropout = min(1.0, max(0.0, dropout))
    cell.recurrent_dropout = min(1.0, max(0.0, recurrent_dropout))
    cell.seed = seed
    cell.__dict__.update(_generator=None, _masks=[None, None])


class DropoutRNNCell(Layer):
    """Base of the built-in cells (Keras' ``DropoutRNNCell`` mixin plus the common arguments).

    Dropout masks are drawn once per sequence (the same mask at every timestep,
    as Keras does) and dropped by :meth:`reset_dropout_mask`, which the ``RNN``
    layer calls at the start of each call.  ``seed`` seeds torch's generator
    (reproducible, but not Keras' random bits).  Subclasses implement
    ``_step(x, states, training)`` on torch storage.
    """

    def __init__(
        self,
        units,
        activation="tanh",
        use_bias=True,
        kernel_initializer="glorot_uniform",
        recurrent_initializer="orthogonal",
        bias_initializer="zeros",
        kernel_regularizer=None,
        recurrent_regularizer=None,
        bias_regularizer=None,
        kernel_constraint=None,
        recurrent_constraint=None,
        bias_constraint=None,
        dropout=0.0,
        recurrent_dropout=0.0,
        seed=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if units <= 0:
            raise ValueError(
                "Received an invalid value for argument `units`, expected a positive integer, got "
                "%s." % (units,)
            )
        self.units = units
        self.activation, self._act_fn, _ = _activation_util.resolve(activation)
        set_weight_args(
            self,
            use_bias,
            kernel_initializer,
            recurrent_initializer,
            bias_initializer,
            kernel_regularizer,
            recurrent_regularizer,
            bias_regularizer,
            kernel_constraint,
            recurrent_constraint,
            bias_constraint,
            dropout,
            recurrent_dropout,
            seed,
        )
        self.kernel = None
        self.recurrent_kernel = None
        self.bias = None

    @property
    def output_size(self):
        """The size of the cell's output (``units``)."""
        return self.units

    # ----------------------------------------------------------------- weights
    def _add_kernels(self, input_dim, gates):
        self.kernel = add_weight_from_args(
            self, "kernel", (input_dim, gates * self.units), "kernel"
        )
        self.recurrent_kernel = add_weight_from_args(
            self, "recurrent_kernel", (self.units, gates * self.units), "recurrent"
        )

    def _add_bias(self, shape, initializer=None):
        self.bias = add_weight_from_args(self, "bias", shape, "bias", initializer)

    def _weights_like(self, x):
        """``(kernel, recurrent_kernel, bias_or_None)`` storage in ``x``'s dtype."""
        kernel, recurrent, bias = self.kernel._value, self.recurrent_kernel._value, None
        if self.bias is not None:
            bias = self.bias._value
        if kernel.dtype is not x.dtype:
            kernel, recurrent = kernel.to(x.dtype), recurrent.to(x.dtype)
            bias = None if bias is None else bias.to(x.dtype)
        return kernel, recurrent, bias

    # ------------------------------------------------------------- activations
    def _activate(self, value):
        fn = self._act_fn
        return fn(value) if fn is not None else self.activation(wrap(value))._value

    # ----------------------------------------------------------------- dropout
    def _draw(self, like, rate):
        if self.seed is not None and self._generator is None:
            self.__dict__["_generator"] = torch.Generator(device=like.device).manual_seed(
                int(self.seed)
            )
        keep = torch.rand(like.shape, device=like.device, generator=self._generator) >= rate
        return keep.to(like.dtype) / (1.0 - rate)

    def get_dropout_mask(self, step_input):
        """The input dropout mask for this sequence (``None`` when ``dropout`` is 0); storage in,
        storage out."""
        if self.dropout == 0:
            return None
        if self._masks[0] is None:
            self._masks[0] = self._draw(step_input, self.dropout)
        return self._masks[0]

    def get_recurrent_dropout_mask(self, step_state):
        """The recurrent dropout mask for this sequence (``None`` when ``recurrent_dropout`` is
        0)."""
        if self.recurrent_dropout == 0:
            return None
        if self._masks[1] is None:
            self._masks[1] = self._draw(step_state, self.recurrent_dropout)
        return self._masks[1]

    def reset_dropout_mask(self):
        """Forgets the input dropout mask (the next sequence draws a new one)."""
        self._masks[0] = None

    def reset_recurrent_dropout_mask(self):
        """Forgets the recurrent dropout mask."""
        self._masks[1] = None

    def _drop_input(self, x, training):
        if training and 0 < self.dropout < 1:
            return x * self.get_dropout_mask(x)
        return x

    def _drop_state(self, h, training):
        if training and 0 < self.recurrent_dropout < 1:
            return h * self.get_recurrent_dropout_mask(h)
        return h

    # -------------------------------------------------------------------- call
    def get_initial_state(self, batch_size=None):
        """Zero states, one ``(batch_size, size)`` Tensor per entry of ``state_size``."""
        sizes = self.state_size if isinstance(self.state_size, (list, tuple)) else [self.state_size]
        return [
            wrap(
                torch.zeros(
                    (batch_size, size), dtype=self._compute_torch_dtype, device=device.current()
                )
            )
            for size in sizes
        ]

    def call(self, inputs, states, training=False):
        """One step: ``(output, new_states)`` (``new_states`` a list when ``states`` was one, as
        in Keras)."""
        nested = isinstance(states, (list, tuple))
        try:
            state_values = [
                s._value if hasattr(s, "_value") else torch.as_tensor(s)
                for s in (states if nested else [states])
            ]
            x = inputs._value
            if not x.dtype.is_floating_point:
                x = x.to(self._compute_torch_dtype)  # Keras' matmul promotes to the kernel's
            output, new_states = self._step(x, state_values, training)
        except Exception:
            error = self._keras_error(inputs, states)
            if error is None:
                raise
            raise error from None
        wrapped = [wrap(s) for s in new_states]
        return wrap(output), (wrapped if nested or len(wrapped) > 1 else wrapped[0])

    def _keras_error(self, inputs, states):
        """The error Keras' step (its first ``keras.ops`` on ``inputs`` and ``states``) raises
        where the torch step failed, or None."""
        from ...ops import _numpy_array

        try:
            self._keras_step(_numpy_array.matmul, inputs, states)
        except Exception as error:  # noqa: BLE001 - the outcome is the error to report
            return error
        return None

    def _keras_step(self, matmul, inputs, states):
        """Keras' step up to its first binary ops (for their errors); subclasses override."""
        prev = states[0] if isinstance(states, (list, tuple)) else states
        h = matmul(inputs, self.kernel)
        if self.bias is not None:
            h = h + self.bias
        return h + matmul(prev, self.recurrent_kernel)

    def _fused_fits(self, training):
        """Whether torch's fused kernel computes this cell (subclasses refine)."""
        return not (training and self.recurrent_dropout > 0)

    def _base_config(self):
        return {
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "recurrent_initializer": initializers.serialize(self.recurrent_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "recurrent_regularizer": regularizers.serialize(self.recurrent_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "recurrent_constraint": constraints.serialize(self.recurrent_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.seed,
        }
